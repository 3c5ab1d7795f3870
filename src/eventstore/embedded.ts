import Database from 'better-sqlite3';
import { AppendSignal } from './append-signal';
import { catchUpSubscription } from './catch-up-subscription';
import { StreamNotFoundError } from './errors';
import { checkAppend } from './expected-revision';
import type {
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadAllPagesOptions,
  ReadStreamOptions,
  RecordedEvent,
} from './port';
import { pagesOf } from './reading';
import { PREPARED_STATEMENTS_MAX, STORE_POLL_MS, STORE_READ_PAGE_MAX } from '../limits';
import { readAhead, type ReadAheadStats } from './read-ahead';
import { GroupCommit, type GroupCommitStats } from './group-commit';
import { openSqliteFile } from './sqlite-file';
import { StreamHeads } from './stream-heads';

export interface EmbeddedStoreOptions {
  /** Path of the SQLite file; its folder is created if missing. */
  file: string;
  clock?: () => Date;
  /** How often subscriptions look for appends made by other processes. */
  pollMs?: number;
  /** `readAllPages` reads ahead on a worker thread when at least this many events follow its start (default 100,000). */
  readAheadFrom?: number;
}

/**
 * Rows are read in raw mode (arrays in COLUMNS order, fewer allocations on
 * long reads); `toRecorded` finds the columns by their index in COLUMNS.
 */
const COLUMNS = 'position, stream_id, revision, id, type, data, metadata, recorded_at';
const COLUMN_COUNT = 8;

/** A scan of `$all` with at least this many events ahead of it reads ahead on a worker thread. */
const READ_AHEAD_FROM = 100_000;

/** The event whose columns start at `at` in `values`: one raw row, or a page of rows laid end to end. */
function toRecorded(values: unknown[], at = 0): RecordedEvent {
  return {
    id: values[at + 3] as string,
    type: values[at + 4] as string,
    data: JSON.parse(values[at + 5] as string),
    metadata: JSON.parse(values[at + 6] as string),
    streamId: values[at + 1] as string,
    revision: values[at + 2] as bigint,
    position: values[at] as bigint,
    recordedAt: values[at + 7] as string,
  };
}

function toEvents(flat: unknown[]): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  for (let at = 0; at < flat.length; at += COLUMN_COUNT) events.push(toRecorded(flat, at));
  return events;
}

/**
 * A stream's events after revision `after` through `through`, read at once
 * from an open connection to an embedded store's file: for a reader that
 * must not wait (a read model folding what it put off).
 */
export function streamRangeReader(
  db: Database.Database,
): (streamId: string, after: bigint, through: bigint) => RecordedEvent[] {
  const range = db
    .prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision > ? AND revision <= ? ORDER BY revision`,
    )
    .safeIntegers(true)
    .raw(true);
  return (streamId, after, through) =>
    (range.all(streamId, after, through) as unknown[][]).map((row) => toRecorded(row));
}

/** SQL and parameters selecting one page of `$all`. */
function allQuery(options: ReadAllOptions): { sql: string; params: unknown[] } {
  const backwards = options.direction === 'backwards';
  const where: string[] = [];
  const params: unknown[] = [];
  if (options.after !== undefined) {
    where.push(backwards ? 'position < ?' : 'position > ?');
    params.push(options.after);
  }
  const prefixes = options.filter?.streamPrefixes;
  if (prefixes) {
    // substr comparison, not LIKE: stream ids may contain % or _.
    where.push(`(${prefixes.map(() => 'substr(stream_id, 1, ?) = ?').join(' OR ') || '0'})`);
    for (const prefix of prefixes) params.push(prefix.length, prefix);
  }
  const types = options.filter?.eventTypes;
  if (types) {
    where.push(`type IN (${types.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...types);
  }
  params.push(options.maxCount ?? STORE_READ_PAGE_MAX);
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return {
    sql: `SELECT ${COLUMNS} FROM events ${clause} ORDER BY position ${backwards ? 'DESC' : 'ASC'} LIMIT ?`,
    params,
  };
}

/** The default store: one SQLite file, WAL, synchronous=FULL, with group commit of concurrent appends. */
export function createEmbeddedStore(options: EmbeddedStoreOptions): EventStore & {
  readonly db: Database.Database;
  readonly groupCommit: GroupCommitStats;
  readonly readAhead: ReadAheadStats;
} {
  const clock = options.clock ?? (() => new Date());
  const db = openSqliteFile(options.file);
  const signal = new AppendSignal(options.pollMs ?? STORE_POLL_MS);
  const readAheadFrom = BigInt(options.readAheadFrom ?? READ_AHEAD_FROM);
  const readAheadStats: ReadAheadStats = { started: 0, running: 0 };
  const statements = new Map<string, Database.Statement>();
  // Reads build their SQL from the options; each distinct shape is prepared once (so many, at most).
  function statement(sql: string): Database.Statement {
    let prepared = statements.get(sql);
    if (!prepared) {
      prepared = db.prepare(sql).safeIntegers(true).raw(true);
      if (statements.size >= PREPARED_STATEMENTS_MAX) statements.clear();
      statements.set(sql, prepared);
    }
    return prepared;
  }

  const headOf = db
    .prepare<[string], { revision: bigint }>(
      'SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1',
    )
    .safeIntegers(true);
  const insert = db
    .prepare(
      'INSERT INTO events (stream_id, revision, id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    .safeIntegers(true);
  const lastPosition = db
    .prepare<[], { position: bigint | null }>('SELECT max(position) AS position FROM events')
    .safeIntegers(true);
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const heads = new StreamHeads(
    () => dataVersion.get(),
    (stream) => headOf.get(stream)?.revision,
  );

  function currentRevision(stream: string): bigint | undefined {
    return heads.get(stream);
  }

  const groupCommit = new GroupCommit(db, options.file, () => heads.forget());
  const appendTransaction = db.transaction(
    (stream: string, events: EventData[], expected: ExpectedRevision): AppendResult => {
      // Under the write lock now: whatever another connection committed before it is seen.
      heads.refresh();
      const current = currentRevision(stream);
      const repeated = checkAppend(stream, events, expected, current, (first, count) =>
        readStreamRows(stream, current, { fromRevision: first, maxCount: count }),
      );
      if (repeated) return repeated;
      const recordedAt = clock().toISOString();
      let revision = current ?? -1n;
      let position = 0n;
      for (const event of events) {
        revision += 1n;
        const info = insert.run(
          stream,
          revision,
          event.id,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          recordedAt,
        );
        position = BigInt(info.lastInsertRowid);
      }
      if (events.length > 0) heads.appended(stream, revision);
      return {
        nextRevision: revision,
        position: events.length > 0 ? position : (lastPosition.get()?.position ?? 0n),
      };
    },
  );

  /** `head`: the stream's current revision, which the caller has looked up already. */
  function readStreamRows(
    stream: string,
    head: bigint | undefined,
    { direction = 'forwards', fromRevision, maxCount }: ReadStreamOptions,
  ): RecordedEvent[] {
    const backwards = direction === 'backwards';
    // A caught-up reader asking for what follows the head: answered without a query.
    if (!backwards && fromRevision !== undefined && fromRevision > (head ?? -1n)) return [];
    const bound =
      fromRevision === undefined ? '' : backwards ? 'AND revision <= ?' : 'AND revision >= ?';
    const params: unknown[] = [stream];
    if (fromRevision !== undefined) params.push(fromRevision);
    params.push(maxCount ?? -1);
    const rows = statement(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? ${bound} ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT ?`,
    ).all(...params) as unknown[][];
    return rows.map((row) => toRecorded(row));
  }

  async function readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { sql, params } = allQuery(options);
    return (statement(sql).all(...params) as unknown[][]).map((row) => toRecorded(row));
  }

  /** Long scans read ahead on a worker thread (its own connection: not for an in-memory database). */
  function readAllPages(pages: ReadAllPagesOptions = {}): AsyncIterable<RecordedEvent[]> {
    const after = pages.after ?? 0n;
    const ahead = (lastPosition.get()?.position ?? 0n) - after;
    if (options.file === ':memory:' || ahead < readAheadFrom) return pagesOf(readAll, pages);
    const maxCount = pages.pageSize ?? STORE_READ_PAGE_MAX;
    const { sql, params } = allQuery({ after, maxCount, filter: pages.filter });
    return readAhead(
      { file: options.file, sql, params, columns: COLUMN_COUNT },
      toEvents,
      readAheadStats,
    );
  }

  return {
    db,
    groupCommit: groupCommit.stats,
    readAhead: readAheadStats,
    async append(stream, events, expected) {
      const result = await groupCommit.run(() => appendTransaction(stream, events, expected));
      if (events.length > 0) signal.notify();
      return result;
    },
    async readStream(stream, options = {}) {
      const head = currentRevision(stream);
      if (head === undefined) throw new StreamNotFoundError(stream);
      return readStreamRows(stream, head, options);
    },
    async streamRevision(stream) {
      return currentRevision(stream);
    },
    readAll,
    readAllPages,
    subscribeToAll: (subscribeOptions = {}) =>
      catchUpSubscription({ readAll, signal }, subscribeOptions),
    async headPosition() {
      return lastPosition.get()?.position ?? 0n;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
