import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { withHashChain } from '../../src/eventstore/chained-store';
import { openSqliteFile } from '../../src/eventstore/sqlite-file';
import { createMemoryStore } from '../../src/eventstore/memory';
import type { EventStore, RecordedEvent } from '../../src/eventstore/port';
import { CheckpointStore } from '../../projections/engine/checkpoint-store';
import type { Projection } from '../../projections/engine/projection';
import { jsonState } from '../../projections/engine/projection';
import { ProjectionEngine } from '../../projections/engine/projection-engine';
import {
  deserializeStreams,
  emptyStreamStates,
  serializeStreams,
  takeChangedStreams,
  updateStream,
  type StreamStates,
} from '../../projections/engine/stream-states';
import { tempDir } from '../support/temp-dir';

type Totals = Record<string, string>;

/** Sums `amount` per stream as integer rupiah strings (no floats in a ledger, even in a test). */
function totalsProjection(version = 1): Projection<Totals> {
  return {
    name: 'totals',
    version,
    eventTypes: ['Paid'],
    initialState: () => ({}),
    apply: (state, event: RecordedEvent) => ({
      ...state,
      [event.streamId]: (
        BigInt(state[event.streamId] ?? '0') + BigInt(event.data.amount as string)
      ).toString(),
    }),
    ...jsonState,
  };
}

const countProjection: Projection<{ count: number; types: string[] }> = {
  name: 'count',
  version: 1,
  eventTypes: ['Paid', 'Noted'],
  initialState: () => ({ count: 0, types: [] }),
  apply: (state, event) => ({ count: state.count + 1, types: [...state.types, event.type] }),
  ...jsonState,
};

/** Totals per stream saved one part per stream; version 2 leaves `village-2` out. */
function partedTotals(version = 1): Projection<StreamStates<string>> {
  return {
    name: 'parted',
    version,
    eventTypes: ['Paid'],
    initialState: emptyStreamStates,
    apply: (state, event) =>
      version > 1 && event.streamId === 'village-2'
        ? state
        : updateStream(state, event.streamId, (total) =>
            (BigInt(total ?? '0') + BigInt(event.data.amount as string)).toString(),
          ),
    serialize: (state) => serializeStreams(state, (total) => total),
    parts: {
      takeChanged: (state) => takeChangedStreams(state, (total) => total),
      fromParts: (saved) =>
        Promise.resolve(
          deserializeStreams({ streams: Object.fromEntries(saved) }, (total: string) => total),
        ),
    },
  };
}

const paid = (amount: number) => ({
  id: randomUUID(),
  type: 'Paid',
  data: { amount: String(amount) },
  metadata: {},
});
const noted = () => ({ id: randomUUID(), type: 'Noted', data: {}, metadata: {} });

async function appendMany(store: EventStore, count: number): Promise<void> {
  for (let i = 0; i < count; i++)
    await store.append(`village-${i % 3}`, [i % 4 === 0 ? noted() : paid(i * 1000)], 'any');
}

/** The totals `appendMany` calls produce, given each call's count. */
function expectedTotals(...counts: number[]): Totals {
  const totals: Totals = {};
  for (const count of counts) {
    for (let i = 0; i < count; i++) {
      if (i % 4 === 0) continue;
      const stream = `village-${i % 3}`;
      totals[stream] = (BigInt(totals[stream] ?? '0') + BigInt(i * 1000)).toString();
    }
  }
  return totals;
}

describe('projection engine', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: EventStore;
  let checkpoints: CheckpointStore;
  let file: string;

  beforeEach(() => {
    temp = tempDir();
    file = join(temp.dir, 'projections.sqlite');
    store = withHashChain(createMemoryStore());
    checkpoints = new CheckpointStore(openSqliteFile(file));
  });
  afterEach(() => temp.remove());

  test('catches up, follows live appends, and equals a rebuild from zero', async () => {
    await appendMany(store, 50);
    const engine = new ProjectionEngine(store, checkpoints, [totalsProjection(), countProjection], {
      pageSize: 7,
    });
    await engine.start();
    expect(engine.state(totalsProjection())).toEqual(expectedTotals(50));

    const { position } = await store.append('village-9', [paid(5000)], 'any');
    await engine.waitForPosition(position);
    expect(engine.state(totalsProjection())['village-9']).toBe('5000');
    expect(engine.state(countProjection).count).toBe(51);
    await engine.stop();

    const rebuilt = new ProjectionEngine(
      store,
      new CheckpointStore(openSqliteFile(join(temp.dir, 'fresh.sqlite'))),
      [totalsProjection()],
    );
    await rebuilt.start();
    expect(rebuilt.state(totalsProjection())).toEqual(engine.state(totalsProjection()));
    await rebuilt.stop();
  });

  test('resumes from its saved checkpoint without applying an event twice', async () => {
    await appendMany(store, 20);
    const first = new ProjectionEngine(store, checkpoints, [countProjection]);
    await first.start();
    await first.stop();
    await appendMany(store, 10);
    const second = new ProjectionEngine(store, new CheckpointStore(openSqliteFile(file)), [
      countProjection,
    ]);
    await second.start();
    expect(second.state(countProjection).count).toBe(30);
    await second.stop();
  });

  test('a changed version rebuilds that projection from the first event, leaving the others be', async () => {
    await appendMany(store, 12);
    const first = new ProjectionEngine(store, checkpoints, [totalsProjection(1), countProjection]);
    await first.start();
    await first.stop();
    await appendMany(store, 4);
    const upgraded = new ProjectionEngine(store, new CheckpointStore(openSqliteFile(file)), [
      totalsProjection(2),
      countProjection,
    ]);
    await upgraded.start();
    expect(upgraded.state(totalsProjection(2))).toEqual(expectedTotals(12, 4));
    expect(upgraded.state(countProjection).count).toBe(16);
    await upgraded.stop();
  });

  test('a state saved in parts resumes from them, rewriting only the streams that moved', async () => {
    const savedAt = (instant: string) =>
      new CheckpointStore(openSqliteFile(file), () => new Date(instant));
    const parts = () =>
      Object.fromEntries(
        (
          openSqliteFile(file)
            .prepare("SELECT name, updated_at FROM projection_state WHERE name LIKE 'parted/%'")
            .all() as { name: string; updated_at: string }[]
        ).map((row) => [row.name, row.updated_at]),
      );
    const first = '2025-01-01T00:00:00.000Z';
    const second = '2025-01-02T00:00:00.000Z';
    await appendMany(store, 12);
    const engine = new ProjectionEngine(store, savedAt(first), [partedTotals()]);
    await engine.start();
    await engine.stop();
    await store.append('village-1', [paid(7000)], 'any');
    const resumed = new ProjectionEngine(store, savedAt(second), [partedTotals()]);
    await resumed.start();
    await resumed.stop();
    const totals = expectedTotals(12);
    totals['village-1'] = (BigInt(totals['village-1']!) + 7000n).toString();
    expect(Object.fromEntries(resumed.state(partedTotals()).streams)).toEqual(totals);
    expect(parts()).toEqual({
      'parted/village-0': first,
      'parted/village-1': second,
      'parted/village-2': first,
    });

    const upgraded = new ProjectionEngine(store, savedAt(second), [partedTotals(2)]);
    await upgraded.start();
    await upgraded.stop();
    expect(Object.keys(parts()).sort()).toEqual(['parted/village-0', 'parted/village-1']);
  });

  test('reports its lag and isolates a projection whose apply fails', async () => {
    await appendMany(store, 5);
    const failing: Projection<number> = {
      name: 'failing',
      version: 1,
      eventTypes: ['Paid'],
      initialState: () => 0,
      apply: (state, event) => {
        if (event.data.amount === '3000') throw new Error('cannot handle 3000');
        return state + 1;
      },
      ...jsonState,
    };
    const elsewhere: Projection<number> = { ...failing, name: 'elsewhere', eventTypes: ['Other'] };
    const engine = new ProjectionEngine(store, checkpoints, [failing, countProjection, elsewhere]);
    await engine.start();
    const status = await engine.status();
    for (const name of ['count', 'elsewhere'])
      expect(status.find((s) => s.name === name)).toMatchObject({
        caughtUp: true,
        checkpoint: 5n,
        head: 5n,
      });
    expect(status.find((s) => s.name === 'failing')).toMatchObject({
      caughtUp: false,
      checkpoint: 3n,
      failure: { position: 4n, message: 'cannot handle 3000' },
    });
    expect(engine.state(failing)).toBe(2);
    await engine.stop();
  });
});
