import { SYNC_QUARANTINED_STREAMS_MAX } from '../limits';

/**
 * Why a stream's sync stopped: the same revision holds different events on
 * the two sides, as when a node restored from an old backup kept writing.
 */
export interface Divergence {
  stream: string;
  revision: bigint;
  heldId: string;
  sentId: string;
  /** The two events' chain hashes: what people compare to tell which history is which. */
  heldHash: string;
  sentHash: string;
}

/**
 * Streams whose sync is stopped until people look at them. Never a merge:
 * both histories stay as they are, and the divergence is what the alert shows.
 */
export class SyncQuarantine {
  private readonly streams = new Map<string, Divergence>();

  /** Starts with the divergences a side recorded before (its quarantine survives a restart). */
  constructor(recorded: Iterable<Divergence> = []) {
    for (const divergence of recorded) this.add(divergence);
  }

  has(stream: string): boolean {
    return this.streams.has(stream);
  }

  get(stream: string): Divergence | undefined {
    return this.streams.get(stream);
  }

  add(divergence: Divergence): void {
    if (this.streams.has(divergence.stream)) return;
    if (this.streams.size >= SYNC_QUARANTINED_STREAMS_MAX)
      throw new Error(
        `Karantina sinkronisasi penuh (${SYNC_QUARANTINED_STREAMS_MAX} aliran) / sync quarantine full`,
      );
    this.streams.set(divergence.stream, divergence);
  }

  /** The alerts both sides show: every quarantined stream with its divergence. */
  alerts(): Divergence[] {
    return [...this.streams.values()];
  }
}
