import { StreamNotFoundError } from '../eventstore/errors';
import type { EventStore } from '../eventstore/port';
import { SYNC_BATCH_EVENTS_MAX } from '../limits';
import type { SyncQuarantine } from './quarantine';
import type { BatchAnswer, SyncBatch } from './sync-batch';

/** The last revision the other side acknowledged, per stream; none yet means from the start. */
export type SyncCursor = Map<string, bigint>;

/** The writer's next batch of a stream after what the other side acknowledged, if any. */
export async function nextBatch(
  store: EventStore,
  stream: string,
  acknowledged: bigint | undefined,
): Promise<SyncBatch | undefined> {
  const fromRevision = acknowledged === undefined ? 0n : acknowledged + 1n;
  const events = await store
    .readStream(stream, { fromRevision, maxCount: SYNC_BATCH_EVENTS_MAX })
    .catch((error) => {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    });
  if (events.length === 0) return undefined;
  return {
    stream,
    fromRevision,
    events: events.map(({ id, type, data, metadata }) => ({ id, type, data, metadata })),
  };
}

/**
 * What the writer learns from an answer: where to resume, or that the stream
 * is stopped (the same alert on both sides). A lost answer teaches nothing:
 * the batch is sent again and acknowledged as already there. `head` is the
 * writer's own last revision: an answer from before a restore may acknowledge
 * more than the writer now holds, and resuming past its head would hide the
 * divergence its next events make.
 */
export function learn(
  cursor: SyncCursor,
  quarantine: SyncQuarantine,
  answer: BatchAnswer,
  head: bigint | undefined,
): void {
  if (answer.kind === 'diverged') {
    const { kind: _kind, ...divergence } = answer;
    return quarantine.add(divergence);
  }
  if (answer.kind === 'refused') return;
  const next = answer.kind === 'gap' ? answer.needsFrom - 1n : answer.acknowledged;
  const resumeAfter = head === undefined || next < head ? next : head;
  if (resumeAfter < 0n) cursor.delete(answer.stream);
  else cursor.set(answer.stream, resumeAfter);
}
