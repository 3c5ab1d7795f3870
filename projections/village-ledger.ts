import { PersistentMap } from '../src/domain/shared/persistent-map';
import { villageStreamId } from '../src/domain/village/decider';
import type { VillageEvent } from '../src/domain/village/events';
import type { VillageState } from '../src/domain/village/state';
import type { RecordedEvent } from '../src/eventstore/port';
import { decodeVillageEvent } from './event-decoding';
import { journalEntryOf, reversalEntry, type JournalEntry } from './journal';
import {
  deserializeLedgerFold,
  emptyLedgerFold,
  foldLedger,
  LEDGER_EVENT_TYPES,
  serializeLedgerFold,
  type LedgerFoldData,
} from './ledger-fold';
import type { Projection } from './projection';
import {
  deserializeStreams,
  emptyStreamStates,
  serializeStreams,
  updateStream,
  type StreamStates,
} from './stream-states';

/**
 * One village fiscal year as the books and realisation reports read it: the
 * domain's fold of the whole stream and the journal of its money events in
 * recorded order.
 */
export interface VillageLedger {
  fold: VillageState;
  journal: PersistentMap<JournalEntry>;
}

export type VillageLedgerState = StreamStates<VillageLedger>;

function withJournal(
  journal: PersistentMap<JournalEntry>,
  before: VillageState,
  after: VillageState,
  event: VillageEvent,
): PersistentMap<JournalEntry> {
  if (event.type === 'EntryReversed') {
    const original = journal.get(event.data.entryId);
    const booked = before.books.entries.get(event.data.entryId);
    if (!original || !booked) return journal;
    return journal.set(
      event.data.reversalId,
      reversalEntry(original, event.data, booked.movements),
    );
  }
  const entry = journalEntryOf(
    event,
    (sppId) => after.paymentRequests.get(sppId)?.request.activityId ?? null,
  );
  return entry ? journal.set(entry.entryId, entry) : journal;
}

export function villageLedgerProjection(): Projection<VillageLedgerState> {
  const apply = (state: VillageLedgerState, recorded: RecordedEvent) => {
    const event = decodeVillageEvent(recorded);
    return updateStream(state, recorded.streamId, (ledger) => {
      const before = ledger?.fold ?? emptyLedgerFold();
      const fold = foldLedger(before, event);
      if (!fold.fiscalYear) return ledger;
      const journal = withJournal(ledger?.journal ?? PersistentMap.empty(), before, fold, event);
      return { fold, journal };
    });
  };
  return {
    name: 'village-ledger',
    version: 1,
    eventTypes: LEDGER_EVENT_TYPES,
    initialState: emptyStreamStates,
    apply,
    serialize: (state) =>
      serializeStreams(state, (ledger) => ({
        fold: serializeLedgerFold(ledger.fold),
        journal: [...ledger.journal.values()],
      })),
    deserialize: (data) =>
      deserializeStreams(data, (ledger: { fold: LedgerFoldData; journal: JournalEntry[] }) => ({
        fold: deserializeLedgerFold(ledger.fold),
        journal: PersistentMap.from(ledger.journal.map((entry) => [entry.entryId, entry])),
      })),
  };
}

export function villageLedger(
  state: VillageLedgerState,
  villageCode: string,
  fiscalYear: number,
): VillageLedger | undefined {
  return state.streams.get(villageStreamId(villageCode, fiscalYear));
}
