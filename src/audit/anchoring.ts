import { randomUUID } from 'node:crypto';
import { StreamNotFoundError } from '../eventstore/errors';
import type { EventStore, RecordedEvent } from '../eventstore/port';
import type { Actor } from '../domain/shared/envelope';
import { verifyAllStreams, type StreamVerification } from '../eventstore/verify-stream';
import {
  AUDIT_STREAM_PREFIX,
  anchorEventSchemas,
  auditStreamId,
  type AnchoredHead,
  type StreamHeadsAnchored,
} from './anchor-events';

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
  return {
    stream: verification.stream,
    revision: verification.headRevision.toString(),
    hash: verification.headHash,
  };
}

/** The newest anchor of each audit stream among `events` (in any order). */
export function newestAnchors(events: RecordedEvent[]): StreamHeadsAnchored[] {
  const newestPerStream = new Map<string, RecordedEvent>();
  for (const event of events) {
    if (event.type !== 'StreamHeadsAnchored') continue;
    const known = newestPerStream.get(event.streamId);
    if (!known || event.revision > known.revision) newestPerStream.set(event.streamId, event);
  }
  return [...newestPerStream.values()].map((event) =>
    anchorEventSchemas.StreamHeadsAnchored.data.parse(event.data),
  );
}

export async function latestAnchors(store: EventStore): Promise<StreamHeadsAnchored[]> {
  const filter = { streamPrefixes: [AUDIT_STREAM_PREFIX], eventTypes: ['StreamHeadsAnchored'] };
  const events: RecordedEvent[] = [];
  for await (const page of store.readAllPages({ filter })) events.push(...page);
  return newestAnchors(events);
}

export interface AnchorMismatch {
  stream: string;
  revision: bigint;
  reason: string;
}

/** Finds the event of a stream at a revision: from a store, or from an evidence bundle. */
export type EventLookup = (stream: string, revision: bigint) => Promise<RecordedEvent | undefined>;

export function storeLookup(store: EventStore): EventLookup {
  return async (stream, revision) => {
    const [event] = await store
      .readStream(stream, { fromRevision: revision, maxCount: 1 })
      .catch((error: unknown) =>
        error instanceof StreamNotFoundError ? [] : Promise.reject(error),
      );
    return event?.revision === revision ? event : undefined;
  };
}

/** Checks that each anchored stream still holds, at the anchored revision, the event with the anchored hash. */
export async function checkAgainstAnchors(
  lookup: EventLookup,
  anchors: StreamHeadsAnchored[],
  inScope: (stream: string) => boolean = () => true,
): Promise<AnchorMismatch[]> {
  const mismatches: AnchorMismatch[] = [];
  for (const head of anchors.flatMap((anchor) => anchor.heads).filter((h) => inScope(h.stream))) {
    const revision = BigInt(head.revision);
    const event = await lookup(head.stream, revision);
    if (!event) {
      mismatches.push({
        stream: head.stream,
        revision,
        reason: 'peristiwa yang dijangkarkan hilang / the anchored event is gone',
      });
    } else if (event.metadata.hash !== head.hash) {
      mismatches.push({
        stream: head.stream,
        revision,
        reason:
          'hash berbeda dari jangkar: aliran ditulis ulang / hash differs from the anchor: the stream was rewritten',
      });
    }
  }
  return mismatches;
}
