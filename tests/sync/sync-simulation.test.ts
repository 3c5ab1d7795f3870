import { randomUUID } from 'node:crypto';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createMemoryStore } from '../../src/eventstore/memory';
import type { EventStore, RecordedEvent } from '../../src/eventstore/port';
import { verifyAllStreams } from '../../src/eventstore/verify-stream';
import { seededRandom, type Random } from '../../src/scenario/random';
import { SyncQuarantine } from '../../src/sync/quarantine';
import { receiveBatch } from '../../src/sync/receive-batch';
import { learn, nextBatch, type SyncCursor } from '../../src/sync/send-batches';
import type { BatchAnswer, SyncBatch } from '../../src/sync/sync-batch';
import type { Writer } from '../../src/sync/stream-writer';
import { RegencySync } from '../../src/sync/regency-sync';
import type { VillageNode } from '../../src/sync/sync-record';
import { SYSTEM_ACTOR } from '../../src/access/access-service';

/**
 * A seeded simulation of two village nodes and the regency over a network
 * that drops, duplicates, delays and reorders batches and answers, with
 * partitions, node restarts (the cursor forgotten) and one node restored from
 * an old backup that then keeps writing. After each run, with the network
 * healed: every event ever acknowledged is on the receiver once, at its
 * revision; every stream not quarantined is the same on both sides; the
 * restored node's stream, if it diverged, is quarantined on both sides and
 * the regency's copy is still the history it received, nothing merged; every
 * chain verifies everywhere.
 */

const REGENCY_STREAM = 'regency-35.99-2025';
const STEPS = 400;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const FAULTS = { drop: 0.15, duplicate: 0.1, restart: 0.01, partition: 0.02, heal: 0.1 };

interface Node {
  writer: Writer;
  stream: string;
  store: EventStore;
  cursor: SyncCursor;
  quarantine: SyncQuarantine;
  partitioned: boolean;
  /** Every event the node wrote, by revision, as first written (before any restore). */
  written: Map<bigint, string>;
  backup?: RecordedEvent[];
  restored: boolean;
}

type Message =
  | { kind: 'push'; node: Node; batch: SyncBatch }
  | { kind: 'pushAnswer'; node: Node; answer: BatchAnswer }
  | { kind: 'pull'; node: Node; batch: SyncBatch };

const chainedStore = () => withHashChain(createMemoryStore());

async function write(store: EventStore, stream: string, n: number): Promise<RecordedEvent> {
  await store.append(
    stream,
    [{ id: randomUUID(), type: 'Noted', data: { n }, metadata: {} }],
    'any',
  );
  const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
  return last!;
}

async function restoreFromBackup(node: Node): Promise<void> {
  node.store = chainedStore();
  if (node.backup && node.backup.length > 0)
    await node.store.append(
      node.stream,
      node.backup.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })),
      'no_stream',
    );
  node.cursor = new Map();
  node.restored = true;
}

async function eventsOf(store: EventStore, stream: string): Promise<RecordedEvent[]> {
  return store.readStream(stream).catch(() => []);
}

const shape = (events: RecordedEvent[]) =>
  events.map((event) => [event.revision, event.id, event.metadata.hash]);

async function simulate(seed: number) {
  const random: Random = seededRandom(seed);
  const chance = (p: number) => random.below(1_000_000) < p * 1_000_000;
  const regencyStore = chainedStore();
  // The regency takes pushes as its endpoint does: through RegencySync, its quarantine recorded as events.
  const regencySync = new RegencySync({
    store: regencyStore,
    regencyCode: '35.99',
    fiscalYears: () => [2025],
  });
  const regency = { store: regencyStore, writer: { kind: 'regency' } as Writer };
  const nodes: Node[] = ['35.99.01.2001', '35.99.01.2002'].map((villageCode) => ({
    writer: { kind: 'village', villageCode },
    stream: `village-${villageCode}-2025`,
    store: chainedStore(),
    cursor: new Map(),
    quarantine: new SyncQuarantine(),
    partitioned: false,
    written: new Map(),
    restored: false,
  }));
  const credentials = new Map<Node, VillageNode>();
  for (const node of nodes) {
    const { villageCode } = node.writer as Extract<Writer, { kind: 'village' }>;
    const { nodeId } = await regencySync.registerNode(villageCode, SYSTEM_ACTOR);
    credentials.set(node, (await regencySync.activeNode(nodeId))!);
  }
  const restoreAt = STEPS / 4 + random.below(STEPS / 2);
  const backupAt = random.below(restoreAt);
  /** Every (stream, revision) → id the regency ever acknowledged to a node. */
  const acknowledged = new Map<string, string>();
  const inFlight: Message[] = [];
  let counter = 0;

  const send = (message: Message) => {
    if (message.node.partitioned || chance(FAULTS.drop)) return;
    inFlight.push(message);
    if (chance(FAULTS.duplicate)) inFlight.push(message);
  };

  async function learnFrom(node: Node, answer: BatchAnswer) {
    learn(node.cursor, node.quarantine, answer, await node.store.streamRevision(node.stream));
  }

  async function deliver(message: Message, reliable: boolean) {
    if (!reliable && message.node.partitioned) return;
    if (message.kind === 'push') {
      const [answer] = await regencySync.receive(credentials.get(message.node)!, [message.batch]);
      if (!answer) throw new Error('a batch without an answer');
      if (answer.kind === 'appended' || answer.kind === 'already') {
        const held = await eventsOf(regency.store, answer.stream);
        for (const event of held.slice(0, Number(answer.acknowledged) + 1))
          acknowledged.set(`${event.streamId}@${event.revision}`, event.id);
      }
      if (reliable) await learnFrom(message.node, answer);
      else send({ kind: 'pushAnswer', node: message.node, answer });
    } else if (message.kind === 'pushAnswer') {
      await learnFrom(message.node, message.answer);
    } else {
      await receiveBatch(
        message.node.store,
        message.batch,
        regency.writer,
        message.node.quarantine,
      );
    }
  }

  async function push(node: Node, reliable: boolean) {
    const batch = await nextBatch(node.store, node.stream, node.cursor.get(node.stream));
    if (!batch || node.quarantine.has(node.stream)) return;
    if (reliable) await deliver({ kind: 'push', node, batch }, true);
    else send({ kind: 'push', node, batch });
  }

  async function pull(node: Node, reliable: boolean) {
    const held = await node.store.streamRevision(REGENCY_STREAM);
    const batch = await nextBatch(regency.store, REGENCY_STREAM, held);
    if (!batch) return;
    if (reliable) await deliver({ kind: 'pull', node, batch }, true);
    else send({ kind: 'pull', node, batch });
  }

  for (let step = 0; step < STEPS; step++) {
    const node = random.pick(nodes);
    if (step === backupAt) nodes[1]!.backup = await eventsOf(nodes[1]!.store, nodes[1]!.stream);
    if (step === restoreAt) await restoreFromBackup(nodes[1]!);
    if (chance(FAULTS.partition)) node.partitioned = true;
    if (node.partitioned && chance(FAULTS.heal)) node.partitioned = false;
    if (chance(FAULTS.restart)) node.cursor = new Map();
    switch (random.below(6)) {
      case 0: {
        const event = await write(node.store, node.stream, (counter += 1));
        if (!node.restored) node.written.set(event.revision, event.id);
        break;
      }
      case 1:
        await write(regency.store, REGENCY_STREAM, (counter += 1));
        break;
      case 2:
        await push(node, false);
        break;
      case 3:
        await pull(node, false);
        break;
      default: {
        // Delivery in any order: the oldest message is not always first.
        const index = random.below(inFlight.length + 1);
        const [message] = inFlight.splice(index, 1);
        if (message) await deliver(message, false);
      }
    }
  }
  // The network heals: whatever is still in flight arrives late, then sync runs until nothing moves.
  for (const node of nodes) node.partitioned = false;
  for (const message of inFlight.splice(0)) await deliver(message, false);
  for (let round = 0; round < 50; round++)
    for (const node of nodes) {
      await push(node, true);
      await pull(node, true);
    }
  // What a restarted regency knows: its recorded quarantines.
  const quarantine = new SyncQuarantine((await regencySync.status()).quarantined);
  return { regency: { ...regency, quarantine }, nodes, acknowledged };
}

describe('village nodes and the regency over a faulty network (seeded simulation)', () => {
  test.each(SEEDS)(
    'seed %i: nothing acknowledged is lost, nothing diverges silently',
    async (seed) => {
      const { regency, nodes, acknowledged } = await simulate(seed);
      expect(acknowledged.size).toBeGreaterThan(0);
      for (const [place, id] of acknowledged) {
        const [stream, revision] = place.split('@') as [string, string];
        const held = (await eventsOf(regency.store, stream)).filter((e) => e.id === id);
        expect([place, held.map((e) => String(e.revision))]).toEqual([place, [revision]]);
      }
      const regencyStream = shape(await eventsOf(regency.store, REGENCY_STREAM));
      for (const node of nodes) {
        expect(shape(await eventsOf(node.store, REGENCY_STREAM))).toEqual(regencyStream);
        const ours = await eventsOf(node.store, node.stream);
        const copy = await eventsOf(regency.store, node.stream);
        if (regency.quarantine.has(node.stream)) {
          // Stopped on both sides, and the regency's copy is what the node wrote before its restore.
          expect(node.restored).toBe(true);
          expect(node.quarantine.has(node.stream)).toBe(true);
          expect(copy.map((e) => [e.revision, e.id])).toEqual(
            copy.map((e) => [e.revision, node.written.get(e.revision)]),
          );
        } else expect(shape(copy)).toEqual(shape(ours));
      }
      for (const store of [regency.store, ...nodes.map((node) => node.store)])
        expect((await verifyAllStreams(store)).filter((chain) => !chain.ok)).toEqual([]);
    },
  );

  test('across the seeds, a restore from an old backup did diverge and was caught', async () => {
    let caught = 0;
    for (const seed of SEEDS) {
      const { regency } = await simulate(seed);
      caught += regency.quarantine.alerts().length;
    }
    expect(caught).toBeGreaterThan(0);
  });
});
