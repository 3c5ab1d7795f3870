import { prefixAt } from '../src/domain/reference/codes';
import type { ReferenceData } from '../src/domain/reference/reference-data';
import { rupiah, sum, toAmountText, ZERO, type Rupiah } from '../src/domain/shared/money';
import { balancesOf, type MovementKind } from '../src/domain/village/books';
import { budgetAt } from '../src/domain/village/budget-in-force';
import type { BudgetLine } from '../src/domain/village/lines';
import type { VillageState } from '../src/domain/village/state';
import { accountSteps } from './apbdes-layout';
import { buildTree, type BudgetNode, type NodeLevel, type PathStep } from './budget-tree';
import { villageIdentity, type VillageIdentity } from './reference-lookup';

/**
 * Laporan Realisasi Pelaksanaan APBDes (DOMAIN.md Part A §10, Part B §7.2):
 * Kode Rekening | Uraian | Anggaran | Realisasi | Lebih/(Kurang) | %, with
 * Lebih/(Kurang) = Anggaran − Realisasi. Anggaran is the version in force on
 * the last day of the period; realisasi is the domain's own line and revenue
 * movements of the entries dated within the period.
 */
export interface Period {
  from: string;
  to: string;
}

export interface Figures {
  budget: string;
  realised: string;
  /** Lebih/(Kurang) = Anggaran − Realisasi. */
  difference: string;
  /** Realisasi / Anggaran × 100, two decimals; null when nothing was budgeted. */
  percent: string | null;
}

export interface RealisationNode extends Figures {
  key: string;
  level: NodeLevel;
  code: string;
  description: string;
  children: RealisationNode[];
}

export interface RealisationSections {
  revenue: RealisationNode[];
  spending: RealisationNode[];
  financingReceipts: RealisationNode[];
  financingExpenditures: RealisationNode[];
  totals: {
    revenue: Figures;
    spending: Figures;
    surplus: Figures;
    financingReceipts: Figures;
    financingExpenditures: Figures;
    netFinancing: Figures;
    silpa: Figures;
  };
  /** Realised spending (belanja and pengeluaran pembiayaan) per fund source. */
  spendingBySource: Record<string, Figures>;
  /** Realised revenue per `account|source`. */
  revenueByAccount: Record<string, string>;
}

export interface VillageRealisation extends RealisationSections {
  identity: VillageIdentity;
  period: Period;
  /** The budget version in force at the end of the period. */
  budgetLabel: string | null;
}

export const fullYear = (fiscalYear: number): Period => ({
  from: `${fiscalYear}-01-01`,
  to: `${fiscalYear}-12-31`,
});

export const semesterOne = (fiscalYear: number): Period => ({
  from: `${fiscalYear}-01-01`,
  to: `${fiscalYear}-06-30`,
});

export function figures(budget: Rupiah, realised: Rupiah): Figures {
  return {
    budget: toAmountText(budget),
    realised: toAmountText(realised),
    difference: toAmountText(budget.minus(realised)),
    percent: budget.isZero() ? null : realised.div(budget).times(100).toFixed(2),
  };
}

/**
 * Σ of one kind of the domain's movements per id, over entries dated within
 * the period. A period covering the whole year is the domain's balance itself.
 */
export function movementsWithin(
  state: VillageState,
  kind: MovementKind,
  period: Period,
): Map<string, Rupiah> {
  const year = fullYear(state.fiscalYear!.fiscalYear);
  if (period.from <= year.from && period.to >= year.to)
    return new Map(balancesOf(state.books, kind));
  const totals = new Map<string, Rupiah>();
  for (const entry of state.books.entries.values()) {
    if (entry.date < period.from || entry.date > period.to) continue;
    for (const movement of entry.movements) {
      if (movement.kind === kind)
        totals.set(movement.id, (totals.get(movement.id) ?? ZERO).plus(movement.amount));
    }
  }
  return totals;
}

interface Item {
  path: PathStep[];
  budget: Rupiah;
  realised: Rupiah;
}

/** Two trees over the same paths, zipped: the shapes agree because the items are the same. */
function realisationTree(items: Item[]): RealisationNode[] {
  const zip = (budget: BudgetNode[], realised: BudgetNode[]): RealisationNode[] =>
    budget.map((node, index) => {
      const twin = realised[index]!;
      return {
        key: node.key,
        level: node.level,
        code: node.code,
        description: node.description,
        ...figures(rupiah(node.amount), rupiah(twin.amount)),
        children: zip(node.children, twin.children),
      };
    });
  return zip(
    buildTree(items.map((item) => ({ path: item.path, amount: item.budget }))),
    buildTree(items.map((item) => ({ path: item.path, amount: item.realised }))),
  );
}

function spendingPath(line: Extract<BudgetLine, { kind: 'spending' }>, reference: ReferenceData) {
  const group = (level: NodeLevel, segments: number, name: string | undefined): PathStep => {
    const code = prefixAt(line.kegiatanCode, segments);
    return { key: `${level}:${code}`, level, code, description: name ?? code };
  };
  return [
    ...accountSteps(line.account, 1, 1, reference),
    group('bidang', 1, reference.bidang.get(prefixAt(line.kegiatanCode, 1))?.name),
    group('subBidang', 2, reference.subBidang.get(prefixAt(line.kegiatanCode, 2))?.name),
    group('kegiatan', 3, reference.kegiatan.get(line.kegiatanCode)?.name),
    ...accountSteps(line.account, 3, 3, reference),
  ];
}

/** Every line any version had, the latest definition winning: realisation may sit on a removed line. */
function knownLines(state: VillageState): Map<string, BudgetLine> {
  const lines = new Map<string, BudgetLine>();
  for (const version of state.budget.versions)
    for (const line of version.lines.values()) lines.set(line.lineId, line);
  return lines;
}

const totalOf = (nodes: RealisationNode[], key: 'budget' | 'realised') =>
  sum(nodes.map((node) => rupiah(node[key])));

function sectionTotals(
  sections: Omit<RealisationSections, 'totals' | 'spendingBySource' | 'revenueByAccount'>,
) {
  const pair = (nodes: RealisationNode[]) => ({
    budget: totalOf(nodes, 'budget'),
    realised: totalOf(nodes, 'realised'),
  });
  const revenue = pair(sections.revenue);
  const spending = pair(sections.spending);
  const receipts = pair(sections.financingReceipts);
  const expenditures = pair(sections.financingExpenditures);
  const combine = (a: typeof revenue, b: typeof revenue) => ({
    budget: a.budget.minus(b.budget),
    realised: a.realised.minus(b.realised),
  });
  const surplus = combine(revenue, spending);
  const net = combine(receipts, expenditures);
  const silpa = {
    budget: surplus.budget.plus(net.budget),
    realised: surplus.realised.plus(net.realised),
  };
  const f = (pairOf: typeof revenue) => figures(pairOf.budget, pairOf.realised);
  return {
    revenue: f(revenue),
    spending: f(spending),
    surplus: f(surplus),
    financingReceipts: f(receipts),
    financingExpenditures: f(expenditures),
    netFinancing: f(net),
    silpa: f(silpa),
  };
}

export function villageRealisation(
  state: VillageState,
  reference: ReferenceData,
  period: Period,
): VillageRealisation {
  const opened = state.fiscalYear!;
  const inForce = budgetAt(state.budget, period.to);
  const realisedLines = movementsWithin(state, 'line', period);
  const realisedRevenue = movementsWithin(state, 'revenue', period);
  const known = knownLines(state);
  for (const line of inForce.lines.values()) known.set(line.lineId, line);
  const lineIds = new Set([...inForce.lines.keys(), ...realisedLines.keys()]);
  const revenue: Item[] = [];
  const spending: Item[] = [];
  const receipts: Item[] = [];
  const expenditures: Item[] = [];
  const spendingBySource = new Map<string, { budget: Rupiah; realised: Rupiah }>();
  const accountPath = (account: string, from: number) => accountSteps(account, from, 4, reference);
  for (const lineId of lineIds) {
    const line = known.get(lineId);
    if (!line) continue;
    const budget = inForce.lines.has(lineId) ? rupiah(line.amount) : ZERO;
    const realised = realisedLines.get(lineId) ?? ZERO;
    if (line.kind === 'revenue')
      revenue.push({ path: accountPath(line.account, 1), budget, realised: ZERO });
    if (line.kind === 'spending')
      spending.push({ path: spendingPath(line, reference), budget, realised });
    if (line.kind === 'financing') {
      const into = line.direction === 'receipt' ? receipts : expenditures;
      into.push({
        path: accountPath(line.account, 2),
        budget,
        realised: line.direction === 'receipt' ? ZERO : realised,
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
    revenue.push({ path: accountPath(account, 1), budget: ZERO, realised: amount });
  }
  const silpaAccount = [...reference.accounts.values()].find((account) => account.silpa);
  if (silpaAccount && period.from <= `${opened.fiscalYear}-01-01`) {
    for (const carried of opened.silpa)
      receipts.push({
        path: accountPath(silpaAccount.code, 2),
        budget: ZERO,
        realised: rupiah(carried.amount),
      });
  }
  const sections = {
    revenue: realisationTree(revenue),
    spending: realisationTree(spending),
    financingReceipts: realisationTree(receipts),
    financingExpenditures: realisationTree(expenditures),
  };
  return {
    identity: villageIdentity(reference, opened.villageCode, opened.fiscalYear),
    period,
    budgetLabel: inForce.label ?? null,
    ...sections,
    totals: sectionTotals(sections),
    spendingBySource: Object.fromEntries(
      [...spendingBySource].map(([source, pairOf]) => [
        source,
        figures(pairOf.budget, pairOf.realised),
      ]),
    ),
    revenueByAccount: Object.fromEntries(
      [...realisedRevenue].map(([key, amount]) => [key, toAmountText(amount)]),
    ),
  };
}

/** Sums forests node by node (same key, same place): the district and regency consolidation. */
export function mergeForests(forests: RealisationNode[][]): RealisationNode[] {
  const byKey = new Map<string, RealisationNode[]>();
  for (const forest of forests)
    for (const node of forest) {
      const same = byKey.get(node.key);
      if (same) same.push(node);
      else byKey.set(node.key, [node]);
    }
  return [...byKey.values()]
    .map((nodes) => ({
      ...nodes[0]!,
      ...figures(totalOf(nodes, 'budget'), totalOf(nodes, 'realised')),
      children: mergeForests(nodes.map((node) => node.children)),
    }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function mergeFigures(records: Record<string, Figures>[]): Record<string, Figures> {
  const keys = [...new Set(records.flatMap((record) => Object.keys(record)))].sort();
  return Object.fromEntries(
    keys.map((key) => {
      const present = records.map((record) => record[key]).filter((f): f is Figures => !!f);
      return [
        key,
        figures(
          sum(present.map((f) => rupiah(f.budget))),
          sum(present.map((f) => rupiah(f.realised))),
        ),
      ];
    }),
  );
}

/** The consolidation of village reports: every section merged, totals recomputed from the merged trees. */
export function consolidate(reports: RealisationSections[]): RealisationSections {
  const sections = {
    revenue: mergeForests(reports.map((r) => r.revenue)),
    spending: mergeForests(reports.map((r) => r.spending)),
    financingReceipts: mergeForests(reports.map((r) => r.financingReceipts)),
    financingExpenditures: mergeForests(reports.map((r) => r.financingExpenditures)),
  };
  const revenueByAccount = new Map<string, Rupiah>();
  for (const report of reports)
    for (const [key, amount] of Object.entries(report.revenueByAccount))
      revenueByAccount.set(key, (revenueByAccount.get(key) ?? ZERO).plus(rupiah(amount)));
  return {
    ...sections,
    totals: sectionTotals(sections),
    spendingBySource: mergeFigures(reports.map((r) => r.spendingBySource)),
    revenueByAccount: Object.fromEntries(
      [...revenueByAccount].map(([key, amount]) => [key, toAmountText(amount)]),
    ),
  };
}

export interface VillageRealisationSummary {
  identity: VillageIdentity;
  totals: RealisationSections['totals'];
}

export interface DistrictRealisation extends RealisationSections {
  districtCode: string;
  districtName: string;
  villages: VillageRealisationSummary[];
}

export interface RegencyRealisation extends RealisationSections {
  regency: { code: string; name: string };
  fiscalYear: number;
  period: Period;
  districts: DistrictRealisation[];
}

/** Per district and for the regency, consolidated from every village with a ledger (optionally one district). */
export function regencyRealisation(
  villageStates: (villageCode: string) => VillageState | undefined,
  reference: ReferenceData,
  period: Period,
  districtCode?: string,
): RegencyRealisation {
  const districts = [...reference.districts.values()]
    .filter((district) => districtCode === undefined || district.code === districtCode)
    .map((district): DistrictRealisation => {
      const reports = [...reference.villages.values()]
        .filter((village) => village.districtCode === district.code)
        .flatMap((village) => {
          const state = villageStates(village.code);
          return state?.fiscalYear ? [villageRealisation(state, reference, period)] : [];
        });
      return {
        districtCode: district.code,
        districtName: district.name,
        villages: reports.map((r) => ({ identity: r.identity, totals: r.totals })),
        ...consolidate(reports),
      };
    });
  return {
    regency: reference.regency,
    fiscalYear: reference.fiscalYear,
    period,
    districts,
    ...consolidate(districts),
  };
}
