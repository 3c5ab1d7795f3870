import { hash as digest } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { EventData, JsonObject, RecordedEvent } from './port';

/** The `prevHash` of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainLink {
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
  prevHash: string;
}

/**
 * The metadata the hash covers: all of it but the chain's own keys. A key
 * loop, not rest destructuring: this runs for every appended event, and the
 * loop allocates one object where rest syntax costs several times more.
 */
function coveredMetadata(metadata: JsonObject): JsonObject {
  const covered: JsonObject = {};
  for (const key in metadata) {
    if (key === 'hash' || key === 'prevHash') continue;
    // Parsed JSON may carry an own "__proto__" key; plain assignment would set the prototype instead.
    if (key === '__proto__') Object.defineProperty(covered, key, ownValue(metadata[key]));
    else covered[key] = metadata[key]!;
  }
  return covered;
}

function ownValue(value: unknown): PropertyDescriptor {
  return { value, enumerable: true, writable: true, configurable: true };
}

/** SHA-256 over the canonical JSON (sorted keys) of the event's place and content. */
export function hashLink(link: ChainLink): string {
  return hashCanonical(link, coveredMetadata(link.metadata));
}

/**
 * The canonical form is `stringify` (sorted keys) of
 * { data, id, metadata, prevHash, revision, stream, type }. The outer object
 * is written out in that sorted order so only the nested values go through
 * the sorting serializer: the same text, at a third of the cost per append.
 * tests/eventstore/hash-chain-format.test.ts pins the equality.
 */
function hashCanonical(link: Omit<ChainLink, 'metadata'>, metadata: JsonObject): string {
  const canonical =
    `{"data":${stringify(link.data)},"id":${JSON.stringify(link.id)}` +
    `,"metadata":${stringify(metadata)},"prevHash":${JSON.stringify(link.prevHash)}` +
    `,"revision":"${link.revision}","stream":${JSON.stringify(link.stream)}` +
    `,"type":${JSON.stringify(link.type)}}`;
  return digest('sha256', canonical, 'hex');
}

/**
 * Seals events to be appended after the event whose hash is `prevHash` at
 * `firstRevision - 1`. With `recordedAt`, metadata that lacks one gets it,
 * under the hash: the recorded time is then tamper-evident, and survives a
 * copy to another store (which would put its own write time on the event).
 */
export function sealEvents(
  stream: string,
  firstRevision: bigint,
  prevHash: string,
  events: EventData[],
  recordedAt?: string,
): { sealed: EventData[]; lastHash: string } {
  let previous = prevHash;
  let revision = firstRevision;
  const sealed = events.map((event) => {
    const content = coveredMetadata(event.metadata);
    if (recordedAt !== undefined && typeof content.recordedAt !== 'string')
      content.recordedAt = recordedAt;
    const hash = hashCanonical(
      { stream, revision, id: event.id, type: event.type, data: event.data, prevHash: previous },
      content,
    );
    content.prevHash = previous;
    content.hash = hash;
    previous = hash;
    revision += 1n;
    return { id: event.id, type: event.type, data: event.data, metadata: content };
  });
  return { sealed, lastHash: previous };
}

export function storedHash(event: RecordedEvent): string | undefined {
  const hash = event.metadata.hash;
  return typeof hash === 'string' ? hash : undefined;
}
