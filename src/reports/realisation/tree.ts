import { prefixAt } from '../../domain/shared/dotted-codes';
import type { ReferenceData } from '../../domain/reference/reference-data';
import { rupiah, type Rupiah } from '../../domain/shared/money';
import type { BudgetLine } from '../../domain/village/lines';
import { accountSteps } from '../../../projections/folds/apbdes-layout';
import {
  buildTree,
  type BudgetNode,
  type NodeLevel,
  type PathStep,
} from '../../../projections/folds/budget-tree';
import { figures, type Figures, type SectionName, type SectionTotals } from './figures';

export interface RealisationNode extends Figures {
  key: string;
  level: NodeLevel;
  code: string;
  description: string;
  children: RealisationNode[];
}

/** The four sections as trees, their totals, and the two breakdowns the fund-flow report reads. */
export type RealisationSections = Record<SectionName, RealisationNode[]> & {
  totals: SectionTotals;
  /** Realised spending (belanja and pengeluaran pembiayaan) per fund source. */
  spendingBySource: Record<string, Figures>;
  /** Realised revenue per `account|source`. */
  revenueByAccount: Record<string, string>;
};

/** One budget line's place in the tree, with its budget and realisation. */
export interface Item {
  path: PathStep[];
  budget: Rupiah;
  realised: Rupiah;
}

/** Two trees over the same paths, zipped: the shapes agree because the items are the same. */
export function realisationTree(items: Item[]): RealisationNode[] {
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

const byCode = (a: RealisationNode, b: RealisationNode) =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

/** Children in code order at every level, as a consolidation lists them. */
export function inCodeOrder(nodes: RealisationNode[]): RealisationNode[] {
  return nodes.map((node) => ({ ...node, children: inCodeOrder(node.children) })).sort(byCode);
}

export type SpendingLine = Extract<BudgetLine, { kind: 'spending' }>;

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

export interface Paths {
  account(account: string, from: number): PathStep[];
  spending(line: SpendingLine): PathStep[];
}

/** Tree paths per reference data, kept: a code's path never changes, and each is asked 200 times a report. */
const knownPaths = new WeakMap<ReferenceData, Paths>();

export function pathsOf(reference: ReferenceData): Paths {
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
