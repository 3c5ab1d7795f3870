import { WrongExpectedRevisionError } from './errors';
import { storedHash } from './hash-chain';
import type { EventData, EventStore, RecordedEvent } from './port';

import {
  MIGRATION_BATCH_EVENTS_MAX,
  MIGRATION_BATCH_MAX_BYTES,
  MIGRATION_PAGE_MAX,
} from '../limits';

/** What an event costs in an append beyond its JSON: ids, revision, framing (an estimate, not a limit). */
const EVENT_OVERHEAD_BYTES = 128;

export interface MigrationProgress {
  /** Source events handled so far: copied plus already present on the target. */
  processed: number;
  copied: number;
  /** Events the target already held (an earlier, interrupted run). */
  skipped: number;
  total: number;
}

export interface MigrateOptions {
  /** Number of source events, when the caller can count them cheaply; otherwise counted by a first pass. */
  total?: number;
  pageSize?: number;
  onProgress?: (progress: MigrationProgress) => void;
  /** Checked before every append; an aborted migration can be resumed by running it again. */
  signal?: AbortSignal;
}

/** What the source holds per stream, to check the target against afterwards. */
export interface SourceStream {
  events: number;
  headHash: string | undefined;
}

export interface MigrationSummary extends MigrationProgress {
  streams: Map<string, SourceStream>;
}

/** What differs, in Indonesian and in English. */
export type ConflictDetail = [indonesian: string, english: string];

/** The target holds something other than the source at a place the migration must write or skip. */
export class MigrationConflictError extends Error {
  override readonly name = 'MigrationConflictError';
  constructor(
    readonly stream: string,
    readonly revision: bigint,
    readonly sourceEventId: string,
    readonly detail: ConflictDetail,
  ) {
    super(
      `Konflik migrasi pada aliran "${stream}" revisi ${revision} (peristiwa sumber ${sourceEventId}): ` +
        `${detail[0]}; tidak ada lagi yang ditulis ke aliran ini / migration conflict on stream "${stream}" ` +
        `at revision ${revision} (source event ${sourceEventId}): ${detail[1]}; nothing further was written to this stream`,
    );
  }
}

interface StreamState extends SourceStream {
  /** The target stream's current revision as last seen or written; undefined while it has no events. */
  targetHead: bigint | undefined;
}

/**
 * Copies every event of `source` into `target`, in `$all` order, keeping
 * ids, per-stream revisions, types, data and metadata (the hash chain's
 * `hash`/`prevHash` included), so `target` must be a bare adapter: nothing
 * may re-seal the events. Resumable: events the target already holds at the
 * same revision with the same id are skipped; anything else there stops the
 * migration with a MigrationConflictError, and nothing more is written.
 */
export async function migrateStore(
  source: EventStore,
  target: EventStore,
  options: MigrateOptions = {},
): Promise<MigrationSummary> {
  const pageSize = options.pageSize ?? MIGRATION_PAGE_MAX;
  const total = options.total ?? (await countEvents(source, pageSize));
  const streams = new Map<string, StreamState>();
  const progress: MigrationProgress = { processed: 0, copied: 0, skipped: 0, total };

  for await (const page of source.readAllPages({ pageSize })) {
    for (const run of runsByStream(page)) {
      const state = await streamState(target, streams, run[0]!.streamId);
      await copyRun(target, run, state, progress, options);
    }
  }
  return { ...progress, streams: new Map([...streams].map(([id, s]) => [id, sourceStream(s)])) };
}

async function countEvents(store: EventStore, pageSize: number): Promise<number> {
  let count = 0;
  for await (const page of store.readAllPages({ pageSize })) count += page.length;
  return count;
}

/** Splits a page into runs of consecutive events of one stream: each run is one or a few appends. */
function runsByStream(page: RecordedEvent[]): RecordedEvent[][] {
  const runs: RecordedEvent[][] = [];
  for (const event of page) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.streamId === event.streamId) last.push(event);
    else runs.push([event]);
  }
  return runs;
}

async function streamState(
  target: EventStore,
  streams: Map<string, StreamState>,
  stream: string,
): Promise<StreamState> {
  let state = streams.get(stream);
  if (!state) {
    state = { events: 0, headHash: undefined, targetHead: await target.streamRevision(stream) };
    streams.set(stream, state);
  }
  return state;
}

function sourceStream({ events, headHash }: StreamState): SourceStream {
  return { events, headHash };
}

async function copyRun(
  target: EventStore,
  run: RecordedEvent[],
  state: StreamState,
  progress: MigrationProgress,
  options: MigrateOptions,
): Promise<void> {
  assertContiguous(run, state);
  const present = await alreadyOnTarget(target, run, state.targetHead);
  recordSource(state, run.slice(0, present));
  progress.skipped += present;
  progress.processed += present;
  if (present > 0) options.onProgress?.({ ...progress });

  for (const batch of batches(run.slice(present))) {
    options.signal?.throwIfAborted();
    await appendBatch(target, batch, state);
    recordSource(state, batch);
    progress.copied += batch.length;
    progress.processed += batch.length;
    options.onProgress?.({ ...progress });
  }
}

/** The source's own revisions must run 0, 1, 2… in `$all` order, or the copy would not be faithful. */
function assertContiguous(run: RecordedEvent[], state: StreamState): void {
  run.forEach((event, index) => {
    const expected = BigInt(state.events + index);
    if (event.revision !== expected) {
      throw new Error(
        `Aliran sumber "${event.streamId}" tidak berurutan: revisi ${event.revision} di tempat revisi ${expected} ` +
          `(peristiwa ${event.id}) / source stream "${event.streamId}" is not contiguous: ` +
          `revision ${event.revision} where ${expected} was expected (event ${event.id})`,
      );
    }
  });
}

/** How many leading events of `run` the target already holds, identical; throws at the first that differs. */
async function alreadyOnTarget(
  target: EventStore,
  run: RecordedEvent[],
  targetHead: bigint | undefined,
): Promise<number> {
  const first = run[0]!.revision;
  if (targetHead === undefined || targetHead < first) return 0;
  const count = Number(targetHead - first + 1n);
  const held = await target.readStream(run[0]!.streamId, {
    fromRevision: first,
    maxCount: Math.min(count, run.length),
  });
  held.forEach((onTarget, index) => {
    const wanted = run[index]!;
    const difference = differenceOf(wanted, onTarget);
    if (difference)
      throw new MigrationConflictError(wanted.streamId, wanted.revision, wanted.id, difference);
  });
  return held.length;
}

function differenceOf(wanted: RecordedEvent, onTarget: RecordedEvent): ConflictDetail | undefined {
  const { revision, id, type } = onTarget;
  if (revision !== wanted.revision) {
    return [`tujuan memberikan revisi ${revision}`, `the target returned revision ${revision}`];
  }
  if (id !== wanted.id) {
    return [
      `tujuan berisi peristiwa ${id} (${type}) di sana`,
      `the target holds event ${id} (${type}) there`,
    ];
  }
  if (type !== wanted.type) {
    return [
      `jenis peristiwa di tujuan ${type}, bukan ${wanted.type}`,
      `the target's event has type ${type}, not ${wanted.type}`,
    ];
  }
  if (storedHash(onTarget) !== storedHash(wanted)) {
    return ['hash peristiwa di tujuan berbeda', "the target's event has a different hash"];
  }
  return undefined;
}

/** Consecutive events of one stream, cut so that each append stays well below the server's size limit. */
function* batches(events: RecordedEvent[]): Generator<RecordedEvent[]> {
  let batch: RecordedEvent[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = approximateSize(event);
    if (
      batch.length > 0 &&
      (batch.length >= MIGRATION_BATCH_EVENTS_MAX || bytes + size > MIGRATION_BATCH_MAX_BYTES)
    ) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(event);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

function approximateSize(event: RecordedEvent): number {
  const json = JSON.stringify(event.data) + JSON.stringify(event.metadata);
  return Buffer.byteLength(json) + Buffer.byteLength(event.type) + EVENT_OVERHEAD_BYTES;
}

/** Appends at exactly the source revision: the target stream must stand at the revision before it. */
async function appendBatch(
  target: EventStore,
  batch: RecordedEvent[],
  state: StreamState,
): Promise<void> {
  const first = batch[0]!;
  const expected = first.revision === 0n ? 'no_stream' : first.revision - 1n;
  const actual = state.targetHead ?? 'no_stream';
  if (actual !== expected) {
    throw new MigrationConflictError(first.streamId, first.revision, first.id, [
      `aliran tujuan ada di revisi ${actual}, seharusnya ${expected}`,
      `the target stream is at revision ${actual}, expected ${expected}`,
    ]);
  }
  try {
    const result = await target.append(first.streamId, batch.map(eventData), expected);
    state.targetHead = result.nextRevision;
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    throw new MigrationConflictError(first.streamId, first.revision, first.id, [
      `penulis lain mengubah aliran tujuan (kini di revisi ${error.actual})`,
      `another writer changed the target stream (now at revision ${error.actual})`,
    ]);
  }
}

function eventData({ id, type, data, metadata }: RecordedEvent): EventData {
  return { id, type, data, metadata };
}

function recordSource(state: StreamState, events: RecordedEvent[]): void {
  const last = events[events.length - 1];
  if (!last) return;
  state.events += events.length;
  state.headHash = storedHash(last);
}
