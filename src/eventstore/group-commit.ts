import type Database from 'better-sqlite3';
import { StoreUnavailableError } from './errors';
import { asStorageFault } from './sqlite-file';

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
 */
export class GroupCommit {
  private queue: Pending<unknown>[] = [];
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
      this.queue.push({ work, resolve, reject } as Pending<unknown>);
      if (this.queue.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.queue;
    this.queue = [];
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
