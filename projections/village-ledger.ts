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
 * recorded order. The projection owns both and updates them in place.
 */
export interface VillageLedger {
  fold: VillageState;
  journal: Map<string, JournalEntry>;
}

export type VillageLedgerState = StreamStates<VillageLedger>;

/** Adds the event's journal entry, if it is one (a reversal repeats the entry it corrects). */
function record(
  journal: Map<string, JournalEntry>,
  before: VillageState,
  after: VillageState,
  event: VillageEvent,
): void {
  if (event.type === 'EntryReversed') {
    const original = journal.get(event.data.entryId);
    const booked = before.books.entries.get(event.data.entryId);
    if (original && booked)
      journal.set(event.data.reversalId, reversalEntry(original, event.data, booked.movements));
    return;
  }
  const entry = journalEntryOf(
    event,
    (sppId) => after.paymentRequests.get(sppId)?.request.activityId ?? null,
  );
  if (entry) journal.set(entry.entryId, entry);
}

export function villageLedgerProjection(): Projection<VillageLedgerState> {
  const apply = (state: VillageLedgerState, recorded: RecordedEvent) => {
    const event = decodeVillageEvent(recorded);
    return updateStream(state, recorded.streamId, (ledger) => {
      const before = ledger?.fold ?? emptyLedgerFold();
      const fold = foldLedger(before, event);
      if (!fold.fiscalYear) return ledger;
      const next = ledger ?? { fold, journal: new Map<string, JournalEntry>() };
      next.fold = fold;
      record(next.journal, before, fold, event);
      return next;
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
        journal: new Map(ledger.journal.map((entry) => [entry.entryId, entry])),
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
