import type { EventStore, RecordedEvent } from '../../src/eventstore/port';
import type { Projection } from './projection';

/**
 * The two clocks of a report (docs/architecture.md): `asOf` a business
 * date (inclusive) and `knownAt` a recorded instant (inclusive). Either may
 * be left out.
 */
export interface Clocks {
  asOf?: string;
  knownAt?: string;
}

/** The event's own business date: metadata.businessDate, else a `date` field in its data. */
export function businessDateOf(event: RecordedEvent): string | undefined {
  const stamped = event.metadata.businessDate;
  if (typeof stamped === 'string') return stamped;
  const date = event.data.date;
  return typeof date === 'string' ? date : undefined;
}

/**
 * A predicate over events in `$all` order. An event without a business date
 * (a drafted line, a planned activity) takes the date of the last dated event
 * of its stream before it: it cannot have happened earlier than that.
 */
export function clockFilter(clocks: Clocks): (event: RecordedEvent) => boolean {
  const knownAt = clocks.knownAt === undefined ? undefined : new Date(clocks.knownAt).toISOString();
  const lastDate = new Map<string, string>();
  return (event) => {
    if (knownAt !== undefined && event.recordedAt > knownAt) return false;
    const date = businessDateOf(event) ?? lastDate.get(event.streamId);
    if (date !== undefined) lastDate.set(event.streamId, date);
    return clocks.asOf === undefined || date === undefined || date <= clocks.asOf;
  };
}

/**
 * A projection's state as it stood at the given clocks: the store's events,
 * filtered, folded through the projection's own `apply` (the live engine's
 * code path), from its initial state.
 */
export async function projectAt<State>(
  store: EventStore,
  projection: Projection<State>,
  clocks: Clocks,
  pageSize = 4096,
): Promise<State> {
  const types = new Set(projection.eventTypes);
  const keep = clockFilter(clocks);
  let state = projection.initialState();
  for await (const page of store.readAllPages({ pageSize })) {
    for (const event of page) {
      if (keep(event) && types.has(event.type)) state = projection.apply(state, event);
    }
  }
  return state;
}
