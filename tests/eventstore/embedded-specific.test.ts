import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createEmbeddedStore } from '../../src/eventstore/embedded';
import { StoreUnavailableError } from '../../src/eventstore/errors';
import type { EventStore, ReadAllPagesOptions, RecordedEvent } from '../../src/eventstore/port';
import { GROUP_COMMIT_AT_ONCE_PER_TURN_MAX } from '../../src/limits';
import { verifyAllStreams, verifyStream } from '../../src/eventstore/verify-stream';
import { sqliteMigrations } from '../../migrations/sqlite';
import { tempDir } from '../support/temp-dir';

const paid = (amount: string) => ({
  id: randomUUID(),
  type: 'PaymentRecorded',
  data: { amount },
  metadata: {},
});

const STREAMS = ['village-a', 'village-b', 'regency-r'];

async function fill(store: EventStore, count: number): Promise<void> {
  for (let n = 0; n < count; n += 25) {
    const events = Array.from({ length: 25 }, (_, i) => ({
      id: randomUUID(),
      type: (n + i) % 3 === 0 ? 'ReceiptRecorded' : 'PaymentRecorded',
      data: { n: n + i, amount: `${n + i}.50`, note: 'ünïcode ✓' },
      metadata: { actor: { id: 'u-1' } },
    }));
    await store.append(STREAMS[(n / 25) % STREAMS.length]!, events, 'any');
  }
}

/** The pages a reader gets by paging `readAll` itself. */
async function pagedByHand(store: EventStore, options: ReadAllPagesOptions) {
  const pages: RecordedEvent[][] = [];
  for (let after = options.after; ;) {
    const page = await store.readAll({ after, maxCount: options.pageSize, filter: options.filter });
    if (page.length > 0) pages.push(page);
    if (page.length < options.pageSize!) return pages;
    after = page.at(-1)!.position;
  }
}

async function collect(pages: AsyncIterable<RecordedEvent[]>) {
  const collected: RecordedEvent[][] = [];
  for await (const page of pages) collected.push(page);
  return collected;
}

describe('embedded store on its SQLite file', () => {
  let temp: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(() => {
    temp = tempDir();
    file = join(temp.dir, 'events.sqlite');
  });
  afterEach(() => temp.remove());

  test('creates its schema by numbered migrations, WAL and synchronous=FULL', async () => {
    const store = createEmbeddedStore({ file });
    expect(store.db.pragma('user_version', { simple: true })).toBe(
      sqliteMigrations[sqliteMigrations.length - 1]!.version,
    );
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2);
    await store.close();
  });

  test('refuses a database whose schema is newer than the application', () => {
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => createEmbeddedStore({ file })).toThrow(StoreUnavailableError);
    expect(() => createEmbeddedStore({ file })).toThrow(/events\.sqlite.*99/s);
  });

  test('refuses a file that is not a SQLite database, naming the file', () => {
    writeFileSync(file, 'this is not a database, just bytes '.repeat(200));
    expect(() => createEmbeddedStore({ file })).toThrow(
      new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
  });

  test('a row edited directly in the file is named by verification', async () => {
    const store = withHashChain(createEmbeddedStore({ file }));
    await store.append(
      'village-35.10.01.2001-2025',
      [paid('100000.00'), paid('250000.00'), paid('75000.00')],
      'no_stream',
    );
    await store.append('village-35.10.01.2002-2025', [paid('5.00')], 'no_stream');
    await store.close();

    const db = new Database(file);
    const target = db
      .prepare(
        "SELECT id FROM events WHERE stream_id = 'village-35.10.01.2001-2025' AND revision = 1",
      )
      .get() as { id: string };
    db.prepare(
      "UPDATE events SET data = json_set(data, '$.amount', '2500000.00') WHERE id = ?",
    ).run(target.id);
    db.close();

    const reopened = createEmbeddedStore({ file });
    const result = await verifyStream(reopened, 'village-35.10.01.2001-2025');
    expect(result).toMatchObject({ ok: false, broken: { revision: 1n, eventId: target.id } });
    const all = await verifyAllStreams(reopened);
    expect(all.find((r) => r.stream === 'village-35.10.01.2002-2025')).toMatchObject({ ok: true });
    expect(all.find((r) => r.stream === 'village-35.10.01.2001-2025')).toMatchObject({
      ok: false,
      broken: { eventId: target.id },
    });
    await reopened.close();
  });

  test('a stream at a revision beyond 2^53 appends and reads back exactly', async () => {
    const store = createEmbeddedStore({ file });
    const huge = 2n ** 53n + 1n;
    store.db
      .prepare(
        "INSERT INTO events (stream_id, revision, id, type, data, metadata, recorded_at) VALUES ('big', ?, ?, 'Seeded', '{}', '{}', '2025-01-01T00:00:00.000Z')",
      )
      .run(huge, randomUUID());
    expect(await store.streamRevision('big')).toBe(huge);
    const result = await store.append('big', [paid('1.00')], huge);
    expect(result.nextRevision).toBe(huge + 1n);
    const [last] = await store.readStream('big', { direction: 'backwards', maxCount: 1 });
    expect(last!.revision).toBe(9007199254740994n);
    await store.close();
  });

  test('concurrent appends share one transaction; a refused one fails alone', async () => {
    const store = createEmbeddedStore({ file });
    // Two writers together: the store groups commits from here on.
    await Promise.all([
      store.append('village-a', [paid('1.00')], 'no_stream'),
      store.append('village-z', [paid('1.00')], 'no_stream'),
    ]);
    const before = { ...store.groupCommit };
    const writes = Array.from({ length: 40 }, (_, i) =>
      store.append(`village-${i}`, [paid(`${i}.00`)], 'any'),
    );
    const stale = store.append('village-a', [paid('9.00')], 'no_stream');
    const results = await Promise.allSettled([...writes, stale]);
    expect(results.slice(0, 40).every((r) => r.status === 'fulfilled')).toBe(true);
    expect(results[40]).toMatchObject({
      status: 'rejected',
      reason: { name: 'WrongExpectedRevisionError' },
    });
    expect(store.groupCommit.appends - before.appends).toBe(41);
    expect(store.groupCommit.commits - before.commits).toBe(1);
    expect((await store.readAll({ maxCount: 100 })).length).toBe(42);
    await store.close();
  });

  test('a lone writer commits at once; a burst after it pays a few commits, then is grouped', async () => {
    const store = createEmbeddedStore({ file });
    const count = () => store.db.prepare('SELECT count(*) FROM events').pluck().get();
    await store.append('village-a', [paid('1.00')], 'no_stream');
    for (let revision = 0n; revision < 5n; revision++) {
      const appended = store.append('village-a', [paid('2.00')], revision);
      // Written and committed before the call returned: no wait for the turn to end.
      expect(count()).toBe(Number(revision) + 2);
      await appended;
    }
    const before = { ...store.groupCommit };
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => store.append(`village-${i}`, [paid('3.00')], 'any')),
    );
    expect(store.groupCommit.appends - before.appends).toBe(40);
    expect(store.groupCommit.commits - before.commits).toBeLessThanOrEqual(
      GROUP_COMMIT_AT_ONCE_PER_TURN_MAX + 1,
    );
    expect(count()).toBe(46);
    await store.close();
  });

  test('sees what another connection appended after it cached the stream head', async () => {
    const server = createEmbeddedStore({ file });
    const cli = createEmbeddedStore({ file });
    await server.append('access-35.10', [paid('1.00')], 'no_stream');
    expect(await server.readStream('access-35.10', { fromRevision: 1n })).toEqual([]);
    await cli.append('access-35.10', [paid('2.00')], 0n);
    await cli.append('village-b', [paid('3.00')], 'no_stream');
    expect(await server.streamRevision('access-35.10')).toBe(1n);
    expect(await server.streamRevision('village-b')).toBe(0n);
    const tail = await server.readStream('access-35.10', { fromRevision: 1n });
    expect(tail.map((e) => e.data)).toEqual([{ amount: '2.00' }]);
    await expect(server.append('access-35.10', [paid('9.00')], 0n)).rejects.toMatchObject({
      name: 'WrongExpectedRevisionError',
      actual: 1n,
    });
    await server.close();
    await cli.close();
  });

  test('a batch that fails at COMMIT leaves no cached head behind it', async () => {
    const store = createEmbeddedStore({ file });
    await store.append('village-a', [paid('1.00')], 'no_stream');
    // A deferred foreign key violated by the next insert fails the COMMIT itself, after every savepoint was released.
    store.db.exec(`
      PRAGMA foreign_keys = ON;
      CREATE TABLE parent (id INTEGER PRIMARY KEY);
      CREATE TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TEMP TRIGGER fail_commit AFTER INSERT ON events BEGIN INSERT INTO child VALUES (999); END;
    `);
    await expect(store.append('village-a', [paid('2.00')], 0n)).rejects.toThrow(/FOREIGN KEY/);
    store.db.exec('DROP TRIGGER fail_commit');
    expect(await store.streamRevision('village-a')).toBe(0n);
    await store.append('village-a', [paid('3.00')], 0n);
    expect((await store.readStream('village-a')).map((e) => e.data)).toEqual([
      { amount: '1.00' },
      { amount: '3.00' },
    ]);
    await store.close();
  });

  describe('long scans of $all read ahead on a worker thread', () => {
    test('gives exactly the pages that paging readAll gives, from the start, from a position and filtered', async () => {
      const store = createEmbeddedStore({ file, readAheadFrom: 0 });
      await fill(store, 2_050);
      const middle = (await store.readAll({ maxCount: 777 })).at(-1)!.position;
      for (const options of [
        { pageSize: 100 },
        { pageSize: 64, after: middle },
        { pageSize: 50, filter: { streamPrefixes: ['village-'], eventTypes: ['ReceiptRecorded'] } },
        { pageSize: 2_050 },
      ]) {
        const expected = await pagedByHand(store, options);
        expect(expected.length).toBeGreaterThan(0);
        expect(await collect(store.readAllPages(options))).toEqual(expected);
      }
      expect(store.readAhead).toEqual({ started: 4, running: 0 });
      await store.close();
    });

    test('runs on a worker while the reader works, and a reader that stops early stops it', async () => {
      const store = createEmbeddedStore({ file, readAheadFrom: 0 });
      await fill(store, 500);
      const seen: bigint[] = [];
      for await (const page of store.readAllPages({ pageSize: 10 })) {
        expect(store.readAhead).toEqual({ started: 1, running: 1 });
        seen.push(page.at(-1)!.position);
        if (seen.length === 3) break;
      }
      expect(seen).toHaveLength(3);
      expect(store.readAhead).toEqual({ started: 1, running: 0 });
      await store.close();
    });

    test('short scans stay on the calling thread', async () => {
      const store = createEmbeddedStore({ file });
      await fill(store, 100);
      const pages = await collect(store.readAllPages({ pageSize: 10 }));
      expect(pages.map((page) => page.length)).toEqual(Array(10).fill(10));
      expect(store.readAhead.started).toBe(0);
      await store.close();
    });

    test('a failure on the worker ends the scan with the error, and the worker is gone', async () => {
      const store = createEmbeddedStore({ file, readAheadFrom: 0 });
      await fill(store, 100);
      // The store keeps its open connection; the worker, opening the file afresh, finds nothing.
      rmSync(file);
      await expect(collect(store.readAllPages({ pageSize: 10 }))).rejects.toThrow(
        /cannot read the store file ".*events.sqlite": SQLITE_CANTOPEN: unable to open database file/,
      );
      expect(store.readAhead).toEqual({ started: 1, running: 0 });
      await store.close();
    });
  });
});
