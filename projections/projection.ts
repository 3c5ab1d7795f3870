import type { RecordedEvent } from '../src/eventstore/port';

/**
 * A read model built from events. `apply` is pure: no clock, no I/O, no other
 * projection's state. Bump `version` whenever `apply` or the state's shape
 * changes: the runner then rebuilds the projection from the first event.
 */
export interface Projection<State> {
  name: string;
  version: number;
  /** The event types `apply` reads; the runner reads only these. */
  eventTypes: string[];
  initialState(): State;
  apply(state: State, event: RecordedEvent): State;
  /** To JSON-safe data for the checkpoint table (e.g. Decimal → string). */
  serialize(state: State): unknown;
  deserialize(data: unknown): State;
}

/** For projections whose state is plain JSON already. */
export const jsonState = {
  serialize: <State>(state: State): unknown => state,
  deserialize: <State>(data: unknown): State => data as State,
};
