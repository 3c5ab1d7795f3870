import { z } from 'zod';
import {
  SYNC_BATCH_EVENTS_MAX,
  SYNC_REQUEST_BATCHES_MAX,
  SYNC_REQUEST_STREAMS_MAX,
} from '../limits';
import type { BatchAnswer, SyncBatch } from './sync-batch';

/**
 * Batches and answers as JSON, for both transports (HTTPS and the signed
 * file): revisions travel as decimal strings, since JSON numbers lose
 * precision past 2^53.
 */
const revision = z.string().regex(/^\d+$/);
const object = z.record(z.string(), z.unknown());

export const syncBatchSchema = z.strictObject({
  stream: z.string().min(1),
  fromRevision: revision,
  events: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        type: z.string().min(1),
        data: object,
        metadata: object,
      }),
    )
    .min(1)
    .max(SYNC_BATCH_EVENTS_MAX),
});
export type SyncBatchWire = z.infer<typeof syncBatchSchema>;

export const pushRequestSchema = z.strictObject({
  batches: z.array(syncBatchSchema).max(SYNC_REQUEST_BATCHES_MAX),
});
export const headsRequestSchema = z.strictObject({
  streams: z.array(z.string().min(1)).max(SYNC_REQUEST_STREAMS_MAX),
});
export const pullRequestSchema = z.strictObject({
  /** The last revision the node holds of each regency stream it has a copy of. */
  after: z.record(z.string(), revision),
});

const answerSchema = z.union([
  z.strictObject({
    kind: z.enum(['appended', 'already']),
    stream: z.string(),
    acknowledged: revision,
  }),
  z.strictObject({ kind: z.literal('gap'), stream: z.string(), needsFrom: revision }),
  z.strictObject({
    kind: z.literal('diverged'),
    stream: z.string(),
    revision,
    heldId: z.string(),
    sentId: z.string(),
    heldHash: z.string(),
    sentHash: z.string(),
  }),
  z.strictObject({
    kind: z.literal('refused'),
    stream: z.string(),
    rule: z.enum(['NOT_WRITER', 'CHAIN_BROKEN', 'RECORDED_TIME_MISSING']),
    revision: revision.optional(),
  }),
]);
export const pushAnswerSchema = z.strictObject({ answers: z.array(answerSchema) });
export const headsAnswerSchema = z.strictObject({
  heads: z.record(z.string(), revision.nullable()),
});
export const pullAnswerSchema = z.strictObject({ batches: z.array(syncBatchSchema) });

export function batchToWire(batch: SyncBatch): SyncBatchWire {
  return { ...batch, fromRevision: batch.fromRevision.toString() };
}

export function batchFromWire(wire: SyncBatchWire): SyncBatch {
  return { ...wire, fromRevision: BigInt(wire.fromRevision) };
}

type AnswerWire = z.infer<typeof answerSchema>;

export function answerToWire(answer: BatchAnswer): AnswerWire {
  switch (answer.kind) {
    case 'appended':
    case 'already':
      return { ...answer, acknowledged: answer.acknowledged.toString() };
    case 'gap':
      return { ...answer, needsFrom: answer.needsFrom.toString() };
    case 'diverged':
      return { ...answer, revision: answer.revision.toString() };
    case 'refused': {
      const { revision: at, ...rest } = answer;
      return at === undefined ? rest : { ...rest, revision: at.toString() };
    }
  }
}

export function answerFromWire(wire: AnswerWire): BatchAnswer {
  switch (wire.kind) {
    case 'appended':
    case 'already':
      return { ...wire, acknowledged: BigInt(wire.acknowledged) };
    case 'gap':
      return { ...wire, needsFrom: BigInt(wire.needsFrom) };
    case 'diverged':
      return { ...wire, revision: BigInt(wire.revision) };
    case 'refused': {
      const { revision: at, ...rest } = wire;
      return at === undefined ? rest : { ...rest, revision: BigInt(at) };
    }
  }
}
