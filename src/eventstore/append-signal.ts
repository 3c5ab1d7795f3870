import { EventEmitter } from 'node:events';

/**
 * Wakes the subscriptions of one store when it appends, and at least every
 * `pollMs` so that appends made by another process (the CLI on the same
 * SQLite file) are seen too.
 */
export class AppendSignal {
  private readonly emitter = new EventEmitter();
  /** Counts appends, so a waiter that read before an append it did not see wakes at once. */
  private appends = 0;

  constructor(private readonly pollMs?: number) {
    this.emitter.setMaxListeners(0);
  }

  get version(): number {
    return this.appends;
  }

  notify(): void {
    this.appends += 1;
    this.emitter.emit('append');
  }

  /** Resolves on the next append after `seenVersion`, an abort, or a poll tick. */
  wait(signal: AbortSignal, seenVersion: number): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted || this.appends !== seenVersion) return resolve();
      const done = () => {
        this.emitter.off('append', done);
        signal.removeEventListener('abort', done);
        if (timer) clearTimeout(timer);
        resolve();
      };
      const timer = this.pollMs === undefined ? undefined : setTimeout(done, this.pollMs);
      this.emitter.on('append', done);
      signal.addEventListener('abort', done);
    });
  }
}
