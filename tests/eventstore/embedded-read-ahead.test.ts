import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createEmbeddedStore } from '../../src/eventstore/embedded';
import type { EventStore, ReadAllPagesOptions, RecordedEvent } from '../../src/eventstore/port';
import { tempDir } from '../support/temp-dir';

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

describe('embedded store: long scans of $all read ahead on a worker thread', () => {
  let temp: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(() => {
    temp = tempDir();
    file = join(temp.dir, 'events.sqlite');
  });
  afterEach(() => temp.remove());

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
