import { STREAM_HEADS_MAX } from '../limits';

/**
 * The head revision of each stream this connection has looked at, so a
 * caught-up reader asking "anything new?" costs no index lookup. Entries stay
 * true while no other connection commits, which is exactly when SQLite's
 * `PRAGMA data_version` stays the same; this connection's own appends update
 * them as they are made, and a commit that fails clears them all.
 *
 * Reading data_version opens a read transaction (file locks, a syscall or
 * two), so reads check it once per turn of the event loop: another process's
 * commit is seen from the next turn on, as if the read had come a moment
 * earlier. A write transaction checks it afresh (`refresh`).
 */
export class StreamHeads {
  private readonly heads = new Map<string, bigint | undefined>();
  private version: unknown;
  private checkedThisTurn = false;

  constructor(
    private readonly dataVersion: () => unknown,
    private readonly lookup: (stream: string) => bigint | undefined,
  ) {}

  /** The stream's last revision; undefined when it has no events. */
  get(stream: string): bigint | undefined {
    if (!this.checkedThisTurn) this.refresh();
    if (this.heads.has(stream)) return this.heads.get(stream);
    const head = this.lookup(stream);
    this.remember(stream, head);
    return head;
  }

  /** Drops every entry if another connection has committed since the last check. */
  refresh(): void {
    if (!this.checkedThisTurn) {
      this.checkedThisTurn = true;
      setImmediate(() => {
        this.checkedThisTurn = false;
      });
    }
    const version = this.dataVersion();
    if (version !== this.version) {
      this.heads.clear();
      this.version = version;
    }
  }

  /** Called inside the write transaction, after the stream's events were inserted. */
  appended(stream: string, head: bigint): void {
    this.remember(stream, head);
  }

  /** Called when a transaction that may have called `appended` did not commit. */
  forget(): void {
    this.heads.clear();
  }

  private remember(stream: string, head: bigint | undefined): void {
    if (this.heads.size >= STREAM_HEADS_MAX) this.heads.clear();
    this.heads.set(stream, head);
  }
}
