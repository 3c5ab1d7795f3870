import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { EventData, JsonObject, RecordedEvent } from './port';

/** The `prevHash` of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** Metadata keys the chain owns; everything else in metadata is covered by the hash. */
export const CHAIN_KEYS = ['hash', 'prevHash'] as const;

export interface ChainLink {
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  prevHash: string;
}

function withoutChainKeys(metadata: JsonObject): JsonObject {
  const { hash: _hash, prevHash: _prevHash, ...rest } = metadata;
  return rest;
}

/** SHA-256 over the canonical JSON (sorted keys) of the event's place and content. */
export function hashLink(link: ChainLink): string {
  return hashCanonical(link, withoutChainKeys(link.metadata));
}

function hashCanonical(link: Omit<ChainLink, 'metadata'>, metadata: JsonObject): string {
  // Always a string here: the argument is a plain object.
  const canonical = stringify({
    stream: link.stream,
    revision: link.revision.toString(),
    id: link.id,
    type: link.type,
    data: link.data,
    metadata,
    prevHash: link.prevHash,
  });
  return createHash('sha256').update(canonical!).digest('hex');
}

/**
 * Seals events to be appended after the event whose hash is `prevHash` at
 * `firstRevision - 1`. With `recordedAt`, metadata that lacks one gets it,
 * under the hash: the recorded time is then tamper-evident, and survives a
 * copy to another store (which would put its own write time on the event).
 * One metadata copy per event: this runs on every append.
 */
export function sealEvents(
  stream: string,
  firstRevision: bigint,
  prevHash: string,
  events: EventData[],
  recordedAt?: string,
): { sealed: EventData[]; lastHash: string } {
  let previous = prevHash;
  const sealed = events.map((event, index) => {
    const { hash: _hash, prevHash: _prevHash, ...content } = event.metadata;
    if (recordedAt !== undefined && typeof content.recordedAt !== 'string')
      content.recordedAt = recordedAt;
    const revision = firstRevision + BigInt(index);
    const hash = hashCanonical({ ...event, stream, revision, prevHash: previous }, content);
    const metadata = { ...content, prevHash: previous, hash };
    previous = hash;
    return { id: event.id, type: event.type, data: event.data, metadata };
  });
  return { sealed, lastHash: previous };
}

export function storedHash(event: RecordedEvent): string | undefined {
  const hash = event.metadata.hash;
  return typeof hash === 'string' ? hash : undefined;
}
