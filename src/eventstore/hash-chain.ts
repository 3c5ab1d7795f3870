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
  // Always a string here: the argument is a plain object.
  const canonical = stringify({
    stream: link.stream,
    revision: link.revision.toString(),
    id: link.id,
    type: link.type,
    data: link.data,
    metadata: withoutChainKeys(link.metadata),
    prevHash: link.prevHash,
  });
  return createHash('sha256').update(canonical!).digest('hex');
}

/** Seals events to be appended after the event whose hash is `prevHash` at `firstRevision - 1`. */
export function sealEvents(
  stream: string,
  firstRevision: bigint,
  prevHash: string,
  events: EventData[],
): { sealed: EventData[]; lastHash: string } {
  let previous = prevHash;
  const sealed = events.map((event, index) => {
    const metadata = { ...withoutChainKeys(event.metadata), prevHash: previous };
    const hash = hashLink({
      ...event,
      metadata,
      stream,
      revision: firstRevision + BigInt(index),
      prevHash: previous,
    });
    previous = hash;
    return { ...event, metadata: { ...metadata, hash } };
  });
  return { sealed, lastHash: previous };
}

export function storedHash(event: RecordedEvent): string | undefined {
  const hash = event.metadata.hash;
  return typeof hash === 'string' ? hash : undefined;
}
