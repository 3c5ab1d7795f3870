import type { Projection } from '../../projections/engine/projection';
import { projectAt, type Clocks } from '../../projections/engine/two-clocks';
import type { ReadModelProjections } from '../../projections/read-models/read-models';
import type { EventStore } from '../eventstore/port';
import type { ReportParameters } from './parameters';
import type { RenderedReportCache } from './render/rendered-cache';

/** The live read models: the projection engine that follows the store (states by projection name). */
export interface ReadModels {
  state<State>(projection: Projection<State>): State;
  /** Resolves once the read models have seen `position`; rejects when `signal` aborts or too many wait. */
  waitForPosition(position: bigint, signal?: AbortSignal): Promise<void>;
}

export type ReadModelName = keyof ReadModelProjections;
type StateOf<P> = P extends Projection<infer State> ? State : never;
export type ReadModelState<Name extends ReadModelName> = StateOf<ReadModelProjections[Name]>;

/** A report's view of the read models it declared; live reads share the rendered-report cache. */
export interface ReportReader {
  <Name extends ReadModelName>(name: Name): Promise<ReadModelState<Name>>;
  cache?: RenderedReportCache;
}

/** The two clocks a report is asked at; neither means the live read models. */
export function clocksOf(params: ReportParameters): Clocks {
  return {
    ...(params.asOf ? { asOf: params.asOf } : {}),
    ...(params.knownAt ? { knownAt: params.knownAt } : {}),
  };
}

export interface ReaderSources {
  models: ReadModels;
  projections: ReadModelProjections;
  store: EventStore;
  cache: RenderedReportCache;
}

/**
 * Live state, or the state at the two clocks folded from the store. A report
 * reads only the read models its catalogue entry names.
 */
export function reportReader(
  sources: ReaderSources,
  clocks: Clocks,
  declared: readonly ReadModelName[],
): ReportReader {
  const live = clocks.asOf === undefined && clocks.knownAt === undefined;
  const read = <Name extends ReadModelName>(name: Name): Promise<ReadModelState<Name>> => {
    if (!declared.includes(name))
      throw new Error(`report reads ${name}, which its catalogue entry does not name`);
    const projection = sources.projections[name] as Projection<ReadModelState<Name>>;
    return live
      ? Promise.resolve(sources.models.state(projection))
      : projectAt(sources.store, projection, clocks);
  };
  return Object.assign(read, { cache: live ? sources.cache : undefined });
}
