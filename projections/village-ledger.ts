import { villageStreamId } from '../src/domain/village/decider';
import type { RecordedEvent } from '../src/eventstore/port';
import { decodeVillageEvent } from './event-decoding';
import type { JournalEntry } from './journal';
import { LEDGER_EVENT_TYPES, serializeLedgerFold } from './ledger-fold';
import type { Projection } from './projection';
import {
  emptyStreamStates,
  serializeStreams,
  streamParts,
  updateStream,
  type StreamStates,
} from './stream-states';
import { VillageBooks, type LedgerEvent, type VillageView } from './village-books';

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

export function villageLedgerProjection(): Projection<VillageLedgerState> {
  const apply = (state: VillageLedgerState, recorded: RecordedEvent) => {
    const decoded = decodeVillageEvent(recorded);
    // Only type and data: the metadata of a million events is not kept.
    const event = { type: decoded.type, data: decoded.data } as LedgerEvent;
    return updateStream(state, recorded.streamId, (books) => {
      if (!books) return VillageBooks.open(event);
      books.add(event);
      return books;
    });
  };
  return {
    name: 'village-ledger',
    version: 2,
    eventTypes: LEDGER_EVENT_TYPES,
    initialState: emptyStreamStates,
    apply,
    // The read model as JSON: the domain fold and the journal, as reports read them.
    serialize: (state) =>
      serializeStreams(state, (books) => ({
        fold: serializeLedgerFold(books.whole()),
        journal: [...books.journal().values()],
      })),
    // Saved as each village's events: the rest is derived from them.
    parts: streamParts(
      (books: VillageBooks) => ({ events: books.saved() }),
      (saved: { events: LedgerEvent[] }) => VillageBooks.fromEvents(saved.events)!,
    ),
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
