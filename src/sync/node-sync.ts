import { createLedger } from '../app/ledger';
import { lastEventOfType } from '../app/last-event-of-type';
import { regencyStreamId } from '../domain/regency/decider';
import { regencyOf } from '../domain/shared/region-codes';
import type { EventStore } from '../eventstore/port';
import { SYNC_REQUEST_BATCHES_MAX, SYNC_ROUNDS_MAX } from '../limits';
import { heldHeads, nodeStreams, ownHeads } from './node-streams';
import { SyncQuarantine } from './quarantine';
import { receiveBatch } from './receive-batch';
import { learn, nextBatch, type SyncCursor } from './send-batches';
import type { BatchAnswer, SyncBatch } from './sync-batch';
import { syncStreamId } from './sync-events';
import { noteContact } from './sync-contact';
import { SYNC_ACTOR, SyncRecord } from './sync-record';

/** How a node reaches the regency: HTTPS today; anything that answers the same three questions. */
export interface SyncTransport {
  /** The regency's last revision of each of these node streams it holds. */
  heads(streams: readonly string[]): Promise<Map<string, bigint>>;
  push(batches: readonly SyncBatch[]): Promise<BatchAnswer[]>;
  /** The regency streams the village needs, after the revisions the node holds. */
  pull(after: ReadonlyMap<string, bigint>): Promise<SyncBatch[]>;
}

/** The last answer of each stream a run touched, both ways; quarantines as the node records them. */
export interface SyncRunReport {
  pushed: Map<string, BatchAnswer>;
  pulled: Map<string, BatchAnswer>;
  quarantined: SyncQuarantine;
  /** The camat's evaluations the village took in after the pull. */
  evaluationsTakenIn: number;
}

/** How far a run's push has come, after each request: the node's streams finished, events sent. */
export interface SyncProgress {
  streamsDone: number;
  streamsTotal: number;
  eventsSent: number;
}

export interface NodeSyncOptions {
  store: EventStore;
  nodeId: string;
  villageCode: string;
  fiscalYears: readonly number[];
  transport: SyncTransport;
  onProgress?: (progress: SyncProgress) => void;
}

/** The node's own sync record (its quarantines), kept in its store so they survive a restart. */
export function nodeSyncRecord(store: EventStore, villageCode: string): SyncRecord {
  return new SyncRecord(store, syncStreamId(villageCode));
}

async function noted(record: SyncRecord, quarantine: SyncQuarantine, answer: BatchAnswer) {
  if (answer.kind !== 'diverged') return;
  const { kind: _kind, ...divergence } = answer;
  quarantine.add(divergence);
  await record.quarantine(divergence);
}

/**
 * Sends the node's streams from what the regency acknowledges, until every
 * stream is acknowledged to its head or stopped (refused, quarantined). The
 * cursor is rebuilt from the regency's heads at each run: nothing is kept
 * that its answers cannot give again. What it ends at is recorded only to
 * count, offline, the events still to send.
 */
async function push(options: NodeSyncOptions, record: SyncRecord, report: SyncRunReport) {
  const cursor: SyncCursor = new Map();
  await pushRounds(options, record, report, cursor);
  await record.acknowledge(cursor);
}

async function pushRounds(
  options: NodeSyncOptions,
  record: SyncRecord,
  report: SyncRunReport,
  cursor: SyncCursor,
) {
  const { store, transport } = options;
  const own = await ownHeads(store, options.villageCode, options.fiscalYears);
  for (const [stream, acknowledged] of await transport.heads([...own.keys()]))
    learn(cursor, report.quarantined, { kind: 'already', stream, acknowledged }, own.get(stream));
  const stopped = new Set<string>();
  let eventsSent = 0;
  // A stream is finished once acknowledged to its head, refused or quarantined.
  const progress = () =>
    options.onProgress?.({
      streamsDone: [...own].filter(
        ([stream, head]) =>
          cursor.get(stream) === head || stopped.has(stream) || report.quarantined.has(stream),
      ).length,
      streamsTotal: own.size,
      eventsSent,
    });
  progress();
  for (let round = 0; round < SYNC_ROUNDS_MAX; round++) {
    const batches: SyncBatch[] = [];
    for (const stream of own.keys()) {
      if (stopped.has(stream) || report.quarantined.has(stream)) continue;
      const batch = await nextBatch(store, stream, cursor.get(stream));
      if (batch) batches.push(batch);
      if (batches.length >= SYNC_REQUEST_BATCHES_MAX) break;
    }
    if (batches.length === 0) return;
    let moved = false;
    for (const answer of await transport.push(batches)) {
      const before = cursor.get(answer.stream);
      learn(cursor, report.quarantined, answer, own.get(answer.stream));
      await noted(record, report.quarantined, answer);
      if (answer.kind === 'refused') stopped.add(answer.stream);
      moved ||= cursor.get(answer.stream) !== before || answer.kind === 'appended';
      report.pushed.set(answer.stream, answer);
    }
    eventsSent += batches.reduce((sum, batch) => sum + batch.events.length, 0);
    progress();
    if (!moved) return;
  }
}

/** Brings the regency's streams the village needs, through the same receiving logic, until none is left. */
async function pull(options: NodeSyncOptions, record: SyncRecord, report: SyncRunReport) {
  const { store, transport } = options;
  const { copies } = nodeStreams(options.villageCode, options.fiscalYears);
  for (let round = 0; round < SYNC_ROUNDS_MAX; round++) {
    const batches = await transport.pull(await heldHeads(store, copies));
    let appended = false;
    for (const batch of batches) {
      const answer = await receiveBatch(store, batch, { kind: 'regency' }, report.quarantined);
      await noted(record, report.quarantined, answer);
      appended ||= answer.kind === 'appended';
      report.pulled.set(batch.stream, answer);
    }
    if (!appended) return;
  }
}

/**
 * Cross-boundary effects are commands: the camat's evaluations came down
 * with the regency's streams, and the village takes in those it has not.
 */
async function takeInEvaluations(options: NodeSyncOptions, report: SyncRunReport) {
  const { store, villageCode } = options;
  const ledger = createLedger({ store });
  for (const fiscalYear of options.fiscalYears) {
    // A year whose regency stream holds no evaluation at all has nothing to take in.
    const regencyYear = regencyStreamId(regencyOf(villageCode), fiscalYear);
    const held = (await store.streamRevision(regencyYear)) !== undefined;
    if (!held || !(await lastEventOfType(store, regencyYear, 'ApbdesEvaluated'))) continue;
    const outcomes = await ledger.takeInEvaluations(villageCode, fiscalYear, SYNC_ACTOR);
    report.evaluationsTakenIn += outcomes.length;
  }
}

/** One sync run of a village node: push, then pull, each until nothing is left; then the take-ins. */
export async function syncNode(options: NodeSyncOptions): Promise<SyncRunReport> {
  const record = nodeSyncRecord(options.store, options.villageCode);
  const report: SyncRunReport = {
    pushed: new Map(),
    pulled: new Map(),
    quarantined: new SyncQuarantine((await record.state()).quarantined),
    evaluationsTakenIn: 0,
  };
  await push(options, record, report);
  await pull(options, record, report);
  await takeInEvaluations(options, report);
  // What was taken in goes up in the same run.
  if (report.evaluationsTakenIn > 0) await push(options, record, report);
  // Only a run that went all the way counts as the node's last sync.
  await noteContact(options.store, options);
  return report;
}
