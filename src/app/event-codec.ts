import type { EventData, RecordedEvent } from '../eventstore/port';
import { eventMetadataSchema, type DomainEvent } from '../domain/shared/envelope';
import type { EventSpec } from '../domain/shared/schema-types';

/** A stored event this code cannot read: unknown type, unsupported version or invalid content. */
export class UnreadableEventError extends Error {
  override readonly name = 'UnreadableEventError';
  constructor(event: RecordedEvent, reason: string) {
    super(
      `Peristiwa tidak terbaca / unreadable event ${event.streamId}@${event.revision} (${event.type}): ${reason}`,
    );
  }
}

export function toEventData(event: DomainEvent, id: string): EventData {
  return {
    id,
    type: event.type,
    data: event.data as EventData['data'],
    metadata: { ...event.metadata },
  };
}

/**
 * Validates a stored event against its type's schema. Store-owned metadata
 * (the hash chain) is dropped; upcasters for older versions belong here.
 */
export function fromRecorded<E extends DomainEvent>(
  registry: Record<string, EventSpec>,
  recorded: RecordedEvent,
): E {
  const spec = Object.hasOwn(registry, recorded.type) ? registry[recorded.type] : undefined;
  if (!spec) throw new UnreadableEventError(recorded, 'unknown event type');
  const metadata = eventMetadataSchema.safeParse(recorded.metadata);
  if (!metadata.success)
    throw new UnreadableEventError(recorded, `metadata: ${metadata.error.message}`);
  if (metadata.data.schemaVersion !== spec.version) {
    throw new UnreadableEventError(
      recorded,
      `no upcaster from schema version ${metadata.data.schemaVersion}`,
    );
  }
  const data = spec.data.safeParse(recorded.data);
  if (!data.success) throw new UnreadableEventError(recorded, `data: ${data.error.message}`);
  return { type: recorded.type, data: data.data, metadata: metadata.data } as E;
}
