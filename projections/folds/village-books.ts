import { placedAt } from '../../src/domain/shared/impossible-event';
import type { VillageEvent } from '../../src/domain/village/events';
import type { VillageState } from '../../src/domain/village/state';
import { journalEntryOf, reversalEntry, type JournalEntry } from './journal';
import { emptyLedgerFold, foldLedger } from './ledger-fold';
import { emptySummary, summarise, type LedgerSummary } from './ledger-summary';
import { keptEvents } from './unfolded-events';
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

/** An event added to the books, with its stream revision (to name it when a deferred fold cannot take it). */
export interface UnfoldedEvent {
  event: LedgerEvent;
  revision: bigint;
}

/**
 * Where a village's books find the events added but not folded yet: kept in
 * memory, or read back from the store when it can be read synchronously
 * (unfolded-events.ts), so that a rebuild keeps no event of its own.
 */
export interface UnfoldedEvents {
  /** Keeps the event, unless it can be read back. */
  add(event: LedgerEvent, revision: bigint): void;
  /** The added events after revision `after` through `through`, in stream order. */
  between(after: bigint, through: bigint): Iterable<UnfoldedEvent>;
  /** The events through `revision` are folded: not asked for again. */
  folded(revision: bigint): void;
}

/** The unfolded events of one stream's books. */
export type UnfoldedEventsOf = (streamId: string) => UnfoldedEvents;

/**
 * One village fiscal year in the ledger projection: the summary the regency
 * reports read, kept current per event, and the whole domain fold with the
 * journal of its money events, folded on demand from the events not folded
 * yet. A rebuild thus costs a posting per entry; a village's books are
 * folded when first read. What is saved is the stream revision of the last
 * event: the store keeps the events themselves.
 */
export class VillageBooks implements VillageView {
  private count = 0;
  private lastRevision = -1n;
  private foldedThrough = -1n;
  private readonly summary = emptySummary();
  private state = emptyLedgerFold();
  private readonly entries = new Map<string, JournalEntry>();

  private constructor(
    readonly streamId: string,
    private readonly unfolded: UnfoldedEvents,
  ) {}

  /** A year's books from its first event, which must open the year. */
  static open(
    streamId: string,
    event: LedgerEvent,
    streamRevision: bigint,
    unfoldedOf: UnfoldedEventsOf = keptEvents,
  ): VillageBooks {
    if (!foldLedger(emptyLedgerFold(), event as VillageEvent).fiscalYear)
      throw beforeYearOpened(event.type);
    const books = new VillageBooks(streamId, unfoldedOf(streamId));
    books.add(event, streamRevision);
    return books;
  }

  add(event: LedgerEvent, streamRevision: bigint): void {
    summarise(this.summary, event as VillageEvent, (entryId) =>
      this.whole().books.entries.get(entryId),
    );
    this.unfolded.add(event, streamRevision);
    this.lastRevision = streamRevision;
    this.count += 1;
  }

  /** The stream revision of the last event added. */
  get lastStreamRevision(): bigint {
    return this.lastRevision;
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
    return this.count;
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
    if (this.foldedThrough === this.lastRevision) return;
    for (const { event, revision } of this.unfolded.between(
      this.foldedThrough,
      this.lastRevision,
    )) {
      const before = this.state;
      try {
        this.state = foldLedger(before, event as VillageEvent);
      } catch (error) {
        throw placedAt(error, { streamId: this.streamId, revision });
      }
      record(this.entries, before, this.state, event as VillageEvent);
      this.foldedThrough = revision;
    }
    this.unfolded.folded(this.foldedThrough);
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
