import type { RecordedEvent } from '../../src/eventstore/port';

/** What every projection has; see Projection. */
interface ProjectionBase<State> {
  name: string;
  version: number;
  /** The event types `apply` reads; the runner reads only these. */
  eventTypes: string[];
  initialState(): State;
  apply(state: State, event: RecordedEvent): State;
  /** To JSON-safe data (e.g. Decimal → string): what is saved, unless saved in parts, and what a test compares. */
  serialize(state: State): unknown;
  /**
   * Folds whatever `apply` deferred, throwing what it meets (an impossible
   * event, placed at its stream and revision): a rebuild calls it, so that a
   * broken stream fails the rebuild rather than the first report that reads it.
   */
  verify?(state: State): void;
}

/**
 * A read model built from events. `apply` is pure: no clock, no I/O, no other
 * projection's state. Bump `version` whenever `apply` or the saved shape
 * changes: the runner then rebuilds the projection from the first event. The
 * state is saved whole (`deserialize` reads back what `serialize` gave) or in
 * `parts`, one per stream, only the changed ones written each time.
 */
export type Projection<State> = ProjectionBase<State> &
  (
    | { deserialize(data: unknown): State; parts?: undefined }
    | { parts: StateParts<State>; deserialize?: undefined }
  );

/** The store's events from the first through a projection's saved checkpoint, page by page. */
export type SavedHistory = AsyncIterable<readonly RecordedEvent[]>;

/** A state saved in parts: a village's books are written again only when the village moved. */
export interface StateParts<State> {
  /** The parts changed since the last call, as JSON-safe data (undefined: the part is gone); forgets them. */
  takeChanged(state: State): [string, unknown][];
  /** The state from its parts; a part may name events of the (immutable) store rather than copy them. */
  fromParts(parts: Iterable<[string, unknown]>, history: SavedHistory): Promise<State>;
}

/** For projections whose state is plain JSON already. */
export const jsonState = {
  serialize: <State>(state: State): unknown => state,
  deserialize: <State>(data: unknown): State => data as State,
};
