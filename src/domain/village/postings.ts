import { rupiah, type Rupiah } from '../shared/money';
import { cash, movement, recordEntry, type Movement } from './books';
import type { CashAccount } from './execution-commands';
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
  | 'TaxDeposited'
  | 'FinancingReceiptRecorded'
  | 'FinancingExpenditureRecorded';

export type EntryData<K extends EntryType> = VillageEventOf<K>['data'];

/** Cash moved from one account to another: out of the first, into the second. */
function cashMoved(from: CashAccount, to: CashAccount, text: string): Movement[] {
  const amount = rupiah(text);
  return [cash(from, amount.negated()), cash(to, amount)];
}

const withheldMovements = (withholdings: EntryData<'PaymentRequestPaid'>['withholdings']) =>
  withholdings.map((each) => movement('tax', each.tax, each.amount));

// Each amount is parsed once and the (immutable) value shared by the movements that carry it.
const POSTINGS: { [K in EntryType]: (data: EntryData<K>) => Posting } = {
  RevenueReceived: (data) => {
    const amount = rupiah(data.amount);
    return {
      entryId: data.receiptId,
      date: data.date,
      movements: [
        cash(data.into, amount),
        movement('source', data.source, amount),
        movement('revenue', `${data.account}|${data.source}`, amount),
        ...(data.transfer
          ? [movement('stage', `${data.source}|${data.transfer.stage}`, amount)]
          : []),
      ],
      settles: [],
    };
  },
  CashReceiptsDeposited: (data) => ({
    entryId: data.stsId,
    date: data.date,
    movements: cashMoved('cashOnHand', 'bank', data.amount),
    settles: data.receiptIds,
  }),
  CashMutated: (data) => ({
    entryId: data.mutationId,
    date: data.date,
    movements: cashMoved(data.from, data.to, data.amount),
    settles: [],
  }),
  BankFeeCharged: (data) => {
    const amount = rupiah(data.amount);
    return {
      entryId: data.feeId,
      date: data.date,
      movements: [
        cash('bank', amount.negated()),
        movement('source', data.source, amount.negated()),
        movement('line', data.lineId, amount),
      ],
      settles: [],
    };
  },
  // Gross is spent from the source and realised on the line; the withheld tax stays as PFK.
  PaymentRequestPaid: (data) => ({
    entryId: data.paymentId,
    date: data.date,
    movements: [
      cash(data.from, rupiah(data.net).negated()),
      ...data.lines.flatMap((line) => {
        const amount = rupiah(line.amount);
        return [
          movement('source', line.source, amount.negated()),
          movement('line', line.lineId, amount),
        ];
      }),
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
      ...data.lines.flatMap((line) => {
        const remainder = rupiah(line.remainder);
        return [
          movement('source', line.source, remainder),
          movement('line', line.lineId, remainder.negated()),
        ];
      }),
      ...withheldMovements(data.withholdings),
    ],
    settles: [data.paymentId],
  }),
  TaxDeposited: (data) => {
    const paid = rupiah(data.amount).negated();
    return {
      entryId: data.depositId,
      date: data.date,
      movements: [cash(data.from, paid), movement('tax', data.tax, paid)],
      settles: [],
    };
  },
  // A financing line is realised in both directions; the source gains or spends the cash.
  FinancingReceiptRecorded: (data) => financingPosting(data, data.into, rupiah(data.amount)),
  FinancingExpenditureRecorded: (data) =>
    financingPosting(data, data.from, rupiah(data.amount).negated()),
};

function financingPosting(
  data: EntryData<'FinancingReceiptRecorded' | 'FinancingExpenditureRecorded'>,
  account: CashAccount,
  cashMoved: Rupiah,
): Posting {
  return {
    entryId: data.financingId,
    date: data.date,
    movements: [
      cash(account, cashMoved),
      movement('source', data.source, cashMoved),
      movement('line', data.lineId, cashMoved.abs()),
    ],
    settles: [],
  };
}

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
