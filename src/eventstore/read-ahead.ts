import { on } from 'node:events';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StoreUnavailableError } from './errors';
import { READ_AHEAD_PAGES_MAX } from '../limits';

export interface ReadAheadQuery {
  file: string;
  /** A forwards page query of `$all`; its first parameter is the position to read after, its last the page size. */
  sql: string;
  params: unknown[];
  /** Columns per row; the first is the position. */
  columns: number;
}

type WorkerMessage = { flat: unknown[]; last: boolean } | { error: string };

/** Scans read ahead so far, and those still running: what operators and tests can see. */
export interface ReadAheadStats {
  started: number;
  running: number;
}

/**
 * A long forwards scan of `$all` with the SQLite side on a worker thread:
 * while the reader turns one page into events, the worker already fetches
 * the next. Each page arrives as its rows' columns in one flat array, which
 * `toPage` turns into events. The worker stops at the first page that is
 * not full (the head); ending the iteration early stops it too.
 */
export async function* readAhead<Page>(
  query: ReadAheadQuery,
  toPage: (flat: unknown[]) => Page,
  stats: ReadAheadStats,
): AsyncGenerator<Page> {
  const worker = new Worker(join(__dirname, 'read-ahead-worker.js'), {
    workerData: { ...query, depth: READ_AHEAD_PAGES_MAX },
    // Not the parent's flags: its TypeScript loader would cost the worker ~150 ms and a compiler's memory.
    execArgv: [],
  });
  stats.started += 1;
  stats.running += 1;
  try {
    for await (const [message] of on(worker, 'message', { close: ['exit'] })) {
      const page = message as WorkerMessage;
      if ('error' in page) throw readFailure(query.file, page.error);
      if (!page.last) worker.postMessage('next');
      if (page.flat.length > 0) yield toPage(page.flat);
      if (page.last) return;
    }
    throw readFailure(query.file, 'the worker exited early');
  } finally {
    await worker.terminate();
    stats.running -= 1;
  }
}

function readFailure(file: string, reason: string): StoreUnavailableError {
  return new StoreUnavailableError(
    `Berkas penyimpanan tidak dapat dibaca / cannot read the store file "${file}": ${reason}`,
  );
}
