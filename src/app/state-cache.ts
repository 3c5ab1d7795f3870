/** A folded stream state and the revision it reflects (undefined: the stream had no events). */
export interface CachedState<S> {
  state: S;
  revision: bigint | undefined;
}

/**
 * Hot cache of folded states, least recently used evicted first, so a long
 * stream is caught up from its cached revision instead of re-read per command.
 */
export class StateCache<S> {
  private readonly entries = new Map<string, CachedState<S>>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): CachedState<S> | undefined {
    const entry = this.entries.get(streamId);
    if (entry) {
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  set(streamId: string, entry: CachedState<S>): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    const oldest = this.entries.keys().next();
    if (this.entries.size > this.capacity && !oldest.done) this.entries.delete(oldest.value);
  }
}
