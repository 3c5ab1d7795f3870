import type { ReferenceData } from '../../src/domain/reference/reference-data';
import { villageStreamId } from '../../src/domain/village/decider';
import type { VillageEvent } from '../../src/domain/village/events';
import type { RecordedEvent } from '../../src/eventstore/port';
import { decodeVillageEvent } from '../folds/event-decoding';
import type { Projection } from '../engine/projection';
import {
  referenceForVillage,
  villageIdentity,
  type ReferenceLookup,
  type VillageIdentity,
} from '../folds/reference-lookup';
import {
  deserializeStreams,
  emptyStreamStates,
  serializeStreams,
  updateStream,
  type StreamStates,
} from '../engine/stream-states';
import {
  beforeYearOpened,
  deserializeVillageFold,
  emptyVillageFold,
  foldVillage,
  serializeVillageFold,
  VILLAGE_FOLD_EVENT_TYPES,
  type VillageFold,
  type VillageFoldData,
} from '../folds/village-fold';

export interface VillageEntry<Model> {
  fold: VillageFold;
  model: Model;
}

export type VillageStreamState<Model> = StreamStates<VillageEntry<Model>>;

/** What a per-village read model adds to the shared fold: its own plain-JSON model. */
export interface VillageReadModel<Model> {
  name: string;
  version: number;
  initial(identity: VillageIdentity): Model;
  /** Village events the model reads beyond those that change the fold (which leaves them be). */
  extraEventTypes?: VillageEvent['type'][];
  /** Called after the fold took `event`; returns the model unchanged when the event does not concern it. */
  react(model: Model, event: VillageEvent, fold: VillageFold, reference: ReferenceData): Model;
}

/**
 * A projection over village fiscal-year streams: the domain fold of plan and
 * budget per stream, plus the read model built from it.
 */
export function villageStreamProjection<Model>(
  spec: VillageReadModel<Model>,
  lookup: ReferenceLookup,
): Projection<VillageStreamState<Model>> {
  const apply = (state: VillageStreamState<Model>, recorded: RecordedEvent) => {
    const event = decodeVillageEvent(recorded);
    return updateStream(state, recorded.streamId, (entry) => {
      const fold = foldVillage(entry?.fold ?? emptyVillageFold(), event);
      const opened = fold.fiscalYear;
      if (!opened) throw beforeYearOpened(event.type);
      const reference = referenceForVillage(lookup, opened.villageCode, opened.fiscalYear);
      const model =
        entry?.model ??
        spec.initial(villageIdentity(reference, opened.villageCode, opened.fiscalYear));
      return { fold, model: spec.react(model, event, fold, reference) };
    });
  };
  return {
    name: spec.name,
    version: spec.version,
    eventTypes: [...VILLAGE_FOLD_EVENT_TYPES, ...(spec.extraEventTypes ?? [])],
    initialState: emptyStreamStates,
    apply,
    serialize: (state) =>
      serializeStreams(state, (entry) => ({
        fold: serializeVillageFold(entry.fold),
        model: entry.model,
      })),
    deserialize: (data) =>
      deserializeStreams(data, (entry: { fold: VillageFoldData; model: Model }) => ({
        fold: deserializeVillageFold(entry.fold),
        model: entry.model,
      })),
  };
}

/** The models of every village stream, in the order the streams were first seen. */
export function villageModels<Model>(state: VillageStreamState<Model>): Model[] {
  return [...state.streams.values()].map((entry) => entry.model);
}

/** One village's model for a fiscal year, if its stream has been seen. */
export function villageModel<Model>(
  state: VillageStreamState<Model>,
  villageCode: string,
  fiscalYear: number,
): Model | undefined {
  return state.streams.get(villageStreamId(villageCode, fiscalYear))?.model;
}
