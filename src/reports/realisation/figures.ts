import type { Rupiah } from '../../domain/shared/money';
import { sumText } from '../render/sum-text';

/**
 * One row of the Laporan Realisasi Pelaksanaan APBDes:
 * Anggaran | Realisasi | Lebih/(Kurang) | %, with Lebih/(Kurang) = Anggaran − Realisasi.
 */
export interface Figures {
  budget: string;
  realised: string;
  /** Lebih/(Kurang) = Anggaran − Realisasi. */
  difference: string;
  /** Realisasi / Anggaran × 100, two decimals; 0.00 when nothing was budgeted, as the published reports show it. */
  percent: string;
}

const NO_BUDGET_PERCENT = '0.00';

/** The figures of a row from its sums (see sumText). */
export function figures(budget: Rupiah, realised: Rupiah): Figures {
  return {
    budget: sumText(budget),
    realised: sumText(realised),
    difference: sumText(budget.minus(realised)),
    percent: budget.isZero() ? NO_BUDGET_PERCENT : realised.div(budget).times(100).toFixed(2),
  };
}

/** A budget and what was realised of it, as sums. */
export interface Pair {
  budget: Rupiah;
  realised: Rupiah;
}

export type SectionName = 'revenue' | 'spending' | 'financingReceipts' | 'financingExpenditures';

const SECTIONS: SectionName[] = [
  'revenue',
  'spending',
  'financingReceipts',
  'financingExpenditures',
];

export function mapSections<T>(each: (section: SectionName) => T): Record<SectionName, T> {
  return Object.fromEntries(SECTIONS.map((section) => [section, each(section)])) as Record<
    SectionName,
    T
  >;
}

export interface SectionTotals {
  revenue: Figures;
  spending: Figures;
  surplus: Figures;
  financingReceipts: Figures;
  financingExpenditures: Figures;
  netFinancing: Figures;
  silpa: Figures;
}

/** The totals rows from the budget and realised sum of each section. */
export function sectionTotals(sums: Record<SectionName, Pair>): SectionTotals {
  const { revenue, spending, financingReceipts: receipts, financingExpenditures } = sums;
  const combine = (a: Pair, b: Pair) => ({
    budget: a.budget.minus(b.budget),
    realised: a.realised.minus(b.realised),
  });
  const surplus = combine(revenue, spending);
  const net = combine(receipts, financingExpenditures);
  const silpa = {
    budget: surplus.budget.plus(net.budget),
    realised: surplus.realised.plus(net.realised),
  };
  const f = (pairOf: Pair) => figures(pairOf.budget, pairOf.realised);
  return {
    revenue: f(revenue),
    spending: f(spending),
    surplus: f(surplus),
    financingReceipts: f(receipts),
    financingExpenditures: f(financingExpenditures),
    netFinancing: f(net),
    silpa: f(silpa),
  };
}
