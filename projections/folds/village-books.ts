import { placedAt } from '../../src/domain/shared/impossible-event';
import type { VillageEvent } from '../../src/domain/village/events';
import type { VillageState } from '../../src/domain/village/state';
import { journalEntryOf, reversalEntry, type JournalEntry } from './journal';
import { emptyLedgerFold, foldLedger } from './ledger-fold';
import { emptySummary, summarise, type LedgerSummary } from './ledger-summary';
import { beforeYearOpened } from './village-fold';

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
 * order, the summary the regency reports read, kept current per event, and
 * the whole domain fold with the journal of its money events, folded on
 * demand from the events not folded yet. A rebuild thus costs a posting per
 * entry; a village's books are folded when first read. What is saved is the
 * stream revision of the last event: the store keeps the events themselves.
 */
export class VillageBooks implements VillageView {
  // Side by side, not an object per event: a million objects fewer for the collector.
  private readonly types: LedgerEvent['type'][] = [];
  private readonly data: LedgerEvent['data'][] = [];
  /** Stream revision of each event, to name the one a deferred fold cannot take. */
  private readonly revisions: number[] = [];
  private readonly summary = emptySummary();
  private folded = 0;
  private state = emptyLedgerFold();
  private readonly entries = new Map<string, JournalEntry>();

  private constructor(readonly streamId: string) {}

  /** A year's books from its first event, which must open the year. */
  static open(streamId: string, event: LedgerEvent, streamRevision: bigint): VillageBooks {
    if (!foldLedger(emptyLedgerFold(), event as VillageEvent).fiscalYear)
      throw beforeYearOpened(event.type);
    const books = new VillageBooks(streamId);
    books.add(event, streamRevision);
    return books;
  }

  add(event: LedgerEvent, streamRevision: bigint): void {
    summarise(this.summary, event as VillageEvent, (entryId) =>
      this.whole().books.entries.get(entryId),
    );
    this.types.push(event.type);
    this.data.push(event.data);
    this.revisions.push(Number(streamRevision));
  }

  /** The stream revision of the last event added. */
  get lastStreamRevision(): bigint {
    return BigInt(this.revisions.at(-1) ?? -1);
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
    return this.types.length;
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
    for (; this.folded < this.types.length; this.folded += 1) {
      const event = { type: this.types[this.folded], data: this.data[this.folded] } as VillageEvent;
      const before = this.state;
      try {
        this.state = foldLedger(before, event);
      } catch (error) {
        throw placedAt(error, {
          streamId: this.streamId,
          revision: BigInt(this.revisions[this.folded]!),
        });
      }
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
