import { randomUUID } from 'node:crypto';
import { StreamNotFoundError } from '../eventstore/errors';
import type { EventStore } from '../eventstore/port';
import type { Actor } from '../domain/shared/envelope';
import { verifyAllStreams, type StreamVerification } from '../eventstore/verify-stream';
import { AUDIT_STREAM_PREFIX, anchorEventSchemas, auditStreamId, type AnchoredHead, type StreamHeadsAnchored } from './anchor-events';

/** The streams of a regency: its own year streams and those of its villages. */
export function regencyStreamPrefixes(regencyCode: string): string[] {
  return [`village-${regencyCode}.`, `regency-${regencyCode}-`];
}

/**
 * Records the head hash and revision of every stream of the regency in its
 * audit stream. A later rewrite of any of those streams, however
 * self-consistent its new chain, no longer matches the anchor.
 */
export async function anchorStreamHeads(
  store: EventStore,
  options: { regencyCode: string; actor: Actor; commandId?: string },
): Promise<StreamHeadsAnchored> {
  const streamPrefixes = regencyStreamPrefixes(options.regencyCode);
  const verified = await verifyAllStreams(store, { streamPrefixes });
  const heads = verified.filter((v) => v.ok).map(toAnchoredHead);
  const data: StreamHeadsAnchored = { streamPrefixes, heads };
  await store.append(
    auditStreamId(options.regencyCode),
    [
      {
        id: randomUUID(),
        type: 'StreamHeadsAnchored',
        data,
        metadata: {
          schemaVersion: anchorEventSchemas.StreamHeadsAnchored.version,
          commandId: options.commandId ?? randomUUID(),
          actor: options.actor,
        },
      },
    ],
    'any',
  );
  return data;
}

function toAnchoredHead(verification: Extract<StreamVerification, { ok: true }>): AnchoredHead {
  return { stream: verification.stream, revision: verification.headRevision.toString(), hash: verification.headHash };
}

/** The newest anchor of every audit stream, read backwards. */
export async function latestAnchors(store: EventStore): Promise<StreamHeadsAnchored[]> {
  const anchors = await store.readAll({ direction: 'backwards', maxCount: 1_000_000, filter: { streamPrefixes: [AUDIT_STREAM_PREFIX], eventTypes: ['StreamHeadsAnchored'] } });
  const newestPerStream = new Map<string, StreamHeadsAnchored>();
  for (const event of anchors) {
    if (newestPerStream.has(event.streamId)) continue;
    newestPerStream.set(event.streamId, anchorEventSchemas.StreamHeadsAnchored.data.parse(event.data));
  }
  return [...newestPerStream.values()];
}

export interface AnchorMismatch {
  stream: string;
  revision: bigint;
  reason: string;
}

/** Checks that each anchored stream still holds, at the anchored revision, the event with the anchored hash. */
export async function checkAgainstAnchors(store: EventStore, anchors: StreamHeadsAnchored[]): Promise<AnchorMismatch[]> {
  const mismatches: AnchorMismatch[] = [];
  for (const head of anchors.flatMap((anchor) => anchor.heads)) {
    const revision = BigInt(head.revision);
    const [event] = await store
      .readStream(head.stream, { fromRevision: revision, maxCount: 1 })
      .catch((error: unknown) => (error instanceof StreamNotFoundError ? [] : Promise.reject(error)));
    if (event?.revision !== revision) {
      mismatches.push({ stream: head.stream, revision, reason: 'peristiwa yang dijangkarkan hilang / the anchored event is gone' });
    } else if (event.metadata.hash !== head.hash) {
      mismatches.push({
        stream: head.stream,
        revision,
        reason: 'hash berbeda dari jangkar: aliran ditulis ulang / hash differs from the anchor: the stream was rewritten',
      });
    }
  }
  return mismatches;
}
