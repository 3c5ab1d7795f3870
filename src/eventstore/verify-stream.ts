import { StreamNotFoundError } from './errors';
import { GENESIS_HASH, hashLink, storedHash } from './hash-chain';
import type { EventStore, RecordedEvent } from './port';
import { STORE_READ_PAGE_MAX } from '../limits';

export interface BrokenLink {
  revision: bigint;
  eventId: string;
  position: bigint;
  reason: string;
}

export type StreamVerification =
  | { stream: string; ok: true; events: number; headHash: string; headRevision: bigint }
  | { stream: string; ok: false; events: number; broken: BrokenLink };

/** Why `event`, found at `index` after an event hashed `previousHash`, breaks the chain; undefined when it holds. */
export function linkFault(
  event: RecordedEvent,
  index: number,
  previousHash: string,
): string | undefined {
  if (event.revision !== BigInt(index)) {
    return `revisi ${event.revision} di urutan ${index} (revisi bolong atau tertukar) / revision ${event.revision} found at index ${index} (gap or reordering)`;
  }
  if (event.metadata.prevHash !== previousHash) {
    return 'rantai hash terputus: prevHash tidak sama dengan hash peristiwa sebelumnya / broken link: prevHash does not match the previous event';
  }
  const expected = hashLink({ ...event, stream: event.streamId, prevHash: previousHash });
  if (storedHash(event) !== expected) {
    return 'isi peristiwa tidak cocok dengan hash-nya / content does not match its hash';
  }
  return undefined;
}

/** Recomputes the hash chain of a stream's events (in stored order) and names the first broken link. */
export function verifyEvents(stream: string, events: RecordedEvent[]): StreamVerification {
  let previousHash = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const reason = linkFault(event, index, previousHash);
    if (reason) {
      return {
        stream,
        ok: false,
        events: events.length,
        broken: { revision: event.revision, eventId: event.id, position: event.position, reason },
      };
    }
    previousHash = storedHash(event)!;
  }
  const head = events[events.length - 1];
  return {
    stream,
    ok: true,
    events: events.length,
    headHash: previousHash,
    headRevision: head?.revision ?? -1n,
  };
}

export async function verifyStream(store: EventStore, stream: string): Promise<StreamVerification> {
  try {
    return verifyEvents(stream, await store.readStream(stream));
  } catch (error) {
    if (error instanceof StreamNotFoundError) return verifyEvents(stream, []);
    throw error;
  }
}

/**
 * Verifies every stream in one pass over `$all` (events of a stream appear
 * there in revision order), keeping only each stream's last hash in memory.
 */
export async function verifyAllStreams(
  store: EventStore,
  options: { streamPrefixes?: string[]; pageSize?: number } = {},
): Promise<StreamVerification[]> {
  const pageSize = options.pageSize ?? STORE_READ_PAGE_MAX;
  const filter = options.streamPrefixes ? { streamPrefixes: options.streamPrefixes } : undefined;
  const chains = new Map<
    string,
    { count: number; lastHash: string; lastRevision: bigint; broken?: BrokenLink }
  >();
  for await (const page of store.readAllPages({ pageSize, filter })) {
    for (const event of page) {
      const chain = chains.get(event.streamId) ?? {
        count: 0,
        lastHash: GENESIS_HASH,
        lastRevision: -1n,
      };
      chains.set(event.streamId, chain);
      if (!chain.broken) {
        const reason = linkFault(event, chain.count, chain.lastHash);
        if (reason)
          chain.broken = {
            revision: event.revision,
            eventId: event.id,
            position: event.position,
            reason,
          };
        else {
          chain.lastHash = storedHash(event)!;
          chain.lastRevision = event.revision;
        }
      }
      chain.count += 1;
    }
  }
  return [...chains.entries()].map(([stream, chain]): StreamVerification =>
    chain.broken
      ? { stream, ok: false, events: chain.count, broken: chain.broken }
      : {
          stream,
          ok: true,
          events: chain.count,
          headHash: chain.lastHash,
          headRevision: chain.lastRevision,
        },
  );
}
