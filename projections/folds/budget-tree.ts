import { compareCodes } from '../../src/domain/shared/dotted-codes';
import { rupiah, sum, toAmountText, ZERO, type Rupiah } from '../../src/domain/shared/money';

export type NodeLevel =
  'akun' | 'kelompok' | 'jenis' | 'objek' | 'bidang' | 'subBidang' | 'kegiatan' | 'rincian';

/** One row of a budget document; a group's amount is the sum of its children. */
export interface BudgetNode {
  key: string;
  level: NodeLevel;
  code: string;
  description: string;
  amount: string;
  /** Keluaran (kegiatan) or quantity (rincian belanja). */
  output?: { volume: string; unit: string };
  /** Sumber dana, on rincian rows. */
  source?: string;
  children: BudgetNode[];
}

export type PathStep = Omit<BudgetNode, 'amount' | 'children'>;

interface Building {
  step: PathStep;
  amount: Rupiah;
  order: number;
  children: Map<string, Building>;
}

/** Builds the forest of paths, summing amounts up every group, children in code order. */
export function buildTree(items: { path: PathStep[]; amount: Rupiah }[]): BudgetNode[] {
  const roots = new Map<string, Building>();
  let order = 0;
  for (const { path, amount } of items) {
    let level = roots;
    for (const step of path) {
      let node = level.get(step.key);
      if (!node) {
        node = { step, amount: ZERO, order: order++, children: new Map() };
        level.set(step.key, node);
      }
      node.amount = node.amount.plus(amount);
      level = node.children;
    }
  }
  return finish(roots);
}

function finish(level: Map<string, Building>): BudgetNode[] {
  return [...level.values()]
    .sort((a, b) => compareCodes(a.step.code, b.step.code) || a.order - b.order)
    .map((node) => ({
      ...node.step,
      amount: toAmountText(node.amount),
      children: finish(node.children),
    }));
}

export function totalOf(nodes: readonly BudgetNode[]): Rupiah {
  return sum(nodes.map((node) => rupiah(node.amount)));
}

/** Every node depth-first, parents before children. */
export function* walk(nodes: readonly BudgetNode[], depth = 0): Generator<[BudgetNode, number]> {
  for (const node of nodes) {
    yield [node, depth];
    yield* walk(node.children, depth + 1);
  }
}
