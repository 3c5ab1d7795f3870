import type Database from 'better-sqlite3';
import { StoreUnavailableError } from './errors';
import { asStorageFault } from './sqlite-file';
import { GROUP_COMMIT_AT_ONCE_PER_TURN_MAX, GROUP_COMMIT_BATCH_MAX } from '../limits';

interface Pending<T> {
  work: () => T;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

type Outcome = { value: unknown } | { error: unknown };

export interface GroupCommitStats {
  commits: number;
  appends: number;
}

/**
 * Group commit: writes requested in the same turn of the event loop run in
 * one SQLite transaction, so one fsync serves them all. Each write runs in a
 * savepoint of its own (better-sqlite3 nests transaction functions that way):
 * one that throws is rolled back and rejected alone, the others commit.
 *
 * Waiting for the turn to end only pays when writes come together. While
 * they come one at a time (the last batch held one), a write commits at once,
 * saving a trip through the event loop; the first write that finds company
 * switches back to waiting. PostgreSQL's commit_delay/commit_siblings follow
 * the same idea. At most GROUP_COMMIT_AT_ONCE_PER_TURN_MAX lone writes commit
 * at once per turn (a sequential writer still lets I/O in, a burst pays few
 * fsyncs before it is grouped); a batch that reaches GROUP_COMMIT_BATCH_MAX
 * commits without waiting for the turn to end.
 */
export class GroupCommit {
  private queue: Pending<unknown>[] = [];
  private lastBatchSize = 0;
  private atOnceThisTurn = 0;
  readonly stats: GroupCommitStats = { commits: 0, appends: 0 };
  /** Prepared once: building a transaction function per flush costs more than the work on a quiet loop. */
  private readonly commitBatch: Database.Transaction<(batch: Pending<unknown>[]) => Outcome[]>;

  constructor(
    db: Database.Database,
    private readonly file: string,
    /** Told when a batch did not commit, so caches of what it wrote can be dropped. */
    private readonly onFailedCommit: () => void = () => undefined,
  ) {
    this.commitBatch = db.transaction((batch: Pending<unknown>[]) =>
      batch.map((item): Outcome => {
        try {
          return { value: item.work() };
        } catch (error) {
          return { error: asStorageFault(error, this.file) };
        }
      }),
    );
  }

  /** `work` must be a better-sqlite3 transaction function, so that it becomes a savepoint. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const item = { work, resolve, reject } as Pending<unknown>;
      if (this.commitsAtOnce()) return this.commit([item]);
      this.queue.push(item);
      if (this.queue.length === 1) setImmediate(() => this.flush());
      else if (this.queue.length >= GROUP_COMMIT_BATCH_MAX) this.flush();
    });
  }

  private commitsAtOnce(): boolean {
    if (this.queue.length > 0 || this.lastBatchSize !== 1) return false;
    if (this.atOnceThisTurn >= GROUP_COMMIT_AT_ONCE_PER_TURN_MAX) return false;
    if (this.atOnceThisTurn++ === 0) setImmediate(() => (this.atOnceThisTurn = 0));
    return true;
  }

  private flush(): void {
    // A batch that reached its bound was committed before the turn ended.
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.commit(batch);
  }

  private commit(batch: Pending<unknown>[]): void {
    this.lastBatchSize = batch.length;
    let outcomes: Outcome[];
    try {
      outcomes = this.commitBatch.immediate(batch);
    } catch (error) {
      this.onFailedCommit();
      const fault = asStorageFault(error, this.file);
      const failure =
        fault instanceof StoreUnavailableError
          ? fault
          : new StoreUnavailableError(
              `Gagal menyimpan ke berkas / could not commit to the store file "${this.file}": ${(error as Error).message}`,
              { cause: error },
            );
      for (const item of batch) item.reject(failure);
      return;
    }
    this.stats.commits += 1;
    this.stats.appends += batch.length;
    outcomes.forEach((outcome, index) => {
      const item = batch[index]!;
      if ('error' in outcome) item.reject(outcome.error);
      else item.resolve(outcome.value);
    });
  }
}
