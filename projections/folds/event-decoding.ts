import { eventUpcasters } from '../../src/eventstore/codec/upcasters';
import { fromRecorded } from '../../src/eventstore/codec/event-codec';
import { projectEventSchemas, type ProjectEvent } from '../../src/domain/projects/project-events';
import { regencyEventSchemas, type RegencyEvent } from '../../src/domain/regency/events';
import type { DomainEvent } from '../../src/domain/shared/envelope';
import { villageEventSchemas, type VillageEvent } from '../../src/domain/village/events';
import type { RecordedEvent } from '../../src/eventstore/port';
import { VILLAGE_FOLD_EVENT_TYPES } from './village-fold';

/**
 * Decodes a stored event through the app's codec. Money events skip the
 * schema check (projections read the hash-chained store, whose events this
 * code wrote; upcast events are still checked): they are the bulk of a year
 * and read models take their fields one by one. Plan and budget events are
 * checked, so their lines keep the schema's field order in the documents
 * that copy them whole. The engine hands each RecordedEvent to every
 * projection in turn, so remembering the last one decodes it once.
 */
const copiedWhole = new Set<string>(VILLAGE_FOLD_EVENT_TYPES);
let lastRecorded: RecordedEvent | undefined;
let lastEvent: DomainEvent | undefined;

function decode<E extends DomainEvent>(
  registry: Parameters<typeof fromRecorded>[0],
  recorded: RecordedEvent,
): E {
  if (lastRecorded === recorded) return lastEvent as E;
  const event = fromRecorded<E>(registry, recorded, eventUpcasters, {
    validate: copiedWhole.has(recorded.type),
  });
  lastRecorded = recorded;
  lastEvent = event;
  return event;
}

export function decodeVillageEvent(recorded: RecordedEvent): VillageEvent {
  return decode<VillageEvent>(villageEventSchemas, recorded);
}

export function decodeRegencyEvent(recorded: RecordedEvent): RegencyEvent {
  return decode<RegencyEvent>(regencyEventSchemas, recorded);
}

export function decodeProjectEvent(recorded: RecordedEvent): ProjectEvent {
  return decode<ProjectEvent>(projectEventSchemas, recorded);
}
