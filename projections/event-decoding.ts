import { fromRecorded } from '../src/app/event-codec';
import { regencyEventSchemas, type RegencyEvent } from '../src/domain/regency/events';
import type { DomainEvent } from '../src/domain/shared/envelope';
import { villageEventSchemas, type VillageEvent } from '../src/domain/village/events';
import type { RecordedEvent } from '../src/eventstore/port';

/**
 * Decodes a stored event through the app's codec (schema check, upcasters).
 * The engine hands the same RecordedEvent to every projection, so each event
 * is decoded once however many projections read it.
 */
const decoded = new WeakMap<RecordedEvent, DomainEvent>();

function decode<E extends DomainEvent>(
  registry: Parameters<typeof fromRecorded>[0],
  recorded: RecordedEvent,
): E {
  const known = decoded.get(recorded);
  if (known) return known as E;
  const event = fromRecorded<E>(registry, recorded);
  decoded.set(recorded, event);
  return event;
}

export function decodeVillageEvent(recorded: RecordedEvent): VillageEvent {
  return decode<VillageEvent>(villageEventSchemas, recorded);
}

export function decodeRegencyEvent(recorded: RecordedEvent): RegencyEvent {
  return decode<RegencyEvent>(regencyEventSchemas, recorded);
}
