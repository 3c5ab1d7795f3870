import { apply } from '../../src/domain/shared/decider';
import { toAmountText } from '../../src/domain/shared/money';
import { PersistentMap } from '../../src/domain/shared/persistent-map';
import type { BookEntry, MovementKind } from '../../src/domain/village/books';
import { villageCore } from '../../src/domain/village/decider';
import { villageEventSchemas, type VillageEvent } from '../../src/domain/village/events';
import {
  initialVillageState,
  type ClosingState,
  type PaymentRequest,
  type VillageState,
} from '../../src/domain/village/state';
import { serializeVillageFold, type VillageFoldData } from './village-fold';

/**
 * The whole village fiscal year folded by the domain's own evolvers: books
 * (balances and entries with their movements), SPPs and closings beside the
 * plan and budget. Every figure the books and realisation reports show that
 * the domain also keeps comes from here, so each rule has one implementation.
 */
export const LEDGER_EVENT_TYPES = Object.keys(villageEventSchemas) as VillageEvent['type'][];

export const foldLedger = (state: VillageState, event: VillageEvent): VillageState =>
  apply(villageCore, state, event);

export const emptyLedgerFold = (): VillageState => initialVillageState;

type MovementData = { kind: MovementKind; id: string; amount: string };

export interface LedgerFoldData extends VillageFoldData {
  balances: [string, string][];
  entries: (Omit<BookEntry, 'movements' | 'settledBy'> & {
    settledBy: string | null;
    movements: MovementData[];
  })[];
  paymentRequests: PaymentRequest[];
  closedMonths: ClosingState['months'] extends PersistentMap<infer M> ? M[] : never;
  lastClosedMonth: string | null;
  yearClosed: ClosingState['year'] | null;
}

export function serializeLedgerFold(state: VillageState): LedgerFoldData {
  return {
    ...serializeVillageFold(state),
    balances: [...state.books.balances].map(([key, amount]) => [key, toAmountText(amount)]),
    entries: [...state.books.entries.values()].map((entry) => ({
      ...entry,
      settledBy: entry.settledBy ?? null,
      movements: entry.movements.map((each) => ({ ...each, amount: toAmountText(each.amount) })),
    })),
    paymentRequests: [...state.paymentRequests.values()],
    closedMonths: [...state.closing.months.values()],
    lastClosedMonth: state.closing.lastClosedMonth ?? null,
    yearClosed: state.closing.year ?? null,
  };
}
