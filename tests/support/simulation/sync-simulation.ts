import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../../src/access/access-service';
import { createLedger } from '../../../src/app/ledger';
import { ReferenceCatalog } from '../../../src/app/load-reference-data';
import { regencyStreamId } from '../../../src/domain/regency/decider';
import { withHashChain } from '../../../src/eventstore/chained-store';
import { createMemoryStore } from '../../../src/eventstore/memory';
import type { EventData, EventStore, RecordedEvent } from '../../../src/eventstore/port';
import { verifyAllStreams } from '../../../src/eventstore/verify-stream';
import { findReport } from '../../../src/reports/catalog';
import type { ReportScope } from '../../../src/reports/report-definition';
import { runReport } from '../../../src/reports/run-report';
import type { ReaderSources } from '../../../src/reports/state-reader';
import { RenderedReportCache } from '../../../src/reports/render/rendered-cache';
import { readModelProjections } from '../../../projections/read-models/read-models';
import { seededRandom, type Random } from '../../../src/scenario/random';
import { nodeStreams } from '../../../src/sync/node-streams';
import { SyncQuarantine } from '../../../src/sync/quarantine';
import { receiveBatch } from '../../../src/sync/receive-batch';
import { RegencySync } from '../../../src/sync/regency-sync';
import { learn, nextBatch, type SyncCursor } from '../../../src/sync/send-batches';
import type { BatchAnswer, SyncBatch } from '../../../src/sync/sync-batch';
import type { VillageNode } from '../../../src/sync/sync-record';
import { writerOf, type Writer } from '../../../src/sync/stream-writer';
import { realisticVillage } from '../realistic-village';
import { runVillageFullYear, twoYearReference } from '../village-full-year';
import { REGENCY, VILLAGE, YEAR } from '../village-fixtures';

/**
 * A seeded simulation of two village nodes and the regency over a network
 * that drops, duplicates, delays and reorders batches and answers, with
 * partitions, node restarts (the cursor forgotten) and, in some runs, one node
 * restored from an old backup that then records its lost work again. The
 * events are real ledger events (a village's whole year, another's budget
 * year, the regency's allocations and transfers), recorded once through the
 * ledger and then written by their own writer one by one during the run. `checkSyncRun` lists what went wrong:
 * the CI test and the reliability bench run this one simulation.
 */

/** The first runs its whole year (receipts, SPPs, closings); the second its budget and amendments. */
export const SYNC_VILLAGES = [VILLAGE, '35.10.01.2002'];
const REGENCY_YEAR_STREAM = regencyStreamId(REGENCY, YEAR);
const FAULTS = { drop: 0.15, duplicate: 0.1, restart: 0.01, partition: 0.02, heal: 0.1 };
const HEAL_ROUNDS = 50;
/** Reports compared between the regency and the union of the villages, by scope. */
const COMPARED_REPORTS: Record<ReportScope, { name: string; query: Record<string, string> }[]> = {
  village: [
    { name: 'apbdes', query: {} },
    { name: 'realisation', query: {} },
    { name: 'fund-flow', query: {} },
    { name: 'bku', query: { month: '12' } },
  ],
  regency: [
    { name: 'fund-flow', query: {} },
    { name: 'realisation', query: {} },
    { name: 'monitoring', query: {} },
  ],
};
/** Reports are folded from the store at the year's end, so no read-model engine is needed. */
const AS_OF = `${YEAR}-12-31`;
const REPORT_TIME = new Date(`${YEAR}-12-31T12:00:00Z`);

interface Node {
  writer: Writer;
  villageCode: string;
  stream: string;
  store: EventStore;
  cursor: SyncCursor;
  quarantine: SyncQuarantine;
  partitioned: boolean;
  /** How many of its script's events the node has recorded. */
  recorded: number;
  /** Every event the node wrote, by revision, as first written (before any restore). */
  written: Map<bigint, string>;
  backup?: RecordedEvent[];
  restored: boolean;
}

type Message =
  | { kind: 'push'; node: Node; batch: SyncBatch }
  | { kind: 'pushAnswer'; node: Node; answer: BatchAnswer }
  | { kind: 'pull'; node: Node; batch: SyncBatch };

interface Script {
  /** The regency's streams other than its year, present before the run (its registered regions). */
  regencyBefore: Map<string, EventData[]>;
  regencyYear: EventData[];
  villages: Map<string, EventData[]>;
}

const chainedStore = () => withHashChain(createMemoryStore());
const reference = new ReferenceCatalog();
const dataOf = ({ id, type, data, metadata }: RecordedEvent): EventData => ({
  id,
  type,
  data,
  metadata,
});

let script: Promise<Script> | undefined;

/** The realistic year of both villages recorded once through the ledger, as each writer's events. */
function recordScript(): Promise<Script> {
  script ??= (async () => {
    const store = chainedStore();
    // The year's closing opens the next year, so the recording needs that year's reference data.
    const years = twoYearReference();
    const ledger = createLedger({ store, reference: years.catalog });
    try {
      await runVillageFullYear(ledger);
      for (const village of SYNC_VILLAGES.slice(1)) await realisticVillage(ledger, village);
    } finally {
      years.remove();
    }
    const streams = new Map<string, EventData[]>();
    for (const event of await store.readAll())
      streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), dataOf(event)]);
    const regencyBefore = new Map(
      [...streams].filter(
        ([stream]) => writerOf(stream).kind === 'regency' && stream !== REGENCY_YEAR_STREAM,
      ),
    );
    return {
      regencyBefore,
      regencyYear: streams.get(REGENCY_YEAR_STREAM) ?? [],
      villages: new Map(
        SYNC_VILLAGES.map((village) => [
          village,
          streams.get(nodeStreams(village, [YEAR]).own[0]!)!,
        ]),
      ),
    };
  })();
  return script;
}

/** Writes a script's event as its writer records it anew: a fresh id, its own chain. */
async function record(store: EventStore, stream: string, event: EventData): Promise<RecordedEvent> {
  await store.append(stream, [{ ...event, id: randomUUID() }], 'any');
  const [last] = await store.readStream(stream, { direction: 'backwards', maxCount: 1 });
  return last!;
}

async function copyStreams(target: EventStore, streams: Map<string, EventData[]>): Promise<void> {
  for (const [stream, events] of streams)
    if (events.length > 0) await target.append(stream, events, 'no_stream');
}

async function restoreFromBackup(node: Node): Promise<void> {
  const copies = new Map<string, EventData[]>();
  for (const stream of nodeStreams(node.villageCode, [YEAR]).copies)
    copies.set(stream, (await eventsOf(node.store, stream)).map(dataOf));
  node.store = chainedStore();
  // The backup holds its own stream as it was then; the regency's copies are pulled again.
  copies.set(node.stream, (node.backup ?? []).map(dataOf));
  await copyStreams(node.store, copies);
  node.recorded = node.backup?.length ?? 0;
  // Its sync record lives in its store: what it had learnt since the backup is gone too.
  node.cursor = new Map();
  node.quarantine = new SyncQuarantine();
  node.restored = true;
}

async function eventsOf(store: EventStore, stream: string): Promise<RecordedEvent[]> {
  return store.readStream(stream).catch(() => []);
}

export interface SyncSimulationOptions {
  seed: number;
  steps: number;
}

export interface SyncRun {
  seed: number;
  steps: number;
  regency: { store: EventStore; quarantine: SyncQuarantine };
  nodes: Node[];
  /** Every (stream, revision) → id the regency ever acknowledged to a node. */
  acknowledged: Map<string, string>;
  restoreAt: number | undefined;
  faults: { dropped: number; duplicated: number; restarts: number; partitions: number };
}

export async function runSyncSimulation({ seed, steps }: SyncSimulationOptions): Promise<SyncRun> {
  const { regencyBefore, regencyYear, villages } = await recordScript();
  const random: Random = seededRandom(seed);
  const chance = (p: number) => random.below(1_000_000) < p * 1_000_000;
  const regencyStore = chainedStore();
  await copyStreams(regencyStore, regencyBefore);
  let regencyRecorded = 0;
  // The regency takes pushes as its endpoint does: through RegencySync, its quarantine recorded as events.
  const regencySync = new RegencySync({
    store: regencyStore,
    regencyCode: REGENCY,
    fiscalYears: () => [YEAR],
  });
  const nodes: Node[] = SYNC_VILLAGES.map((villageCode) => ({
    writer: { kind: 'village', villageCode },
    villageCode,
    stream: nodeStreams(villageCode, [YEAR]).own[0]!,
    store: chainedStore(),
    cursor: new Map(),
    quarantine: new SyncQuarantine(),
    partitioned: false,
    recorded: 0,
    written: new Map(),
    restored: false,
  }));
  const credentials = new Map<Node, VillageNode>();
  for (const node of nodes) {
    const { nodeId } = await regencySync.registerNode(node.villageCode, SYSTEM_ACTOR);
    credentials.set(node, (await regencySync.activeNode(nodeId))!);
  }
  // Half the runs restore a node from an old backup, so the others check the regency-wide reports.
  const restored = random.pick(nodes);
  const restoreAt =
    random.below(2) === 0 ? Math.floor(steps / 4) + random.below(Math.floor(steps / 2)) : undefined;
  const backupAt = restoreAt === undefined ? undefined : random.below(restoreAt);
  const acknowledged = new Map<string, string>();
  const faults = { dropped: 0, duplicated: 0, restarts: 0, partitions: 0 };
  const inFlight: Message[] = [];

  const send = (message: Message) => {
    if (message.node.partitioned || chance(FAULTS.drop)) {
      faults.dropped += 1;
      return;
    }
    inFlight.push(message);
    if (chance(FAULTS.duplicate)) {
      faults.duplicated += 1;
      inFlight.push(message);
    }
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
        const held = await eventsOf(regencyStore, answer.stream);
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
        { kind: 'regency' },
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
    for (const stream of nodeStreams(node.villageCode, [YEAR]).copies) {
      const held = await node.store.streamRevision(stream);
      const batch = await nextBatch(regencyStore, stream, held);
      if (!batch) continue;
      if (reliable) await deliver({ kind: 'pull', node, batch }, true);
      else send({ kind: 'pull', node, batch });
    }
  }

  async function recordNext(node: Node) {
    const next = villages.get(node.villageCode)![node.recorded];
    if (!next) return;
    const event = await record(node.store, node.stream, next);
    node.recorded += 1;
    if (!node.restored) node.written.set(event.revision, event.id);
  }

  async function recordRegencyNext() {
    const next = regencyYear[regencyRecorded];
    if (!next) return;
    await record(regencyStore, REGENCY_YEAR_STREAM, next);
    regencyRecorded += 1;
  }

  for (let step = 0; step < steps; step++) {
    const node = random.pick(nodes);
    if (step === backupAt) restored.backup = await eventsOf(restored.store, restored.stream);
    if (step === restoreAt) await restoreFromBackup(restored);
    if (chance(FAULTS.partition)) {
      faults.partitions += 1;
      node.partitioned = true;
    }
    if (node.partitioned && chance(FAULTS.heal)) node.partitioned = false;
    if (chance(FAULTS.restart)) {
      faults.restarts += 1;
      node.cursor = new Map();
    }
    switch (random.below(6)) {
      case 0:
        await recordNext(node);
        break;
      case 1:
        await recordRegencyNext();
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
  // Each writer finishes its year; the network heals: what is in flight arrives late, then sync runs until nothing moves.
  while (regencyRecorded < regencyYear.length) await recordRegencyNext();
  for (const node of nodes)
    while (node.recorded < villages.get(node.villageCode)!.length) await recordNext(node);
  for (const node of nodes) node.partitioned = false;
  for (const message of inFlight.splice(0)) await deliver(message, false);
  for (let round = 0; round < HEAL_ROUNDS; round++)
    for (const node of nodes) {
      await push(node, true);
      await pull(node, true);
    }
  // What a restarted regency knows: its recorded quarantines.
  const quarantine = new SyncQuarantine((await regencySync.status()).quarantined);
  return {
    seed,
    steps,
    regency: { store: regencyStore, quarantine },
    nodes,
    acknowledged,
    restoreAt,
    faults,
  };
}

const streamOf = (place: string) => place.split('@')[0]!;

const shape = (events: RecordedEvent[]) =>
  events.map((event) => `${event.revision}:${event.id}:${String(event.metadata.hash)}`);

/** A store holding the union of the villages' stores: each stream copied event by event, with its ids. */
async function unionOfVillages(nodes: Node[]): Promise<EventStore> {
  const union = chainedStore();
  const streams = new Map<string, EventData[]>();
  for (const node of nodes) {
    const { own, copies } = nodeStreams(node.villageCode, [YEAR]);
    for (const stream of [...own, ...copies])
      if (!streams.has(stream))
        streams.set(stream, (await eventsOf(node.store, stream)).map(dataOf));
  }
  await copyStreams(union, streams);
  return union;
}

function foldedSources(store: EventStore): ReaderSources {
  return {
    models: {
      state: () => {
        throw new Error('the simulation reads reports folded from the store, not live');
      },
    } as unknown as ReaderSources['models'],
    projections: readModelProjections((fiscalYear, regency) => reference.get(fiscalYear, regency)),
    store,
    cache: new RenderedReportCache(),
  };
}

async function reportOf(
  store: EventStore,
  scope: ReportScope,
  code: string,
  compared: { name: string; query: Record<string, string> },
): Promise<string> {
  const report = findReport(scope, compared.name)!;
  const { built } = await runReport(
    { report, code, fiscalYear: YEAR, query: { ...compared.query, asOf: AS_OF }, now: REPORT_TIME },
    foldedSources(store),
    reference,
  );
  // The report's content is behind json() and tables(); the document block is plain data.
  return JSON.stringify([built.json(), built.tables(), built.document]);
}

export interface SyncCheck {
  violations: string[];
  /** How many reports were compared between the regency and the union of the villages. */
  reportsCompared: number;
  /** Whether the regency-wide reports were among them (only when nothing is quarantined). */
  regencyReportsCompared: boolean;
  quarantined: string[];
}

/**
 * After a run: every event ever acknowledged is on the regency once, at its
 * revision; every stream not quarantined is the same on both sides; a
 * quarantined stream is the restored node's, stopped on both sides, and the
 * regency's copy is still what the node wrote before the restore; every chain
 * verifies; the regency's reports equal those built from the union of the
 * villages' stores (a village's own reports unless its stream is quarantined;
 * the regency-wide ones when nothing is).
 */
export async function checkSyncRun(run: SyncRun): Promise<SyncCheck> {
  const { regency, nodes, acknowledged } = run;
  const violations: string[] = [];
  if (acknowledged.size === 0) violations.push('nothing was acknowledged');
  // Every acknowledged event once, at its revision, on the regency and on the node that wrote it
  // (unless that node's stream is quarantined: a restore lost it there, which is the divergence).
  const sides = [
    { side: 'the regency', store: regency.store, streams: [...acknowledged.keys()].map(streamOf) },
    ...nodes
      .filter((node) => !regency.quarantine.has(node.stream))
      .map((node) => ({ side: node.villageCode, store: node.store, streams: [node.stream] })),
  ];
  for (const { side, store, streams } of sides) {
    const heldAt = new Map<string, string[]>();
    for (const stream of new Set(streams))
      for (const event of await eventsOf(store, stream))
        heldAt.set(event.id, [...(heldAt.get(event.id) ?? []), `${stream}@${event.revision}`]);
    for (const [place, id] of acknowledged) {
      if (!streams.includes(streamOf(place))) continue;
      const at = heldAt.get(id) ?? [];
      if (at.join() !== place)
        violations.push(`acknowledged ${place} (${id}) held on ${side} at [${at}]`);
    }
  }
  for (const node of nodes) {
    for (const stream of nodeStreams(node.villageCode, [YEAR]).copies)
      if (
        shape(await eventsOf(node.store, stream)).join() !==
        shape(await eventsOf(regency.store, stream)).join()
      )
        violations.push(`${node.villageCode}'s copy of ${stream} differs from the regency's`);
    const ours = await eventsOf(node.store, node.stream);
    const copy = await eventsOf(regency.store, node.stream);
    if (regency.quarantine.has(node.stream)) {
      if (!node.restored) violations.push(`${node.stream} quarantined without a restore`);
      if (!node.quarantine.has(node.stream))
        violations.push(`${node.stream} quarantined at the regency only`);
      const before = copy.filter((e) => node.written.get(e.revision) !== e.id);
      if (before.length > 0)
        violations.push(`${node.stream}: the regency holds ${before.length} events never written`);
    } else if (shape(copy).join() !== shape(ours).join())
      violations.push(`${node.stream} differs between the node and the regency, not quarantined`);
  }
  for (const store of [regency.store, ...nodes.map((node) => node.store)])
    for (const chain of await verifyAllStreams(store))
      if (!chain.ok) violations.push(`chain of ${chain.stream} does not verify`);

  const union = await unionOfVillages(nodes);
  let reportsCompared = 0;
  const compare = async (scope: ReportScope, code: string) => {
    for (const compared of COMPARED_REPORTS[scope]) {
      const label = `${scope} report ${compared.name} of ${code}`;
      try {
        const ours = await reportOf(regency.store, scope, code, compared);
        const theirs = await reportOf(union, scope, code, compared);
        if (ours !== theirs) violations.push(`${label} differs from the union's`);
      } catch (error) {
        violations.push(`${label} could not be built: ${String(error)}`);
      }
      reportsCompared += 1;
    }
  };
  for (const node of nodes)
    if (!regency.quarantine.has(node.stream)) await compare('village', node.villageCode);
  const regencyReportsCompared = regency.quarantine.alerts().length === 0;
  if (regencyReportsCompared) await compare('regency', REGENCY);
  return {
    violations,
    reportsCompared,
    regencyReportsCompared,
    quarantined: nodes.map((node) => node.stream).filter((s) => regency.quarantine.has(s)),
  };
}
