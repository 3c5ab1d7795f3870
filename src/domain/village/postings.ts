import { rupiah } from '../shared/money';
import { cash, movement, recordEntry, type Movement } from './books';
import type { VillageEventOf } from './events';
import type { VillageState } from './state';

/** What an entry event does to the books: its id, business date, movements and what it settles. */
export interface Posting {
  entryId: string;
  date: string;
  movements: Movement[];
  settles: string[];
}

export type EntryType =
  | 'RevenueReceived'
  | 'CashReceiptsDeposited'
  | 'CashMutated'
  | 'BankFeeCharged'
  | 'PaymentRequestPaid'
  | 'PanjarAccounted'
  | 'TaxDeposited';

export type EntryData<K extends EntryType> = VillageEventOf<K>['data'];

const withheldMovements = (withholdings: EntryData<'PaymentRequestPaid'>['withholdings']) =>
  withholdings.map((each) => movement('tax', each.tax, each.amount));

const POSTINGS: { [K in EntryType]: (data: EntryData<K>) => Posting } = {
  RevenueReceived: (data) => ({
    entryId: data.receiptId,
    date: data.date,
    movements: [
      cash(data.into, data.amount),
      movement('source', data.source, data.amount),
      movement('revenue', `${data.account}|${data.source}`, data.amount),
      ...(data.transfer
        ? [movement('stage', `${data.source}|${data.transfer.stage}`, data.amount)]
        : []),
    ],
    settles: [],
  }),
  CashReceiptsDeposited: (data) => ({
    entryId: data.stsId,
    date: data.date,
    movements: [cash('cashOnHand', rupiah(data.amount).negated()), cash('bank', data.amount)],
    settles: data.receiptIds,
  }),
  CashMutated: (data) => ({
    entryId: data.mutationId,
    date: data.date,
    movements: [cash(data.from, rupiah(data.amount).negated()), cash(data.to, data.amount)],
    settles: [],
  }),
  BankFeeCharged: (data) => ({
    entryId: data.feeId,
    date: data.date,
    movements: [
      cash('bank', rupiah(data.amount).negated()),
      movement('source', data.source, rupiah(data.amount).negated()),
      movement('line', data.lineId, data.amount),
    ],
    settles: [],
  }),
  // Gross is spent from the source and realised on the line; the withheld tax stays as PFK.
  PaymentRequestPaid: (data) => ({
    entryId: data.paymentId,
    date: data.date,
    movements: [
      cash(data.from, rupiah(data.net).negated()),
      ...data.lines.flatMap((line) => [
        movement('source', line.source, rupiah(line.amount).negated()),
        movement('line', line.lineId, line.amount),
      ]),
      ...withheldMovements(data.withholdings),
    ],
    settles: [],
  }),
  // The unspent remainder credits its source and line back; the PKA hands over the withheld tax too.
  PanjarAccounted: (data) => ({
    entryId: data.spjId,
    date: data.date,
    movements: [
      cash(data.returnTo, data.returned),
      ...data.lines.flatMap((line) => [
        movement('source', line.source, line.remainder),
        movement('line', line.lineId, rupiah(line.remainder).negated()),
      ]),
      ...withheldMovements(data.withholdings),
    ],
    settles: [data.paymentId],
  }),
  TaxDeposited: (data) => ({
    entryId: data.depositId,
    date: data.date,
    movements: [
      cash(data.from, rupiah(data.amount).negated()),
      movement('tax', data.tax, rupiah(data.amount).negated()),
    ],
    settles: [],
  }),
};

export function postingOf<K extends EntryType>(type: K, data: EntryData<K>): Posting {
  return (POSTINGS[type] as (data: EntryData<K>) => Posting)(data);
}

/** Records an entry event in the books, then lets the area update its own state. */
export function entryEvolver<K extends EntryType>(
  type: K,
  then: (state: VillageState, data: EntryData<K>) => VillageState = (state) => state,
) {
  return (state: VillageState, event: { data: EntryData<K> }): VillageState => {
    const posting = postingOf(type, event.data);
    return then({ ...state, books: recordEntry(state.books, { ...posting, type }) }, event.data);
  };
}
