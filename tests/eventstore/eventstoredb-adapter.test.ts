import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import {
  StoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../../src/eventstore/errors';
import { createEventStoreDbStore } from '../../src/eventstore/eventstoredb';
import type { EventData, EventStore, RecordedEvent, Subscription } from '../../src/eventstore/port';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb-test-server';

function event(type = 'Happened', data: Record<string, unknown> = {}): EventData {
  return { id: randomUUID(), type, data: { ...data }, metadata: { actor: 'adapter-test' } };
}

async function take(subscription: Subscription, count: number): Promise<RecordedEvent[]> {
  const iterator = subscription[Symbol.asyncIterator]();
  const received: RecordedEvent[] = [];
  while (received.length < count) {
    const next = await iterator.next();
    if (next.done) throw new Error(`ended after ${received.length} events`);
    received.push(next.value);
  }
  return received;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

const ids = (list: { id: string }[]) => list.map((e) => e.id);

describe('EventStoreDB adapter (focused, on a fresh test server per test)', () => {
  let server: EsdbTestServer;
  let store: EventStore;

  beforeEach(async () => {
    server = await startEsdbTestServer();
    store = createEventStoreDbStore(server.url);
  });
  afterEach(async () => {
    await store.close();
    await server.stop();
  });

  describe('append', () => {
    test('each expected revision is passed explicitly and mismatches are typed', async () => {
      await expect(store.append('s', [event()], 'stream_exists')).rejects.toMatchObject({
        expected: 'stream_exists',
        actual: 'no_stream',
      });
      expect((await store.append('s', [event()], 'no_stream')).nextRevision).toBe(0n);
      await expect(store.append('s', [event()], 'no_stream')).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect((await store.append('s', [event()], 'stream_exists')).nextRevision).toBe(1n);
      expect((await store.append('s', [event()], 1n)).nextRevision).toBe(2n);
      await expect(store.append('s', [event()], 1n)).rejects.toMatchObject({
        stream: 's',
        expected: 1n,
        actual: 2n,
      });
      expect((await store.append('s', [event()], 'any')).nextRevision).toBe(3n);
    });

    test('a multi-event append is atomic: all events or none', async () => {
      const batch = [event('A'), event('B'), event('C')];
      const result = await store.append('s', batch, 'no_stream');
      await rejection(store.append('s', [event(), event()], 0n));
      const stored = await store.readStream('s');
      expect(ids(stored)).toEqual(ids(batch));
      expect(result).toEqual({ nextRevision: 2n, position: stored[2]!.position });
    });

    test('a retried append (same ids, same expectation) succeeds once without duplicating', async () => {
      const batch = [event(), event()];
      const first = await store.append('s', batch, 'no_stream');
      expect(await store.append('s', batch, 'no_stream')).toEqual(first);
      expect(await store.append('s', batch, 'any')).toEqual(first);
      expect(await store.readStream('s')).toHaveLength(2);
    });

    test('an empty append only checks the expectation', async () => {
      await expect(store.append('s', [], 'stream_exists')).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(await store.append('s', [], 'no_stream')).toEqual({ nextRevision: -1n, position: 0n });
      await expect(store.readStream('s')).rejects.toBeInstanceOf(StreamNotFoundError);
    });

    test('a 1 MB event fits the default 1 MiB append limit; a larger append is refused and writes nothing', async () => {
      const megabyte = 'x'.repeat(1_000_000);
      await store.append('big', [event('Big', { megabyte })], 'no_stream');
      const [read] = await store.readStream('big');
      expect(read!.data.megabyte).toBe(megabyte);
      const error = await rejection(
        store.append('big', [event('Big', { megabyte }), event('Big', { megabyte })], 'any'),
      );
      expect(String((error as Error).message)).toContain('1048576');
      expect(await store.readStream('big')).toHaveLength(1);
    });

    test('unicode stream names, types, data and metadata round-trip', async () => {
      const text = 'Kas Desa — Rp 1.500.000 · 😀 漢字 \u0000 \u2028 e\u0301';
      const written: EventData = {
        id: randomUUID(),
        type: `Diterima·${text}`,
        data: { text },
        metadata: { catatan: text },
      };
      await store.append(`desa-ü/${text}`, [written], 'no_stream');
      const [read] = await store.readStream(`desa-ü/${text}`);
      expect(read).toMatchObject({ ...written, streamId: `desa-ü/${text}`, revision: 0n });
      expect(Date.parse(read!.recordedAt)).not.toBeNaN();
    });
  });

  describe('reading', () => {
    test('a stream forwards and backwards from an inclusive revision', async () => {
      const batch = Array.from({ length: 5 }, () => event());
      await store.append('s', batch, 'no_stream');
      expect(ids(await store.readStream('s', { fromRevision: 3n }))).toEqual(ids(batch.slice(3)));
      expect(
        ids(await store.readStream('s', { direction: 'backwards', fromRevision: 3n, maxCount: 2 })),
      ).toEqual(ids([batch[3]!, batch[2]!]));
      expect(await store.readStream('s', { fromRevision: 9n })).toEqual([]);
    });

    test('a missing stream: StreamNotFoundError, and no revision', async () => {
      await expect(store.readStream('nope')).rejects.toMatchObject({
        name: 'StreamNotFoundError',
        stream: 'nope',
      });
      expect(await store.streamRevision('nope')).toBeUndefined();
    });

    test('$all positions are strictly increasing, exclusive both ways, and headPosition is the last one', async () => {
      expect(await store.headPosition()).toBe(0n);
      expect(await store.readAll()).toEqual([]);
      for (const stream of ['a', 'b', 'a']) await store.append(stream, [event()], 'any');
      const all = await store.readAll();
      const [p1, p2, p3] = all.map((e) => e.position) as [bigint, bigint, bigint];
      expect(p1 > 0n && p1 < p2 && p2 < p3).toBe(true);
      expect(await store.headPosition()).toBe(p3);
      expect(ids(await store.readAll({ after: p1 }))).toEqual(ids(all.slice(1)));
      expect(ids(await store.readAll({ direction: 'backwards', after: p3 }))).toEqual(
        ids([all[1]!, all[0]!]),
      );
      expect(await store.readAll({ after: p3 })).toEqual([]);
    });

    test('filters fill a page across several server batches', async () => {
      const noise = Array.from({ length: 150 }, () => event('Noise'));
      await store.append('noise', noise, 'no_stream');
      const wanted = [event('Wanted'), event('Wanted')];
      await store.append('village-1', [wanted[0]!], 'no_stream');
      await store.append(
        'noise',
        Array.from({ length: 150 }, () => event('Noise')),
        'any',
      );
      await store.append('village-2', [wanted[1]!], 'no_stream');
      expect(ids(await store.readAll({ filter: { streamPrefixes: ['village-'] } }))).toEqual(
        ids(wanted),
      );
      expect(ids(await store.readAll({ filter: { eventTypes: ['Wanted'] }, maxCount: 1 }))).toEqual(
        ids([wanted[0]!]),
      );
      expect(
        ids(await store.readAll({ direction: 'backwards', filter: { eventTypes: ['Wanted'] } })),
      ).toEqual(ids([wanted[1]!, wanted[0]!]));
      expect(
        await store.readAll({ filter: { eventTypes: ['Wanted'], streamPrefixes: ['noise'] } }),
      ).toEqual([]);
    });

    test('system events ($ types or $ streams) are never returned, nor counted as the head', async () => {
      const raw = EventStoreDBClient.connectionString(server.url);
      try {
        const user = await store.append('desa-1', [event()], 'no_stream');
        await raw.appendToStream('$settings', jsonEvent({ type: '$settings', data: {} }));
        await raw.appendToStream('desa-1', jsonEvent({ type: '$metadata', data: {} }));
        expect((await store.readAll()).map((e) => e.type)).toEqual(['Happened']);
        expect(await store.headPosition()).toBe(user.position);
        const subscription = store.subscribeToAll();
        await subscription.caughtUp;
        await store.append('desa-2', [event('Later')], 'no_stream');
        expect((await take(subscription, 2)).map((e) => e.type)).toEqual(['Happened', 'Later']);
        await subscription.stop();
      } finally {
        await raw.dispose();
      }
    });
  });

  describe('subscription to $all', () => {
    test('catch-up then live, from an exclusive checkpoint; caughtUp may be awaited before iterating', async () => {
      const stored = [event(), event(), event()];
      for (const e of stored) await store.append('s', [e], 'any');
      const [first] = await store.readAll({ maxCount: 1 });
      const subscription = store.subscribeToAll({ after: first!.position });
      await subscription.caughtUp;
      const live = event('Live');
      const received = take(subscription, 3);
      await store.append('t', [live], 'no_stream');
      expect(ids(await received)).toEqual(ids([stored[1]!, stored[2]!, live]));
      await subscription.stop();
    });

    test('with filters: stream prefix server-side, event type on our side', async () => {
      const subscription = store.subscribeToAll({
        filter: { streamPrefixes: ['desa-'], eventTypes: ['Paid'] },
      });
      const received = take(subscription, 2);
      await store.append(
        'desa-1',
        [event('Paid'), event('PaidLater'), event('Planned')],
        'no_stream',
      );
      await store.append('kota-1', [event('Paid')], 'no_stream');
      await store.append('desa-2', [event('Paid')], 'no_stream');
      expect((await received).map((e) => `${e.streamId}/${e.type}`)).toEqual([
        'desa-1/Paid',
        'desa-2/Paid',
      ]);
      await subscription.stop();
    });

    test('stop() ends a pending next() and every later one', async () => {
      const subscription = store.subscribeToAll();
      await subscription.caughtUp;
      const iterator = subscription[Symbol.asyncIterator]();
      const pending = iterator.next();
      await subscription.stop();
      expect(await pending).toEqual({ done: true, value: undefined });
      expect(await iterator.next()).toEqual({ done: true, value: undefined });
    });

    test('for await … break stops the subscription', async () => {
      await store.append('s', [event(), event()], 'no_stream');
      const subscription = store.subscribeToAll();
      for await (const received of subscription) {
        expect(received.revision).toBe(0n);
        break;
      }
      expect(await subscription[Symbol.asyncIterator]().next()).toEqual({
        done: true,
        value: undefined,
      });
    });
  });

  test('an unreachable server is StoreUnavailableError', async () => {
    const url = server.url;
    await store.close();
    await server.stop();
    store = createEventStoreDbStore(url);
    server = await startEsdbTestServer();
    await expect(store.readStream('s')).rejects.toBeInstanceOf(StoreUnavailableError);
  });
});
