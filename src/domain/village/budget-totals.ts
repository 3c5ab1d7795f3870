import type { ReferenceData } from '../reference/reference-data';
import { rupiah, ZERO, type Rupiah } from '../shared/money';
import type { BudgetLines } from './lines';

export interface Totals {
  revenue: Rupiah;
  spending: Rupiah;
  financingReceipts: Rupiah;
  financingExpenditures: Rupiah;
  /** The part of financing receipts that is SiLPA of the previous year. */
  silpa: Rupiah;
}

export interface BudgetTotals extends Totals {
  bySource: ReadonlyMap<string, Totals>;
  /** Spending per bidang. */
  byBidang: ReadonlyMap<string, Rupiah>;
}

const EMPTY: Totals = {
  revenue: ZERO,
  spending: ZERO,
  financingReceipts: ZERO,
  financingExpenditures: ZERO,
  silpa: ZERO,
};

/** Surplus/deficit plus net financing: what the budget leaves unassigned (SiLPA tahun berjalan). */
export function unassigned(totals: Totals): Rupiah {
  return totals.revenue
    .minus(totals.spending)
    .plus(totals.financingReceipts)
    .minus(totals.financingExpenditures);
}

export function budgetTotals(lines: BudgetLines, reference: ReferenceData): BudgetTotals {
  const bySource = new Map<string, Totals>();
  const byBidang = new Map<string, Rupiah>();
  let overall = EMPTY;
  for (const line of lines.values()) {
    const amount = rupiah(line.amount);
    const delta = lineDelta(line.kind === 'financing' ? line.direction : line.kind, amount);
    if (line.kind === 'financing' && reference.accounts.get(line.account)?.silpa)
      delta.silpa = amount;
    bySource.set(line.source, add(bySource.get(line.source) ?? EMPTY, delta));
    overall = add(overall, delta);
    if (line.kind === 'spending') {
      const bidang = reference.kegiatan.get(line.kegiatanCode)?.bidangCode ?? '';
      byBidang.set(bidang, (byBidang.get(bidang) ?? ZERO).plus(amount));
    }
  }
  return { ...overall, bySource, byBidang };
}

function lineDelta(
  bucket: 'revenue' | 'spending' | 'receipt' | 'expenditure',
  amount: Rupiah,
): Totals {
  const key = (
    {
      revenue: 'revenue',
      spending: 'spending',
      receipt: 'financingReceipts',
      expenditure: 'financingExpenditures',
    } as const
  )[bucket];
  return { ...EMPTY, [key]: amount };
}

function add(a: Totals, b: Totals): Totals {
  return {
    revenue: a.revenue.plus(b.revenue),
    spending: a.spending.plus(b.spending),
    financingReceipts: a.financingReceipts.plus(b.financingReceipts),
    financingExpenditures: a.financingExpenditures.plus(b.financingExpenditures),
    silpa: a.silpa.plus(b.silpa),
  };
}
