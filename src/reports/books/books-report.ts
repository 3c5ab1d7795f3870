import { prefixAt } from '../../domain/shared/dotted-codes';
import type { ReferenceData } from '../../domain/reference/reference-data';
import { rupiah, sum, toAmountText, ZERO, type Rupiah } from '../../domain/shared/money';
import { monthOf } from '../../domain/village/books';
import {
  netCash,
  rowType,
  type JournalEntry,
  type JournalLine,
} from '../../../projections/folds/journal';
import { villageIdentity, type VillageIdentity } from '../../../projections/folds/reference-lookup';
import type { VillageLedger } from '../../../projections/read-models/village-ledger';

/**
 * The books of one month (BKU and its buku pembantu): each a list of rows with
 * their amounts, the opening balance carried from the months before and the
 * closing balance. Amounts are exact text; a row's `balance` runs.
 */
export interface BookRow {
  number: number;
  date: string;
  evidence: string;
  description: string;
  account: string | null;
  amounts: Record<string, string>;
  balance: string;
}

export interface Book {
  /** Amount columns in layout order; `in` columns add to the balance, `out` columns subtract. */
  columns: { key: string; direction: 'in' | 'out' | 'none' }[];
  opening: string;
  /** Column totals of the months before (the BKU's cumulative spending starts from these). */
  priorTotals: Record<string, string>;
  rows: BookRow[];
  totals: Record<string, string>;
  closing: string;
}

export interface ActivityBook extends Book {
  activityId: string;
  kegiatanCode: string;
  name: string;
  bidang: string;
}

export interface MonthBooks {
  identity: VillageIdentity;
  month: string;
  bku: Book;
  bank: Book;
  tax: Book;
  panjar: Book;
  activities: ActivityBook[];
  revenueDetail: Book;
}

type Column = Book['columns'][number];
type RowAmounts = {
  description?: string;
  account?: string | null;
  amounts: Record<string, Rupiah>;
};

/** Builds a running book from per-entry rows: the months before give the opening balance. */
function runningBook(
  entries: readonly JournalEntry[],
  month: string,
  columns: Column[],
  rowsOf: (entry: JournalEntry) => RowAmounts[],
  carried: Rupiah = ZERO,
): Book {
  const delta = (row: RowAmounts) =>
    columns.reduce((total, column) => {
      const amount = row.amounts[column.key] ?? ZERO;
      if (column.direction === 'in') return total.plus(amount);
      return column.direction === 'out' ? total.minus(amount) : total;
    }, ZERO);
  let opening = carried;
  const rows: BookRow[] = [];
  const totals = new Map<string, Rupiah>(columns.map((column) => [column.key, ZERO]));
  const prior = new Map<string, Rupiah>(columns.map((column) => [column.key, ZERO]));
  const addTo = (map: Map<string, Rupiah>, row: RowAmounts) => {
    for (const column of columns)
      map.set(column.key, map.get(column.key)!.plus(row.amounts[column.key] ?? ZERO));
  };
  for (const entry of entries) {
    const entryMonth = monthOf(entry.date);
    if (entryMonth > month) continue;
    for (const row of rowsOf(entry)) {
      if (entryMonth < month) {
        opening = opening.plus(delta(row));
        addTo(prior, row);
        continue;
      }
      const previous = rows.at(-1)?.balance;
      const balance = (previous === undefined ? opening : rupiah(previous)).plus(delta(row));
      addTo(totals, row);
      rows.push({
        number: rows.length + 1,
        date: entry.date,
        evidence: entry.evidence,
        description: row.description ?? entry.description,
        account: row.account ?? null,
        amounts: Object.fromEntries(
          columns.map((column) => [column.key, toAmountText(row.amounts[column.key] ?? ZERO)]),
        ),
        balance: toAmountText(balance),
      });
    }
  }
  const texts = (map: Map<string, Rupiah>) =>
    Object.fromEntries([...map].map(([key, value]) => [key, toAmountText(value)]));
  const closing = rows.at(-1)?.balance ?? toAmountText(opening);
  return {
    columns,
    opening: toAmountText(opening),
    priorTotals: texts(prior),
    rows,
    totals: texts(totals),
    closing,
  };
}

const IN_ROLES = new Set<JournalLine['role']>([
  'revenue',
  'return',
  'taxWithheld',
  'financingReceipt',
]);

/** BKU: every line; cumulative spending is computed by the table from the rows and opening. */
function bku(entries: readonly JournalEntry[], month: string, opening: Rupiah): Book {
  return runningBook(
    entries,
    month,
    [
      { key: 'receipts', direction: 'in' },
      { key: 'payments', direction: 'out' },
    ],
    (entry) =>
      entry.lines.map((line) => ({
        account: line.account || null,
        description: lineDescription(entry, line),
        amounts: { [IN_ROLES.has(line.role) ? 'receipts' : 'payments']: rupiah(line.amount) },
      })),
    opening,
  );
}

const ROLE_LABELS: Record<JournalLine['role'], string> = {
  revenue: 'Penerimaan',
  spending: 'Belanja',
  return: 'Pengembalian sisa panjar',
  taxWithheld: 'Pemotongan pajak',
  taxDeposited: 'Penyetoran pajak',
  financingReceipt: 'Penerimaan pembiayaan',
  financingExpenditure: 'Pengeluaran pembiayaan',
};

function lineDescription(entry: JournalEntry, line: JournalLine): string {
  const what = line.tax ? `${ROLE_LABELS[line.role]} ${line.tax}` : ROLE_LABELS[line.role];
  return `${entry.description} — ${what}${line.source ? ` (${line.source})` : ''}`;
}

function bankBook(
  entries: readonly JournalEntry[],
  month: string,
  opening: Rupiah,
  reference: ReferenceData,
) {
  return runningBook(
    entries,
    month,
    [
      { key: 'deposits', direction: 'in' },
      { key: 'interest', direction: 'in' },
      { key: 'withdrawals', direction: 'out' },
      { key: 'interestTax', direction: 'out' },
      { key: 'fees', direction: 'out' },
    ],
    (entry) => {
      const bank = rupiah(entry.cash.bank);
      if (bank.isZero()) return [];
      const interest = entry.lines.some((l) => reference.accounts.get(l.account)?.bankInterest);
      const key =
        rowType(entry) === 'BankFeeCharged'
          ? 'fees'
          : interest
            ? 'interest'
            : bank.isNegative()
              ? 'withdrawals'
              : 'deposits';
      const outgoing = key === 'fees' || key === 'withdrawals';
      return [{ amounts: { [key]: outgoing ? bank.negated() : bank } }];
    },
    opening,
  );
}

function taxBook(entries: readonly JournalEntry[], month: string, carried: Rupiah) {
  return runningBook(
    entries,
    month,
    [
      { key: 'withheld', direction: 'in' },
      { key: 'deposited', direction: 'out' },
    ],
    (entry) =>
      entry.lines
        .filter((line) => line.role === 'taxWithheld' || line.role === 'taxDeposited')
        .map((line) => ({
          description: lineDescription(entry, line),
          account: line.tax,
          amounts: {
            [line.role === 'taxWithheld' ? 'withheld' : 'deposited']: rupiah(line.amount),
          },
        })),
    carried,
  );
}

function panjarBook(entries: readonly JournalEntry[], month: string) {
  return runningBook(
    entries,
    month,
    [
      { key: 'given', direction: 'in' },
      { key: 'accounted', direction: 'out' },
    ],
    (entry) =>
      entry.panjar
        ? [
            {
              account: entry.payee,
              amounts: {
                given: rupiah(entry.panjar.given),
                accounted: rupiah(entry.panjar.accounted),
              },
            },
          ]
        : [],
  );
}

/** Belanja modal when the account's kelompok is named so in reference data; else barang dan jasa. */
function isCapital(reference: ReferenceData, account: string): boolean {
  return /modal/i.test(reference.accounts.get(prefixAt(account, 2))?.name ?? '');
}

function activityBook(
  entries: readonly JournalEntry[],
  month: string,
  reference: ReferenceData,
): Book {
  return runningBook(
    entries,
    month,
    [
      { key: 'fromTreasurer', direction: 'in' },
      { key: 'community', direction: 'in' },
      { key: 'goodsServices', direction: 'out' },
      { key: 'capital', direction: 'out' },
      { key: 'returned', direction: 'out' },
    ],
    (entry) =>
      entry.lines.flatMap((line): RowAmounts[] => {
        const amount = rupiah(line.amount);
        const spendingKey = isCapital(reference, line.account) ? 'capital' : 'goodsServices';
        if (line.role === 'return') {
          return [
            {
              account: line.account,
              amounts: { [spendingKey]: rupiah(line.spent ?? '0'), returned: amount },
            },
          ];
        }
        if (line.role !== 'spending') return [];
        const advanced = entry.panjar !== null;
        return [
          {
            account: line.account,
            amounts: advanced
              ? { fromTreasurer: amount }
              : { fromTreasurer: amount, [spendingKey]: amount },
          },
        ];
      }),
  );
}

function revenueDetail(entries: readonly JournalEntry[], month: string) {
  const revenueEntries = entries.filter((entry) => entry.lines.some((l) => l.role === 'revenue'));
  return runningBook(revenueEntries, month, [{ key: 'amount', direction: 'in' }], (entry) =>
    entry.lines
      .filter((line) => line.role === 'revenue')
      .map((line) => ({
        account: line.account,
        description: line.source ? `${entry.description} (${line.source})` : entry.description,
        amounts: { amount: rupiah(line.amount) },
      })),
  );
}

export function monthBooks(
  ledger: VillageLedger,
  reference: ReferenceData,
  month: string,
): MonthBooks {
  const { fold } = ledger;
  const opened = fold.fiscalYear!;
  const entries = [...ledger.journal.values()].sort((a, b) => a.date.localeCompare(b.date));
  const { cashOnHand, bank } = opened.openingBalances;
  const activities = [...fold.planning.activities.values()]
    .map((activity) => {
      const own = entries.filter((entry) => entry.activityId === activity.activityId);
      return {
        activityId: activity.activityId,
        kegiatanCode: activity.kegiatanCode,
        name: activity.name,
        bidang: reference.bidang.get(activity.bidangCode)?.name ?? activity.bidangCode,
        ...activityBook(own, month, reference),
      };
    })
    .filter((book) => book.rows.length > 0 || !rupiah(book.opening).isZero());
  return {
    identity: villageIdentity(reference, opened.villageCode, opened.fiscalYear),
    month,
    bku: bku(entries, month, rupiah(cashOnHand).plus(rupiah(bank))),
    bank: bankBook(entries, month, rupiah(bank), reference),
    tax: taxBook(entries, month, sum((opened.taxPayable ?? []).map((t) => rupiah(t.amount)))),
    panjar: panjarBook(entries, month),
    activities,
    revenueDetail: revenueDetail(entries, month),
  };
}

/** Σ net cash of the journal up to the end of the month: what the BKU's closing balance must equal. */
export function netCashThrough(ledger: VillageLedger, month: string): Rupiah {
  return sum(
    [...ledger.journal.values()].filter((e) => monthOf(e.date) <= month).map((e) => netCash(e)),
  );
}
