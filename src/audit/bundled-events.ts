import { createMemoryStore } from '../eventstore/memory';
import type { EventStore, RecordedEvent } from '../eventstore/port';

/** Events from JSONL (one event a line, revisions and positions as text), as `eventLine` wrote them. */
export function parseEventLines(content: string): RecordedEvent[] {
  return content
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const raw = JSON.parse(line) as RecordedEvent & { revision: string; position: string };
      return { ...raw, revision: BigInt(raw.revision), position: BigInt(raw.position) };
    });
}

/**
 * The events in a fresh in-memory store, in their original `$all` order,
 * keeping ids, metadata (the hash chain with it) and recorded times, so that
 * replay and projections read them as they read the store they came from.
 */
export async function memoryStoreOf(events: readonly RecordedEvent[]): Promise<EventStore> {
  let recordedAt = new Date(0);
  const store = createMemoryStore(() => recordedAt);
  const ordered = [...events].sort((a, b) => (a.position < b.position ? -1 : 1));
  for (const { streamId, id, type, data, metadata, recordedAt: at } of ordered) {
    recordedAt = new Date(at);
    await store.append(streamId, [{ id, type, data, metadata }], 'any');
  }
  return store;
}
