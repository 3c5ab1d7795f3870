import { villageStreamId } from '../../src/domain/village/decider';
import type { RecordedEvent } from '../../src/eventstore/port';
import { decodeVillageEvent } from '../folds/event-decoding';
import type { JournalEntry } from '../folds/journal';
import { LEDGER_EVENT_TYPES, serializeLedgerFold } from '../folds/ledger-fold';
import type { Projection, SavedHistory } from '../engine/projection';
import {
  emptyStreamStates,
  serializeStreams,
  takeChangedStreams,
  updateStream,
  type StreamStates,
} from '../engine/stream-states';
import { keptEvents } from '../folds/unfolded-events';
import { VillageBooks, type UnfoldedEventsOf, type VillageView } from '../folds/village-books';

/**
 * One village fiscal year as the books and realisation reports read it: the
 * year (summary kept current, whole fold on demand) and the journal of its
 * money events in recorded order.
 */
export interface VillageLedger {
  fold: VillageView;
  journal: ReadonlyMap<string, JournalEntry>;
}

export type VillageLedgerState = StreamStates<VillageBooks>;

/** The books after one recorded event of their stream (opened by the first that opens the year). */
function addRecorded(
  books: VillageBooks | undefined,
  recorded: RecordedEvent,
  unfoldedOf: UnfoldedEventsOf,
) {
  const event = decodeVillageEvent(recorded);
  if (!books) return VillageBooks.open(recorded.streamId, event, recorded.revision, unfoldedOf);
  books.add(event, recorded.revision);
  return books;
}

const ledgerTypes = new Set<string>(LEDGER_EVENT_TYPES);

/** What is saved of a village's books: the stream revision of the last event they had added. */
interface SavedBooks {
  lastRevision: string;
}

/** The books read back: each saved village's stream through its saved revision, folded again. */
async function replayedBooks(
  saved: Iterable<[string, unknown]>,
  history: SavedHistory,
  unfoldedOf: UnfoldedEventsOf,
): Promise<VillageLedgerState> {
  const through = new Map(
    [...saved].map(([streamId, data]) => [streamId, BigInt((data as SavedBooks).lastRevision)]),
  );
  const state = emptyStreamStates<VillageBooks>();
  for await (const page of history)
    for (const recorded of page) {
      const last = through.get(recorded.streamId);
      if (last === undefined || recorded.revision > last || !ledgerTypes.has(recorded.type))
        continue;
      state.streams.set(
        recorded.streamId,
        addRecorded(state.streams.get(recorded.streamId), recorded, unfoldedOf),
      );
    }
  return state;
}

/**
 * The ledger read model. Its books fold on first read the events they have
 * not folded yet, kept in memory unless `unfoldedOf` reads them back from
 * the store (the embedded store, read-model-runtime.ts).
 */
export function villageLedgerProjection(
  unfoldedOf: UnfoldedEventsOf = keptEvents,
): Projection<VillageLedgerState> {
  return {
    name: 'village-ledger',
    version: 3,
    eventTypes: LEDGER_EVENT_TYPES,
    initialState: emptyStreamStates,
    apply: (state, recorded) =>
      updateStream(state, recorded.streamId, (books) => addRecorded(books, recorded, unfoldedOf)),
    // The books fold their money events when first read; a rebuild folds them all now.
    verify: (state) => {
      for (const books of state.streams.values()) books.whole();
    },
    // The read model as JSON: the domain fold and the journal, as reports read them.
    serialize: (state) =>
      serializeStreams(state, (books) => ({
        fold: serializeLedgerFold(books.whole()),
        journal: [...books.journal().values()],
      })),
    // Saved as where each village's stream was: its events are the store's, immutable, not copied.
    parts: {
      takeChanged: (state) =>
        takeChangedStreams(state, (books): SavedBooks => ({
          lastRevision: books.lastStreamRevision.toString(),
        })),
      fromParts: (saved, history) => replayedBooks(saved, history, unfoldedOf),
    },
  };
}

export function villageLedger(
  state: VillageLedgerState,
  villageCode: string,
  fiscalYear: number,
): VillageLedger | undefined {
  const books = state.streams.get(villageStreamId(villageCode, fiscalYear));
  return (
    books && {
      fold: books,
      get journal() {
        return books.journal();
      },
    }
  );
}
