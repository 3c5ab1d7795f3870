import { rupiah, ZERO, type Rupiah } from '../shared/money';
import { ImpossibleEventError } from '../shared/impossible-event';
import { PersistentMap } from '../shared/persistent-map';
import type { CashAccount } from './execution-commands';
import type { VillageEventOf } from './events';

/**
 * The books as balances moved by entries. Every money event is an entry
 * whose movements change balances of a few kinds; a reversal applies the
 * same movements negated. One engine, so decide-time checks and replay agree.
 */
export type MovementKind =
  /** Cash on hand or bank. */
  | 'cash'
  /** Cash a fund source still holds: SiLPA + received − spent (the fund restriction). */
  | 'source'
  /** Realised spending or financing (receipt or expenditure) of a budget line. */
  | 'line'
  /** Tax withheld and not yet deposited. */
  | 'tax'
  /** Realised revenue per account and source (`account|source`). */
  | 'revenue'
  /** Received from the regency's transfers per source and stage (`source|stage`). */
  | 'stage'
  /** Net cash movement of a month per account (`YYYY-MM|account`), for monthly closing. */
  | 'month';

export interface Movement {
  kind: MovementKind;
  id: string;
  amount: Rupiah;
}

export interface BookEntry {
  entryId: string;
  type: string;
  date: string;
  movements: readonly Movement[];
  /** Entries this one settles: receipts an STS deposits, the payment a panjar SPJ accounts for. */
  settles: readonly string[];
  /** The entry that settled this one, which must be reversed first. */
  settledBy: string | undefined;
  reversed: boolean;
}

export interface BooksState {
  balances: PersistentMap<Rupiah>;
  entries: PersistentMap<BookEntry>;
}

export const emptyBooks: BooksState = {
  balances: PersistentMap.empty(),
  entries: PersistentMap.empty(),
};

export function movement(kind: MovementKind, id: string, amount: Rupiah | string): Movement {
  return { kind, id, amount: typeof amount === 'string' ? rupiah(amount) : amount };
}

export const cash = (account: CashAccount, amount: Rupiah | string) =>
  movement('cash', account, amount);

export function keyOf(kind: MovementKind, id: string): string {
  return `${kind}|${id}`;
}

/** Anything with balances by `kind|id`: the books, or a read model's running totals. */
export interface Balances {
  balances: ReadonlyMap<string, Rupiah>;
}

export function balanceOf(books: Balances, kind: MovementKind, id: string): Rupiah {
  return books.balances.get(keyOf(kind, id)) ?? ZERO;
}

/** Balances of one kind, by id, in the order they first moved. */
export function balancesOf(books: Balances, kind: MovementKind): [string, Rupiah][] {
  const prefix = `${kind}|`;
  return [...books.balances.entries()]
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, amount]) => [key.slice(prefix.length), amount]);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function negated(movements: readonly Movement[]): Movement[] {
  return movements.map((each) => ({ ...each, amount: each.amount.negated() }));
}

/** Cash movements also move their month's net, so a closing can find the books at month end. */
function withMonths(movements: readonly Movement[], date: string): Movement[] {
  const months = movements
    .filter((each) => each.kind === 'cash')
    .map((each) => movement('month', `${monthOf(date)}|${each.id}`, each.amount));
  return [...movements, ...months];
}

export function applyMovements(books: BooksState, movements: readonly Movement[], date: string) {
  // Each movement adds to the balance as moved so far: one entry may move a key twice (two SPP lines of one source).
  const balances = withMonths(movements, date).reduce((next, each) => {
    const key = keyOf(each.kind, each.id);
    return next.set(key, (next.get(key) ?? ZERO).plus(each.amount));
  }, books.balances);
  return { ...books, balances };
}

/** The entry's movements applied; the entries it settles marked as settled by it. */
export function recordEntry(
  books: BooksState,
  entry: Omit<BookEntry, 'settledBy' | 'reversed'>,
): BooksState {
  const moved = applyMovements(books, entry.movements, entry.date);
  const entries = markSettled(
    moved.entries.set(entry.entryId, { ...entry, settledBy: undefined, reversed: false }),
    entry.settles,
    entry.entryId,
    entry.type,
  );
  return { ...moved, entries };
}

/** Marks (or with `undefined`, unmarks) the entries an `eventType` event settles; each must exist. */
export function markSettled(
  entries: PersistentMap<BookEntry>,
  entryIds: readonly string[],
  settledBy: string | undefined,
  eventType: string,
): PersistentMap<BookEntry> {
  return entryIds.reduce((next, entryId) => {
    const settled = next.get(entryId);
    if (!settled)
      throw new ImpossibleEventError(eventType, {
        id: `entri ${entryId} yang diselesaikan tidak ada`,
        en: `the settled entry ${entryId} does not exist`,
      });
    return next.set(entryId, { ...settled, settledBy });
  }, entries);
}

/** Opening balances, SiLPA per source and carried tax payable, as the year's first balances. */
export function openingBooks(
  opened: VillageEventOf<'VillageFiscalYearOpened'>['data'],
): BooksState {
  const movements = [
    cash('cashOnHand', opened.openingBalances.cashOnHand),
    cash('bank', opened.openingBalances.bank),
    ...opened.silpa.map((entry) => movement('source', entry.source, entry.amount)),
    ...(opened.taxPayable ?? []).map((entry) => movement('tax', entry.tax, entry.amount)),
  ];
  const balances = movements.reduce(
    (next, each) => next.set(keyOf(each.kind, each.id), each.amount),
    emptyBooks.balances,
  );
  return { ...emptyBooks, balances };
}

/**
 * Moves balances without an entry and without a month's net: a change of the
 * opening figures (the SiLPA booked later, a verified correction) belongs to
 * the year's start, which a closing reads from the opening itself.
 */
export function moveOpening(books: BooksState, movements: readonly Movement[]): BooksState {
  const balances = movements.reduce((next, each) => {
    const key = keyOf(each.kind, each.id);
    return next.set(key, (next.get(key) ?? ZERO).plus(each.amount));
  }, books.balances);
  return { ...books, balances };
}
