import { randomUUID } from 'node:crypto';
import { withHashChain } from '../../src/eventstore/chained-store';
import { GENESIS_HASH, sealEvents } from '../../src/eventstore/hash-chain';
import { createMemoryStore } from '../../src/eventstore/memory';
import type { EventStore } from '../../src/eventstore/port';
import { SyncQuarantine } from '../../src/sync/quarantine';
import { receiveBatch } from '../../src/sync/receive-batch';
import { learn, nextBatch, type SyncCursor } from '../../src/sync/send-batches';
import type { Writer } from '../../src/sync/stream-writer';

const STREAM = 'village-35.99.01.2001-2025';
const NODE: Writer = { kind: 'village', villageCode: '35.99.01.2001' };
const OTHER_NODE: Writer = { kind: 'village', villageCode: '35.99.01.2002' };

const store = () => withHashChain(createMemoryStore());
const noted = (n: number) => ({ id: randomUUID(), type: 'Noted', data: { n }, metadata: {} });

async function written(count: number, into = store()): Promise<EventStore> {
  for (let n = 0; n < count; n++) await into.append(STREAM, [noted(n)], 'any');
  return into;
}

const shape = async (at: EventStore) =>
  (await at.readStream(STREAM)).map((e) => [e.revision, e.id, e.metadata.hash]);

describe('receiveBatch: the copy takes a writer’s events at their revisions, or says why not', () => {
  test('appends with the original ids and hashes, then acknowledges a repeat as already there', async () => {
    const node = await written(3);
    const regency = store();
    const quarantine = new SyncQuarantine();
    const batch = (await nextBatch(node, STREAM, undefined))!;
    expect(await receiveBatch(regency, batch, NODE, quarantine)).toEqual({
      kind: 'appended',
      stream: STREAM,
      acknowledged: 2n,
    });
    expect(await shape(regency)).toEqual(await shape(node));
    expect(await receiveBatch(regency, batch, NODE, quarantine)).toEqual({
      kind: 'already',
      stream: STREAM,
      acknowledged: 2n,
    });
    expect(await regency.streamRevision(STREAM)).toBe(2n);
  });

  test('a batch past the copy’s head is answered with the revision it needs, and nothing is written', async () => {
    const node = await written(5);
    const regency = store();
    const later = (await nextBatch(node, STREAM, 2n))!;
    expect(await receiveBatch(regency, later, NODE, new SyncQuarantine())).toEqual({
      kind: 'gap',
      stream: STREAM,
      needsFrom: 0n,
    });
    expect(await regency.streamRevision(STREAM)).toBeUndefined();
  });

  test('refuses a stream the sender does not write', async () => {
    const batch = (await nextBatch(await written(1), STREAM, undefined))!;
    const regency = store();
    expect(await receiveBatch(regency, batch, OTHER_NODE, new SyncQuarantine())).toEqual({
      kind: 'refused',
      stream: STREAM,
      rule: 'NOT_WRITER',
    });
    expect(
      await receiveBatch(regency, batch, { kind: 'regency' }, new SyncQuarantine()),
    ).toMatchObject({
      rule: 'NOT_WRITER',
    });
  });

  test('refuses an event changed after it was sealed, naming its revision', async () => {
    const batch = (await nextBatch(await written(3), STREAM, undefined))!;
    batch.events[1] = { ...batch.events[1]!, data: { n: 99 } };
    const regency = store();
    expect(await receiveBatch(regency, batch, NODE, new SyncQuarantine())).toEqual({
      kind: 'refused',
      stream: STREAM,
      rule: 'CHAIN_BROKEN',
      revision: 1n,
    });
    expect(await regency.streamRevision(STREAM)).toBeUndefined();
  });

  test('refuses an event sealed without its recorded time, which the copy could not keep as it is', async () => {
    const old = createMemoryStore();
    const sealed = sealEvents(STREAM, 0n, GENESIS_HASH, [noted(0)]).sealed;
    await old.append(STREAM, sealed, 'no_stream');
    const batch = (await nextBatch(old, STREAM, undefined))!;
    const regency = store();
    expect(await receiveBatch(regency, batch, NODE, new SyncQuarantine())).toEqual({
      kind: 'refused',
      stream: STREAM,
      rule: 'RECORDED_TIME_MISSING',
      revision: 0n,
    });
    expect(await regency.streamRevision(STREAM)).toBeUndefined();
  });

  test('different events at a revision both hold: quarantined on both sides, the copy unchanged', async () => {
    const node = await written(4);
    const regency = store();
    const regencyQuarantine = new SyncQuarantine();
    await receiveBatch(
      regency,
      (await nextBatch(node, STREAM, undefined))!,
      NODE,
      regencyQuarantine,
    );
    const before = await shape(regency);
    // The node is restored from a backup holding two events, then keeps writing.
    const restored = store();
    await restored.append(
      STREAM,
      (await node.readStream(STREAM, { maxCount: 2 })).map(({ id, type, data, metadata }) => ({
        id,
        type,
        data,
        metadata,
      })),
      'no_stream',
    );
    await written(2, restored);
    const cursor: SyncCursor = new Map();
    const nodeQuarantine = new SyncQuarantine();
    const answer = await receiveBatch(
      regency,
      (await nextBatch(restored, STREAM, undefined))!,
      NODE,
      regencyQuarantine,
    );
    expect(answer).toMatchObject({ kind: 'diverged', stream: STREAM, revision: 2n });
    learn(cursor, nodeQuarantine, answer, await restored.streamRevision(STREAM));
    expect(nodeQuarantine.alerts()).toEqual(regencyQuarantine.alerts());
    expect(await shape(regency)).toEqual(before);
    // Every later batch hears the same, even if the first answer was lost.
    expect(
      await receiveBatch(
        regency,
        (await nextBatch(restored, STREAM, 2n))!,
        NODE,
        regencyQuarantine,
      ),
    ).toEqual(answer);
  });

  test('an answer acknowledging more than the writer holds does not move it past its own head', () => {
    const cursor: SyncCursor = new Map();
    learn(cursor, new SyncQuarantine(), { kind: 'already', stream: STREAM, acknowledged: 9n }, 4n);
    expect(cursor.get(STREAM)).toBe(4n);
  });
});
