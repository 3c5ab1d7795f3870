import { prefixAt } from '../../domain/reference/codes';
import type { ReferenceData } from '../../domain/reference/reference-data';
import { rupiah, sum, toAmountText, ZERO, type Rupiah } from '../../domain/shared/money';
import { balancesOf, type MovementKind } from '../../domain/village/books';
import { budgetAt } from '../../domain/village/budget-in-force';
import type { BudgetLine } from '../../domain/village/lines';
import { accountSteps } from '../../../projections/folds/apbdes-layout';
import {
  buildTree,
  type BudgetNode,
  type NodeLevel,
  type PathStep,
} from '../../../projections/folds/budget-tree';
import { villageIdentity, type VillageIdentity } from '../../../projections/folds/reference-lookup';
import { sumText } from '../render/sum-text';
import type { VillageView } from '../../../projections/folds/village-books';

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

/** The figures of a row from its sums (see sumText). */
export function figures(budget: Rupiah, realised: Rupiah): Figures {
  return {
    budget: sumText(budget),
    realised: sumText(realised),
    difference: sumText(budget.minus(realised)),
    percent: budget.isZero() ? null : realised.div(budget).times(100).toFixed(2),
  };
}

/**
 * Σ of one kind of the domain's movements per id, over entries dated within
 * the period. A period covering the whole year is the domain's balance itself
 * (no need to fold the year's entries).
 */
export function movementsWithin(
  state: VillageView,
  kind: MovementKind,
  period: Period,
): Map<string, Rupiah> {
  const year = fullYear(state.fiscalYear!.fiscalYear);
  if (period.from <= year.from && period.to >= year.to)
    return new Map(balancesOf(state.books, kind));
  const totals = new Map<string, Rupiah>();
  for (const entry of state.whole().books.entries.values()) {
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

type SpendingLine = Extract<BudgetLine, { kind: 'spending' }>;

function spendingPath(line: SpendingLine, reference: ReferenceData) {
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

interface Paths {
  account(account: string, from: number): PathStep[];
  spending(line: SpendingLine): PathStep[];
}

/** Tree paths per reference data, kept: a code's path never changes, and each is asked 200 times a report. */
const knownPaths = new WeakMap<ReferenceData, Paths>();

function pathsOf(reference: ReferenceData): Paths {
  const found = knownPaths.get(reference);
  if (found) return found;
  const accounts = new Map<string, PathStep[]>();
  const spending = new WeakMap<SpendingLine, PathStep[]>();
  const paths: Paths = {
    account(account, from) {
      const key = `${from}:${account}`;
      let path = accounts.get(key);
      if (!path) accounts.set(key, (path = accountSteps(account, from, 4, reference)));
      return path;
    },
    spending(line) {
      let path = spending.get(line);
      if (!path) spending.set(line, (path = spendingPath(line, reference)));
      return path;
    },
  };
  knownPaths.set(reference, paths);
  return paths;
}

/** Every line any version had, the latest definition winning: realisation may sit on a removed line. */
function knownLines(state: VillageView): Map<string, BudgetLine> {
  const lines = new Map<string, BudgetLine>();
  for (const version of state.budget.versions)
    for (const line of version.lines.values()) lines.set(line.lineId, line);
  return lines;
}

const totalOf = (nodes: RealisationNode[], key: 'budget' | 'realised') =>
  sum(nodes.map((node) => rupiah(node[key])));

type SectionName = 'revenue' | 'spending' | 'financingReceipts' | 'financingExpenditures';
const SECTIONS: SectionName[] = [
  'revenue',
  'spending',
  'financingReceipts',
  'financingExpenditures',
];

type Sections = Record<SectionName, RealisationNode[]>;
type Pair = { budget: Rupiah; realised: Rupiah };

const sumOf = (items: Item[], key: keyof Pair) => sum(items.map((item) => item[key]));

/** The totals rows from the budget and realised sum of each section. */
function sectionTotals(sums: Record<SectionName, Pair>): RealisationSections['totals'] {
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

const treeTotals = (sections: Sections) =>
  sectionTotals(
    mapSections((section) => ({
      budget: totalOf(sections[section], 'budget'),
      realised: totalOf(sections[section], 'realised'),
    })),
  );

function mapSections<T>(each: (section: SectionName) => T): Record<SectionName, T> {
  return Object.fromEntries(SECTIONS.map((section) => [section, each(section)])) as Record<
    SectionName,
    T
  >;
}

/** A village's lines and realisation as tree items per section, before any tree is built. */
interface RealisationItems {
  identity: VillageIdentity;
  budgetLabel: string | null;
  items: Record<SectionName, Item[]>;
  /** Realised spending per fund source, with its budget. */
  spendingBySource: Map<string, Pair>;
  /** Realised revenue per `account|source`. */
  revenueByAccount: Map<string, Rupiah>;
  /** The totals rows: Σ of each section's items is Σ of its tree's roots. */
  totals: RealisationSections['totals'];
}

/**
 * A village's items for its latest period, kept until the village moves: a
 * regency report asked again after one receipt recomputes that one village.
 */
const itemsCache = new WeakMap<
  VillageView,
  { key: string; reference: ReferenceData; items: RealisationItems }
>();

function realisationItems(
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
        realised: receipt ? ZERO : realised,
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
  if (silpaAccount && period.from <= `${opened.fiscalYear}-01-01`) {
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

const figuresBy = (pairs: Map<string, Pair>) =>
  Object.fromEntries([...pairs].map(([key, pair]) => [key, figures(pair.budget, pair.realised)]));

const amountTexts = (amounts: Map<string, Rupiah>) =>
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
    .sort(byCode);
}

const byCode = (a: RealisationNode, b: RealisationNode) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

/** Children in code order at every level, as merged forests come out. */
function inCodeOrder(nodes: RealisationNode[]): RealisationNode[] {
  return nodes.map((node) => ({ ...node, children: inCodeOrder(node.children) })).sort(byCode);
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
  const sections = mapSections((section) => mergeForests(reports.map((r) => r[section])));
  const revenueByAccount = new Map<string, Rupiah>();
  for (const report of reports)
    for (const [key, amount] of Object.entries(report.revenueByAccount))
      revenueByAccount.set(key, (revenueByAccount.get(key) ?? ZERO).plus(rupiah(amount)));
  return {
    ...sections,
    totals: treeTotals(sections),
    spendingBySource: mergeFigures(reports.map((r) => r.spendingBySource)),
    revenueByAccount: Object.fromEntries(
      [...revenueByAccount].map(([key, amount]) => [key, toAmountText(amount)]),
    ),
  };
}

/**
 * A district's consolidation straight from its villages' items: one tree per
 * section over them all is what merging every village's tree gives (sums
 * per node, code order), without building 200 village trees first.
 */
function districtSections(villages: RealisationItems[]): Omit<RealisationSections, 'totals'> & {
  villages: VillageRealisationSummary[];
  totals: RealisationSections['totals'];
} {
  const sections = mapSections((section) =>
    inCodeOrder(realisationTree(villages.flatMap((village) => village.items[section]))),
  );
  const spendingBySource = new Map<string, Pair>();
  const revenueByAccount = new Map<string, Rupiah>();
  for (const village of villages) {
    for (const [source, pair] of village.spendingBySource) {
      const before = spendingBySource.get(source) ?? { budget: ZERO, realised: ZERO };
      spendingBySource.set(source, {
        budget: before.budget.plus(pair.budget),
        realised: before.realised.plus(pair.realised),
      });
    }
    for (const [key, amount] of village.revenueByAccount)
      revenueByAccount.set(key, (revenueByAccount.get(key) ?? ZERO).plus(amount));
  }
  return {
    villages: villages.map(({ identity, totals }) => ({ identity, totals })),
    ...sections,
    totals: treeTotals(sections),
    spendingBySource: figuresBy(
      new Map([...spendingBySource].sort(([a], [b]) => (a < b ? -1 : 1))),
    ),
    revenueByAccount: amountTexts(revenueByAccount),
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
  villageStates: (villageCode: string) => VillageView | undefined,
  reference: ReferenceData,
  period: Period,
  districtCode?: string,
): RegencyRealisation {
  const districts = [...reference.districts.values()]
    .filter((district) => districtCode === undefined || district.code === districtCode)
    .map((district): DistrictRealisation => {
      const villages = [...reference.villages.values()]
        .filter((village) => village.districtCode === district.code)
        .flatMap((village) => {
          const state = villageStates(village.code);
          return state?.fiscalYear ? [realisationItems(state, reference, period)] : [];
        });
      return {
        districtCode: district.code,
        districtName: district.name,
        ...districtSections(villages),
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
