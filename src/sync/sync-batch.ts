import type { Divergence } from './quarantine';
import type { EventData } from '../eventstore/port';

/**
 * Events of one stream as its writer holds them, from `fromRevision` on, each
 * with its original id and its hash-chain metadata (hash, prevHash, recordedAt).
 */
export interface SyncBatch {
  stream: string;
  fromRevision: bigint;
  events: EventData[];
}

/**
 * The receiver's answer to a batch. `acknowledged`: the last revision the
 * receiver now holds, so the sender resumes after it; `needsFrom`: the
 * revision the receiver needs next when the batch starts beyond it.
 */
export type BatchAnswer =
  | { kind: 'appended'; stream: string; acknowledged: bigint }
  | { kind: 'already'; stream: string; acknowledged: bigint }
  | { kind: 'gap'; stream: string; needsFrom: bigint }
  | ({ kind: 'diverged' } & Divergence)
  | { kind: 'refused'; stream: string; rule: SyncRefusal; revision?: bigint };

/**
 * NOT_WRITER: the sender does not write this stream (one writer per stream);
 * CHAIN_BROKEN: an event's hash does not follow from its content and the one before;
 * RECORDED_TIME_MISSING: an event of the oldest format, sealed without its recorded time,
 * which the copy could not keep under the same hash.
 */
export type SyncRefusal = 'NOT_WRITER' | 'CHAIN_BROKEN' | 'RECORDED_TIME_MISSING';
