import { toAmountText, ZERO, type Rupiah } from '../../src/domain/shared/money';
import {
  keyOf,
  negated,
  type Balances,
  type BookEntry,
  type Movement,
} from '../../src/domain/village/books';
import type { VillageEvent } from '../../src/domain/village/events';
import { openingChangeMovements } from '../../src/domain/village/opening';
import { postingOf } from '../../src/domain/village/postings';
import { initialVillageState, type VillageState } from '../../src/domain/village/state';
import { isEntry } from './journal';
import { foldLedger } from './ledger-fold';
import { VILLAGE_FOLD_EVENT_TYPES } from './village-fold';

/** A receipt of a regency transfer as the village booked it (negative: a reversal). */
export interface VillageReceipt {
  date: string;
  entryId: string;
  stage: number;
  amount: string;
}

/**
 * What the regency reports read of a village year, kept current event by
 * event without folding every SPP and entry: plan, budget, opening and
 * closings (folded by the domain's evolvers), running totals of the books'
 * balances (each entry's domain posting added up) and the receipts of
 * regency transfers. The whole fold is built on demand (village-books.ts).
 */
export type LedgerSummary = Pick<VillageState, 'fiscalYear' | 'planning' | 'budget' | 'closing'> & {
  /** The domain's balances of every kind but `month` (only a closing reads those, in the domain). */
  books: Balances;
  /** Receipts of regency transfers by source, in booking order. */
  receipts: ReadonlyMap<string, readonly VillageReceipt[]>;
};

/** The summary as kept: updated in place, as the projection owns it. */
export interface Summary {
  /** The domain fold of plan, budget, opening and closings only: its entries and SPPs stay empty. */
  state: VillageState;
  balances: Map<string, Rupiah>;
  receipts: Map<string, VillageReceipt[]>;
}

/** Events the domain folds into the summary as they are. */
const FOLDED = new Set<string>([...VILLAGE_FOLD_EVENT_TYPES, 'MonthClosed', 'FiscalYearClosed']);

export const emptySummary = (): Summary => ({
  state: initialVillageState,
  balances: new Map(),
  receipts: new Map(),
});

/**
 * The summary after one event. A reversal moves the balances by the
 * reversed entry's movements negated, as the domain's reversal posting
 * does; the caller finds that entry in the whole fold.
 */
export function summarise(
  summary: Summary,
  event: VillageEvent,
  reversed: (entryId: string) => BookEntry | undefined,
): void {
  if (FOLDED.has(event.type)) {
    summary.state = foldLedger(summary.state, event);
    // The domain opens the year's books afresh: its opening balances, no entries.
    if (event.type === 'VillageFiscalYearOpened') {
      summary.balances = new Map(summary.state.books.balances);
      summary.receipts = new Map();
    }
    const opening = openingChangeMovements(event);
    // No stage movement, so no receipt needs the entry's id or date.
    if (opening) book(summary, '', '', opening);
    return;
  }
  if (isEntry(event)) {
    const posting = postingOf(event.type, event.data as never);
    book(summary, posting.entryId, posting.date, posting.movements);
    return;
  }
  if (event.type !== 'EntryReversed') return;
  const entry = reversed(event.data.entryId);
  if (entry) book(summary, event.data.reversalId, event.data.date, negated(entry.movements));
}

function book(summary: Summary, entryId: string, date: string, movements: readonly Movement[]) {
  for (const movement of movements) {
    const key = keyOf(movement.kind, movement.id);
    summary.balances.set(key, (summary.balances.get(key) ?? ZERO).plus(movement.amount));
    if (movement.kind === 'stage') addReceipt(summary.receipts, entryId, date, movement);
  }
}

function addReceipt(
  receipts: Map<string, VillageReceipt[]>,
  entryId: string,
  date: string,
  movement: Movement,
): void {
  const [source = '', stage = '0'] = movement.id.split('|');
  const receipt = {
    date,
    entryId,
    stage: Number.parseInt(stage, 10),
    amount: toAmountText(movement.amount),
  };
  const list = receipts.get(source);
  if (list) list.push(receipt);
  else receipts.set(source, [receipt]);
}
