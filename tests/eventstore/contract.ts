import { randomUUID } from 'node:crypto';
import { withHashChain } from '../../src/eventstore/chained-store';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../../src/eventstore/errors';
import type { EventData, EventStore, RecordedEvent, Subscription } from '../../src/eventstore/port';
import { verifyStream } from '../../src/eventstore/verify-stream';

export interface OpenedStore {
  store: EventStore;
  cleanup(): Promise<void>;
}

function event(type = 'TestHappened', data: Record<string, unknown> = {}): EventData {
  return {
    id: randomUUID(),
    type,
    data: { at: randomUUID(), ...data },
    metadata: { actor: 'contract' },
  };
}

function events(count: number, type?: string): EventData[] {
  return Array.from({ length: count }, (_, i) => event(type, { index: i }));
}

async function take(subscription: Subscription, count: number): Promise<RecordedEvent[]> {
  // Not for-await: breaking out of it would end the subscription.
  const iterator = subscription[Symbol.asyncIterator]();
  const received: RecordedEvent[] = [];
  while (received.length < count) {
    const next = await iterator.next();
    if (next.done)
      throw new Error(`subscription ended after ${received.length} of ${count} events`);
    received.push(next.value);
  }
  return received;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/**
 * The one contract every adapter meets. Each case runs on the bare adapter
 * and on the adapter behind the hash chain, as the application uses it.
 * Streams are namespaced per test so the suite also runs on a shared,
 * non-empty server (a real EventStoreDB).
 */
export function describeEventStoreContract(label: string, open: () => Promise<OpenedStore>): void {
  describe.each([
    ['bare', (s: EventStore) => s],
    ['hash-chained', withHashChain],
  ])(`${label} event store contract (%s)`, (_mode, wrap) => {
    let opened: OpenedStore;
    let store: EventStore;
    let ns: string;

    beforeEach(async () => {
      opened = await open();
      store = wrap(opened.store);
      ns = `t${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    });
    afterEach(async () => {
      await opened.cleanup();
    });

    const ids = (list: { id: string }[]) => list.map((e) => e.id);

    describe('expected revision', () => {
      test('no_stream creates a stream at revision 0 and refuses an existing one', async () => {
        const first = await store.append(`${ns}-a`, [event()], 'no_stream');
        expect(first.nextRevision).toBe(0n);
        const error = await rejection(store.append(`${ns}-a`, [event()], 'no_stream'));
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ stream: `${ns}-a`, expected: 'no_stream', actual: 0n });
        expect(await store.readStream(`${ns}-a`)).toHaveLength(1);
      });

      test('any appends to a new and to an existing stream', async () => {
        expect((await store.append(`${ns}-a`, [event()], 'any')).nextRevision).toBe(0n);
        expect((await store.append(`${ns}-a`, events(2), 'any')).nextRevision).toBe(2n);
      });

      test('stream_exists refuses a missing stream and accepts an existing one', async () => {
        const error = await rejection(store.append(`${ns}-a`, [event()], 'stream_exists'));
        expect(error).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
        expect(await store.streamRevision(`${ns}-a`)).toBeUndefined();
        await store.append(`${ns}-a`, [event()], 'no_stream');
        expect((await store.append(`${ns}-a`, [event()], 'stream_exists')).nextRevision).toBe(1n);
      });

      test('an exact revision appends; a stale one writes nothing and names expected and actual', async () => {
        await store.append(`${ns}-a`, events(3), 'no_stream');
        expect((await store.append(`${ns}-a`, [event()], 2n)).nextRevision).toBe(3n);
        const stale = await rejection(store.append(`${ns}-a`, events(2), 1n));
        expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
        expect(stale).toMatchObject({ stream: `${ns}-a`, expected: 1n, actual: 3n });
        const ahead = await rejection(store.append(`${ns}-a`, [event()], 7n));
        expect(ahead).toMatchObject({ expected: 7n, actual: 3n });
        expect(await store.readStream(`${ns}-a`)).toHaveLength(4);
      });

      test('an exact revision on a missing stream reports no_stream', async () => {
        const error = await rejection(store.append(`${ns}-a`, [event()], 0n));
        expect(error).toMatchObject({ expected: 0n, actual: 'no_stream' });
        expect(await store.streamRevision(`${ns}-a`)).toBeUndefined();
      });

      test('two concurrent appends with the same expected revision: exactly one wins', async () => {
        await store.append(`${ns}-a`, [event()], 'no_stream');
        const contenders = [events(2), events(2)];
        const results = await Promise.allSettled(
          contenders.map((batch) => store.append(`${ns}-a`, batch, 0n)),
        );
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r) => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        const winner = contenders[results.indexOf(won[0]!)]!;
        expect(ids(await store.readStream(`${ns}-a`, { fromRevision: 1n }))).toEqual(ids(winner));
      });

      test('revisions beyond 2^53 are carried exactly', async () => {
        await store.append(`${ns}-a`, [event()], 'no_stream');
        const huge = 2n ** 53n + 1n;
        const error = await rejection(store.append(`${ns}-a`, [event()], huge));
        expect(error).toMatchObject({ expected: huge, actual: 0n });
        expect(String((error as Error).message)).toContain('9007199254740993');
      });

      test('re-appending the same events at the same expected revision is idempotent', async () => {
        await store.append(`${ns}-a`, [event()], 'no_stream');
        const batch = events(2);
        const first = await store.append(`${ns}-a`, batch, 0n);
        const again = await store.append(`${ns}-a`, batch, 0n);
        expect(again.nextRevision).toBe(first.nextRevision);
        expect(await store.readStream(`${ns}-a`)).toHaveLength(3);
      });
    });

    describe('atomic multi-event append', () => {
      test('events of one append get consecutive revisions and increasing positions', async () => {
        const batch = events(3);
        const result = await store.append(`${ns}-a`, batch, 'no_stream');
        const stored = await store.readStream(`${ns}-a`);
        expect(ids(stored)).toEqual(ids(batch));
        expect(stored.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(
          stored[0]!.position < stored[1]!.position && stored[1]!.position < stored[2]!.position,
        ).toBe(true);
        expect(result).toEqual({ nextRevision: 2n, position: stored[2]!.position });
        expect(
          stored.every((e) => e.streamId === `${ns}-a` && !Number.isNaN(Date.parse(e.recordedAt))),
        ).toBe(true);
      });

      test('a refused multi-event append writes none of its events', async () => {
        await store.append(`${ns}-a`, events(2), 'no_stream');
        await rejection(store.append(`${ns}-a`, events(5), 0n));
        expect(await store.readStream(`${ns}-a`)).toHaveLength(2);
      });

      test('data and metadata come back as written', async () => {
        const written = event('Detailed', {
          amount: '1500000.00',
          nested: { list: [1, 'dua', null, true] },
        });
        await store.append(`${ns}-a`, [written], 'no_stream');
        const [read] = await store.readStream(`${ns}-a`);
        expect(read!.type).toBe('Detailed');
        expect(read!.data).toEqual(written.data);
        expect(read!.metadata).toMatchObject(written.metadata);
      });

      test('what a reader gets is its own: changing it changes no later read', async () => {
        const written = event('Detailed', { amount: '1.00', nested: { note: 'asli' } });
        await store.append(`${ns}-a`, [written], 'no_stream');
        const [first] = await store.readStream(`${ns}-a`);
        const [fromAll] = (await store.readAll({ filter: { streamPrefixes: [`${ns}-a`] } })).slice(
          -1,
        );
        for (const read of [first!, fromAll!]) {
          read.recordedAt = 'diubah';
          (read.data.nested as { note: string }).note = 'diubah';
          read.metadata.changed = true;
        }
        const [again] = await store.readStream(`${ns}-a`);
        expect(again!.recordedAt).not.toBe('diubah');
        expect(again!.data).toEqual(written.data);
        expect(again!.metadata.changed).toBeUndefined();
      });
    });

    describe('reading a stream', () => {
      test('forwards and backwards from a revision, with a count', async () => {
        const batch = events(6);
        await store.append(`${ns}-a`, batch, 'no_stream');
        expect(ids(await store.readStream(`${ns}-a`, { fromRevision: 2n, maxCount: 3 }))).toEqual(
          ids(batch.slice(2, 5)),
        );
        expect(
          ids(await store.readStream(`${ns}-a`, { direction: 'backwards', maxCount: 2 })),
        ).toEqual(ids([batch[5]!, batch[4]!]));
        expect(
          ids(await store.readStream(`${ns}-a`, { direction: 'backwards', fromRevision: 1n })),
        ).toEqual(ids([batch[1]!, batch[0]!]));
        expect(await store.streamRevision(`${ns}-a`)).toBe(5n);
      });

      test('a missing stream is a typed error', async () => {
        const error = await rejection(store.readStream(`${ns}-missing`));
        expect(error).toBeInstanceOf(StreamNotFoundError);
        expect(error).toMatchObject({ stream: `${ns}-missing` });
      });

      test('a 1 MB event round-trips', async () => {
        const big = 'x'.repeat(1024 * 1024);
        await store.append(`${ns}-a`, [event('Big', { big })], 'no_stream');
        const [read] = await store.readStream(`${ns}-a`);
        expect((read!.data.big as string).length).toBe(big.length);
      });

      test('unicode data round-trips unchanged', async () => {
        const text = 'Desa Sukamaju — Rp 1.500.000 · 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 ٱلْعَرَبِيَّة 漢字 \u0000 \u2028 e\u0301';
        await store.append(`${ns}-ü/ñ`, [event('Unicode', { text, [text]: text })], 'no_stream');
        const [read] = await store.readStream(`${ns}-ü/ñ`);
        expect(read!.data.text).toBe(text);
        expect(read!.data[text]).toBe(text);
        expect(read!.streamId).toBe(`${ns}-ü/ñ`);
      });
    });

    describe('$all', () => {
      async function appendAcrossStreams(): Promise<{ before: bigint; order: EventData[] }> {
        const before = await store.headPosition();
        const order: EventData[] = [];
        for (const [stream, type] of [
          ['a', 'A'],
          ['b', 'B'],
          ['a', 'B'],
          ['c', 'A'],
          ['b', 'A'],
        ] as const) {
          const e = event(type);
          await store.append(`${ns}-${stream}`, [e], 'any');
          order.push(e);
        }
        return { before, order };
      }

      test('keeps global order across streams, forwards and backwards', async () => {
        const { before, order } = await appendAcrossStreams();
        const forwards = await store.readAll({
          after: before,
          filter: { streamPrefixes: [`${ns}-`] },
        });
        expect(ids(forwards)).toEqual(ids(order));
        const positions = forwards.map((e) => e.position);
        expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true);
        expect(await store.headPosition()).toBeGreaterThanOrEqual(positions[positions.length - 1]!);
        const backwards = await store.readAll({
          direction: 'backwards',
          maxCount: 5,
          filter: { streamPrefixes: [`${ns}-`] },
        });
        expect(ids(backwards)).toEqual(ids([...order].reverse()));
      });

      test('pages with an exclusive position', async () => {
        const { before, order } = await appendAcrossStreams();
        const filter = { streamPrefixes: [`${ns}-`] };
        const first = await store.readAll({ after: before, maxCount: 2, filter });
        const rest = await store.readAll({ after: first[1]!.position, filter });
        expect(ids([...first, ...rest])).toEqual(ids(order));
        const older = await store.readAll({
          direction: 'backwards',
          after: rest[0]!.position,
          maxCount: 2,
          filter,
        });
        expect(ids(older)).toEqual(ids([order[1]!, order[0]!]));
      });

      test('reads forwards in pages through the head, never an empty page, and stops with its reader', async () => {
        const { before, order } = await appendAcrossStreams();
        const filter = { streamPrefixes: [`${ns}-`] };
        const pages: RecordedEvent[][] = [];
        for await (const page of store.readAllPages({ after: before, pageSize: 2, filter }))
          pages.push(page);
        expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
        expect(ids(pages.flat())).toEqual(ids(order));
        const streamA: RecordedEvent[][] = [];
        for await (const page of store.readAllPages({
          after: before,
          pageSize: 2,
          filter: { streamPrefixes: [`${ns}-a`] },
        }))
          streamA.push(page);
        expect(streamA.map(ids)).toEqual([ids([order[0]!, order[2]!])]);
        const firstOnly: RecordedEvent[][] = [];
        for await (const page of store.readAllPages({ after: before, pageSize: 2, filter })) {
          firstOnly.push(page);
          break;
        }
        expect(firstOnly.map(ids)).toEqual([ids(order.slice(0, 2))]);
      });

      test('filters by stream prefix, by event type, and by both', async () => {
        const { before, order } = await appendAcrossStreams();
        const byPrefix = await store.readAll({
          after: before,
          filter: { streamPrefixes: [`${ns}-a`, `${ns}-c`] },
        });
        expect(ids(byPrefix)).toEqual(ids([order[0]!, order[2]!, order[3]!]));
        const byType = await store.readAll({ after: before, filter: { eventTypes: ['B'] } });
        expect(ids(byType.filter((e) => e.streamId.startsWith(ns)))).toEqual(
          ids([order[1]!, order[2]!]),
        );
        const both = await store.readAll({
          after: before,
          filter: { streamPrefixes: [`${ns}-b`], eventTypes: ['A'] },
        });
        expect(ids(both)).toEqual(ids([order[4]!]));
      });
    });

    describe('subscription to $all', () => {
      test('catches up, goes live, delivers every event once and in order, and resumes from a checkpoint', async () => {
        const filter = { streamPrefixes: [`${ns}-`] };
        const before = await store.headPosition();
        const stored = events(5);
        for (const [i, e] of stored.entries()) await store.append(`${ns}-${i % 2}`, [e], 'any');

        const first = store.subscribeToAll({ after: before, filter });
        const caughtUp = await take(first, 5);
        await first.caughtUp;
        const live = events(3);
        const liveReceived = take(first, 3);
        for (const e of live) await store.append(`${ns}-live`, [e], 'any');
        const firstRun = [...caughtUp, ...(await liveReceived)];
        await first.stop();
        expect(ids(firstRun)).toEqual(ids([...stored, ...live]));

        const checkpoint = firstRun[5]!.position;
        const later = events(2);
        for (const e of later) await store.append(`${ns}-x`, [e], 'any');
        const resumed = store.subscribeToAll({ after: checkpoint, filter });
        const secondRun = await take(resumed, 4);
        await resumed.stop();
        expect(ids(secondRun)).toEqual(ids([...live.slice(1), ...later]));
        const seen = [...firstRun.slice(0, 6), ...secondRun].map((e) => e.position);
        expect(seen.every((p, i) => i === 0 || p > seen[i - 1]!)).toBe(true);
      });

      test('filters by event type and stops cleanly', async () => {
        const before = await store.headPosition();
        const subscription = store.subscribeToAll({
          after: before,
          filter: { eventTypes: [`${ns}-Wanted`] },
        });
        const received = take(subscription, 2);
        await store.append(`${ns}-a`, [event(`${ns}-Other`), event(`${ns}-Wanted`)], 'any');
        await store.append(`${ns}-b`, [event(`${ns}-Wanted`)], 'any');
        const got = await received;
        expect(got.map((e) => e.type)).toEqual([`${ns}-Wanted`, `${ns}-Wanted`]);
        await subscription.stop();
      });
    });

    if (_mode === 'hash-chained') {
      describe('hash chain', () => {
        test('every append, whatever its expected revision, extends a chain that verifies', async () => {
          await store.append(`${ns}-a`, events(2), 'no_stream');
          await store.append(`${ns}-a`, events(1), 'any');
          await store.append(`${ns}-a`, events(3), 'stream_exists');
          await store.append(`${ns}-a`, events(1), 5n);
          const result = await verifyStream(store, `${ns}-a`);
          expect(result).toMatchObject({ ok: true, events: 7, headRevision: 6n });
          const stored = await store.readStream(`${ns}-a`);
          expect(stored[1]!.metadata.prevHash).toBe(stored[0]!.metadata.hash);
          expect(stored[0]!.metadata.actor).toBe('contract');
          expect(typeof stored[0]!.metadata.recordedAt).toBe('string');
          expect(stored[0]!.recordedAt).toBe(stored[0]!.metadata.recordedAt);
        });

        test('concurrent appends with any still form one unbroken chain', async () => {
          await Promise.all(
            Array.from({ length: 6 }, () => store.append(`${ns}-a`, events(2), 'any')),
          );
          expect(await verifyStream(store, `${ns}-a`)).toMatchObject({ ok: true, events: 12 });
        });
      });
    }
  });
}
