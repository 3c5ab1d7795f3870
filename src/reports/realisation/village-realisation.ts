import type { ReferenceData } from '../../domain/reference/reference-data';
import { rupiah, sum, toAmountText, ZERO, type Rupiah } from '../../domain/shared/money';
import { budgetAt } from '../../domain/village/budget-in-force';
import type { BudgetLine } from '../../domain/village/lines';
import { silpaRecordedOn } from '../../domain/village/opening';
import { villageIdentity, type VillageIdentity } from '../../../projections/folds/reference-lookup';
import type { VillageView } from '../../../projections/folds/village-books';
import {
  figures,
  mapSections,
  sectionTotals,
  type Pair,
  type SectionName,
  type SectionTotals,
} from './figures';
import { movementsWithin, type Period } from './periods';
import { pathsOf, realisationTree, type Item, type RealisationSections } from './tree';

/**
 * Laporan Realisasi Pelaksanaan APBDes (Permendagri 20/2018):
 * Kode Rekening | Uraian | Anggaran | Realisasi | Lebih/(Kurang) | %.
 * Anggaran is the version in force on the last day of the period; realisasi is
 * the domain's own line and revenue movements of the entries dated within it.
 */
export interface VillageRealisation extends RealisationSections {
  identity: VillageIdentity;
  period: Period;
  /** The budget version in force at the end of the period. */
  budgetLabel: string | null;
}

/** A village's lines and realisation as tree items per section, before any tree is built. */
export interface RealisationItems {
  identity: VillageIdentity;
  budgetLabel: string | null;
  items: Record<SectionName, Item[]>;
  /** Realised spending per fund source, with its budget. */
  spendingBySource: Map<string, Pair>;
  /** Realised revenue per `account|source`. */
  revenueByAccount: Map<string, Rupiah>;
  /** The totals rows: Σ of each section's items is Σ of its tree's roots. */
  totals: SectionTotals;
}

/** Every line any version had, the latest definition winning: realisation may sit on a removed line. */
function knownLines(state: VillageView): Map<string, BudgetLine> {
  const lines = new Map<string, BudgetLine>();
  for (const version of state.budget.versions)
    for (const line of version.lines.values()) lines.set(line.lineId, line);
  return lines;
}

const sumOf = (items: Item[], key: keyof Pair) => sum(items.map((item) => item[key]));

/**
 * A village's items for its latest period, kept until the village moves: a
 * regency report asked again after one receipt recomputes that one village.
 */
const itemsCache = new WeakMap<
  VillageView,
  { key: string; reference: ReferenceData; items: RealisationItems }
>();

export function realisationItems(
  state: VillageView,
  reference: ReferenceData,
  period: Period,
): RealisationItems {
  const key = `${state.revision}:${period.from}:${period.to}`;
  const cached = itemsCache.get(state);
  if (cached?.key === key && cached.reference === reference) return cached.items;
  const items = itemsOf(state, reference, period);
  itemsCache.set(state, { key, reference, items });
  return items;
}

function itemsOf(state: VillageView, reference: ReferenceData, period: Period): RealisationItems {
  const opened = state.fiscalYear!;
  const inForce = budgetAt(state.budget, period.to);
  const realisedLines = movementsWithin(state, 'line', period);
  const realisedRevenue = movementsWithin(state, 'revenue', period);
  const known = knownLines(state);
  for (const line of inForce.lines.values()) known.set(line.lineId, line);
  const lineIds = new Set([...inForce.lines.keys(), ...realisedLines.keys()]);
  const items = mapSections((): Item[] => []);
  const spendingBySource = new Map<string, Pair>();
  const paths = pathsOf(reference);
  for (const lineId of lineIds) {
    const line = known.get(lineId);
    if (!line) continue;
    const budget = inForce.lines.has(lineId) ? rupiah(line.amount) : ZERO;
    const realised = realisedLines.get(lineId) ?? ZERO;
    if (line.kind === 'revenue')
      items.revenue.push({ path: paths.account(line.account, 1), budget, realised: ZERO });
    if (line.kind === 'spending')
      items.spending.push({ path: paths.spending(line), budget, realised });
    if (line.kind === 'financing') {
      const receipt = line.direction === 'receipt';
      items[receipt ? 'financingReceipts' : 'financingExpenditures'].push({
        path: paths.account(line.account, 2),
        budget,
        realised,
      });
    }
    if (
      line.kind === 'spending' ||
      (line.kind === 'financing' && line.direction === 'expenditure')
    ) {
      const before = spendingBySource.get(line.source) ?? { budget: ZERO, realised: ZERO };
      spendingBySource.set(line.source, {
        budget: before.budget.plus(budget),
        realised: before.realised.plus(realised),
      });
    }
  }
  for (const [key, amount] of realisedRevenue) {
    const [account = ''] = key.split('|');
    items.revenue.push({ path: paths.account(account, 1), budget: ZERO, realised: amount });
  }
  const silpaAccount = [...reference.accounts.values()].find((account) => account.silpa);
  const silpaDate = silpaRecordedOn(opened);
  if (
    silpaAccount &&
    silpaDate !== undefined &&
    period.from <= silpaDate &&
    silpaDate <= period.to
  ) {
    for (const carried of opened.silpa)
      items.financingReceipts.push({
        path: paths.account(silpaAccount.code, 2),
        budget: ZERO,
        realised: rupiah(carried.amount),
      });
  }
  return {
    identity: villageIdentity(reference, opened.villageCode, opened.fiscalYear),
    budgetLabel: inForce.label ?? null,
    items,
    spendingBySource,
    revenueByAccount: realisedRevenue,
    totals: sectionTotals(
      mapSections((section) => ({
        budget: sumOf(items[section], 'budget'),
        realised: sumOf(items[section], 'realised'),
      })),
    ),
  };
}

export const figuresBy = (pairs: Map<string, Pair>) =>
  Object.fromEntries([...pairs].map(([key, pair]) => [key, figures(pair.budget, pair.realised)]));

export const amountTexts = (amounts: Map<string, Rupiah>) =>
  Object.fromEntries([...amounts].map(([key, amount]) => [key, toAmountText(amount)]));

export function villageRealisation(
  state: VillageView,
  reference: ReferenceData,
  period: Period,
): VillageRealisation {
  const { identity, budgetLabel, items, spendingBySource, revenueByAccount, totals } =
    realisationItems(state, reference, period);
  return {
    identity,
    period,
    budgetLabel,
    ...mapSections((section) => realisationTree(items[section])),
    totals,
    spendingBySource: figuresBy(spendingBySource),
    revenueByAccount: amountTexts(revenueByAccount),
  };
}
