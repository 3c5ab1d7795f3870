import { eventUpcasters, MissingUpcasterError, type UpcasterRegistry } from './upcasters';
import type { EventData, RecordedEvent } from '../port';
import {
  eventMetadataSchema,
  type DomainEvent,
  type EventMetadata,
} from '../../domain/shared/envelope';
import type { EventSpec } from '../../domain/shared/schema-types';

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

export interface DecodeOptions {
  /**
   * false: trust the content of an event already at its type's current
   * version (read back through the hash-chained store, so written by this
   * code and untampered) and skip the schema check; upcast events are still
   * checked. Projections rebuild from millions of events this way.
   */
  validate?: boolean;
}

/**
 * Validates a stored event against its type's schema, after bringing an older
 * version up to the current one through the upcasters. Store-owned metadata
 * (the hash chain) is dropped. The one decoding path: command handling,
 * projections, replay and evidence verification all read events here.
 */
export function fromRecorded<E extends DomainEvent>(
  registry: Record<string, EventSpec>,
  recorded: RecordedEvent,
  upcasters: UpcasterRegistry = eventUpcasters,
  options: DecodeOptions = {},
): E {
  const spec = Object.hasOwn(registry, recorded.type) ? registry[recorded.type] : undefined;
  if (!spec) throw new UnreadableEventError(recorded, 'unknown event type');
  if (options.validate === false && isCurrent(recorded, spec)) return trusted<E>(recorded);
  const metadata = eventMetadataSchema.safeParse(recorded.metadata);
  if (!metadata.success)
    throw new UnreadableEventError(recorded, `metadata: ${metadata.error.message}`);
  const data = spec.data.safeParse(
    upcastData(recorded, metadata.data.schemaVersion, spec, upcasters),
  );
  if (!data.success) throw new UnreadableEventError(recorded, `data: ${data.error.message}`);
  return {
    type: recorded.type,
    data: data.data,
    metadata: { ...metadata.data, schemaVersion: spec.version },
  } as E;
}

const isCurrent = (recorded: RecordedEvent, spec: EventSpec) =>
  recorded.metadata.schemaVersion === spec.version &&
  typeof recorded.metadata.actor === 'object' &&
  recorded.metadata.actor !== null;

/** The event as stored, with only the envelope's own metadata keys (as the schema would keep). */
function trusted<E extends DomainEvent>(recorded: RecordedEvent): E {
  const { schemaVersion, commandId, commandFingerprint, actor, businessDate, lineage } =
    recorded.metadata as unknown as EventMetadata;
  const { id, role, displayName } = actor;
  return {
    type: recorded.type,
    data: recorded.data,
    metadata: {
      schemaVersion,
      commandId,
      commandFingerprint,
      actor: { id, role, displayName },
      ...(businessDate === undefined ? {} : { businessDate }),
      ...(lineage === undefined ? {} : { lineage }),
    },
  } as E;
}

function upcastData(
  recorded: RecordedEvent,
  storedVersion: number,
  spec: EventSpec,
  upcasters: UpcasterRegistry,
): unknown {
  if (storedVersion > spec.version)
    throw new UnreadableEventError(
      recorded,
      `schema version ${storedVersion} is newer than this code's ${spec.version}`,
    );
  try {
    return upcasters.upcast(recorded.type, storedVersion, spec.version, recorded.data);
  } catch (error) {
    if (error instanceof MissingUpcasterError)
      throw new UnreadableEventError(recorded, error.message);
    throw error;
  }
}
