import type { VillageEvent } from '../src/domain/village/events';
import type { VillageState } from '../src/domain/village/state';
import { journalEntryOf, reversalEntry, type JournalEntry } from './journal';
import { emptyLedgerFold, foldLedger } from './ledger-fold';
import { emptySummary, summarise, type LedgerSummary } from './ledger-summary';

/** A village event as the ledger keeps it: evolvers and the journal read only type and data. */
export type LedgerEvent = Pick<VillageEvent, 'type' | 'data'>;

/** One village fiscal year as the reports read it. */
export interface VillageView extends LedgerSummary {
  /** Counts the year's events: what a report built from this view is kept by. */
  readonly revision: number;
  /** The domain's fold of the whole year (entries, SPPs, …), folded on first use. */
  whole(): VillageState;
}

/**
 * One village fiscal year in the ledger projection: its events in stream
 * order (what is saved), the summary the regency reports read, kept current
 * per event, and the whole domain fold with the journal of its money
 * events, folded on demand from the events not folded yet. A rebuild thus
 * costs a posting per entry; a village's books are folded when first read.
 */
export class VillageBooks implements VillageView {
  private readonly events: LedgerEvent[] = [];
  private readonly summary = emptySummary();
  private folded = 0;
  private state = emptyLedgerFold();
  private readonly entries = new Map<string, JournalEntry>();

  private constructor() {}

  /** A year's books from its first event; undefined when the event does not open the year (it is dropped). */
  static open(event: LedgerEvent): VillageBooks | undefined {
    if (!foldLedger(emptyLedgerFold(), event as VillageEvent).fiscalYear) return undefined;
    const books = new VillageBooks();
    books.add(event);
    return books;
  }

  static fromEvents(events: readonly LedgerEvent[]): VillageBooks | undefined {
    const [first, ...rest] = events;
    const books = first && VillageBooks.open(first);
    for (const event of rest) books?.add(event);
    return books;
  }

  add(event: LedgerEvent): void {
    summarise(this.summary, event as VillageEvent, (entryId) =>
      this.whole().books.entries.get(entryId),
    );
    this.events.push(event);
  }

  /** The events so far in stream order, as saved (a copy: the ledger keeps adding to its own). */
  saved(): LedgerEvent[] {
    return this.events.slice();
  }

  whole(): VillageState {
    this.catchUp();
    return this.state;
  }

  /** The journal of money events in recorded order. */
  journal(): ReadonlyMap<string, JournalEntry> {
    this.catchUp();
    return this.entries;
  }

  get revision() {
    return this.events.length;
  }
  get fiscalYear() {
    return this.summary.state.fiscalYear;
  }
  get planning() {
    return this.summary.state.planning;
  }
  get budget() {
    return this.summary.state.budget;
  }
  get closing() {
    return this.summary.state.closing;
  }
  get books() {
    return { balances: this.summary.balances };
  }
  get receipts() {
    return this.summary.receipts;
  }

  private catchUp(): void {
    for (; this.folded < this.events.length; this.folded += 1) {
      const event = this.events[this.folded] as VillageEvent;
      const before = this.state;
      this.state = foldLedger(before, event);
      record(this.entries, before, this.state, event);
    }
  }
}

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
