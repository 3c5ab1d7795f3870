import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CheckpointStore } from '../../projections/engine/checkpoint-store';
import { jsonState, type Projection } from '../../projections/engine/projection';
import { ProjectionEngine } from '../../projections/engine/projection-engine';
import { openSqliteFile } from '../../src/eventstore/sqlite-file';
import { createMemoryStore } from '../../src/eventstore/memory';
import type { EventStore } from '../../src/eventstore/port';
import { awaitReadModels } from '../../src/http/read-your-writes';
import { HttpProblem } from '../../src/http/problem';
import { READ_MODEL_WAITERS_MAX } from '../../src/limits';
import { tempDir } from '../support/temp-dir';

const counted: Projection<number> = {
  name: 'counted',
  version: 1,
  eventTypes: ['Noted'],
  initialState: () => 0,
  apply: (count) => count + 1,
  ...jsonState,
};

const noted = () => ({ id: randomUUID(), type: 'Noted', data: {}, metadata: {} });

/** A report request's query asking for a position the store will not reach soon. */
const farAhead = { query: { after: '9000000000000000000' } };

/** Settles every promise and counts how each one ended. */
async function outcomes(waits: Promise<void>[]) {
  const settled = await Promise.allSettled(waits);
  const behind = settled.filter(
    (each) =>
      each.status === 'rejected' &&
      each.reason instanceof HttpProblem &&
      each.reason.problem.rule === 'PROJECTIONS_BEHIND' &&
      each.reason.problem.status === 503,
  );
  return { behind: behind.length, other: settled.length - behind.length };
}

describe('read-your-writes waiters', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: EventStore;
  let engine: ProjectionEngine;

  beforeEach(async () => {
    temp = tempDir();
    store = createMemoryStore();
    await store.append('notes-1', [noted()], 'no_stream');
    engine = new ProjectionEngine(
      store,
      new CheckpointStore(openSqliteFile(join(temp.dir, 'projections.sqlite'))),
      [counted],
    );
    await engine.start();
  });
  afterEach(async () => {
    await engine.stop();
    temp.remove();
  });

  test('10,000 requests for a far-future position that time out leave no waiter behind', async () => {
    const rounds = 20;
    const perRound = 500;
    let behind = 0;
    for (let round = 0; round < rounds; round++) {
      const waits = Array.from({ length: perRound }, () => awaitReadModels(farAhead, engine, 1));
      expect(engine.pendingWaiters()).toBe(perRound);
      const counts = await outcomes(waits);
      expect(counts.other).toBe(0);
      behind += counts.behind;
      expect(engine.pendingWaiters()).toBe(0);
    }
    expect(behind).toBe(rounds * perRound);
  });

  test('past READ_MODEL_WAITERS_MAX a request answers 503 at once and the list does not grow', async () => {
    const { position } = await store.append('notes-1', [noted()], 0n);
    const next = position + 1n;
    const waiting = Array.from({ length: READ_MODEL_WAITERS_MAX }, () =>
      awaitReadModels({ query: { after: String(next) } }, engine, 60_000),
    );
    expect(engine.pendingWaiters()).toBe(READ_MODEL_WAITERS_MAX);

    const startedAt = Date.now();
    const refused = await outcomes([awaitReadModels(farAhead, engine, 60_000)]);
    expect(refused).toEqual({ behind: 1, other: 0 });
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(engine.pendingWaiters()).toBe(READ_MODEL_WAITERS_MAX);

    await store.append('notes-1', [noted()], 1n);
    await Promise.all(waiting);
    expect(engine.pendingWaiters()).toBe(0);
    expect(engine.state(counted)).toBe(3);
  });
});
