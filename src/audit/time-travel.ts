import { placedAt } from '../domain/shared/impossible-event';
import { z } from 'zod';
import { clockFilter, type Clocks } from '../../projections/engine/two-clocks';
import { fromRecorded } from '../eventstore/codec/event-codec';
import type { Decider } from '../domain/shared/decider';
import type { DomainEvent } from '../domain/shared/envelope';
import type { Tracked } from '../domain/shared/idempotency';
import type { EventSpec } from '../domain/shared/schema-types';
import { villageDecider, villageStreamId } from '../domain/village/decider';
import { villageEventSchemas, type VillageEvent } from '../domain/village/events';
import type { VillageState } from '../domain/village/state';
import { StreamNotFoundError } from '../eventstore/errors';
import type { EventStore, RecordedEvent } from '../eventstore/port';

/** The two clocks as a caller gives them (HTTP query, CLI options): a business date, a recorded instant. */
export const clocksSchema = z.strictObject({
  asOf: z.iso.date().optional(),
  knownAt: z.iso.datetime({ offset: true }).optional(),
});

/** A stream's domain state rebuilt from its events as they stood at the given clocks. */
export interface Replayed<S> {
  streamId: string;
  clocks: Clocks;
  state: S;
  /** The last event folded in, or undefined when none was. */
  revision: bigint | undefined;
  eventsApplied: number;
  /** Events of the stream left out because they came later on either clock. */
  eventsLeftOut: number;
}

/** One stream's events, an unknown stream being empty. */
export async function streamEvents(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  return store
    .readStream(streamId)
    .catch((error: unknown) => (error instanceof StreamNotFoundError ? [] : Promise.reject(error)));
}

/**
 * Folds a stream's events through the domain's own evolve, keeping only those
 * dated on or before `asOf` and recorded on or before `knownAt` (the filter
 * report projections use, so a state and a report at the same clocks agree).
 */
export function replayEvents<S, E extends DomainEvent>(
  decider: Pick<Decider<never, Tracked<S>, E, never>, 'initialState' | 'evolve'>,
  registry: Record<string, EventSpec>,
  streamId: string,
  events: readonly RecordedEvent[],
  clocks: Clocks,
): Replayed<S> {
  const keep = clockFilter(clocks);
  const kept = events.filter(keep);
  const folded = kept.reduce((state, recorded) => {
    try {
      return decider.evolve(state, fromRecorded<E>(registry, recorded));
    } catch (error) {
      throw placedAt(error, recorded);
    }
  }, decider.initialState);
  return {
    streamId,
    clocks,
    state: folded.domain,
    revision: kept.at(-1)?.revision,
    eventsApplied: kept.length,
    eventsLeftOut: events.length - kept.length,
  };
}

/** A village fiscal year's domain state as of a business date and as known at a recorded time. */
export async function villageStateAt(
  store: EventStore,
  villageCode: string,
  fiscalYear: number,
  clocks: Clocks = {},
): Promise<Replayed<VillageState>> {
  const streamId = villageStreamId(villageCode, fiscalYear);
  return replayEvents<VillageState, VillageEvent>(
    villageDecider,
    villageEventSchemas,
    streamId,
    await streamEvents(store, streamId),
    clocks,
  );
}
