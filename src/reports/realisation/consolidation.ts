import { rupiah, sum, ZERO, type Rupiah } from '../../domain/shared/money';
import { mapSections, sectionTotals, type Pair } from './figures';
import {
  inCodeOrder,
  realisationTree,
  type RealisationNode,
  type RealisationSections,
} from './tree';
import { amountTexts, figuresBy, type RealisationItems } from './village-realisation';

const totalOf = (nodes: RealisationNode[], key: 'budget' | 'realised') =>
  sum(nodes.map((node) => rupiah(node[key])));

/**
 * The one consolidation of villages (a district's, a regency's): one tree per
 * section over every village's items is what summing their trees node by node
 * would give (sums per node, code order), without building a tree per village.
 */
export function consolidate(villages: readonly RealisationItems[]): RealisationSections {
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
    ...sections,
    totals: sectionTotals(
      mapSections((section) => ({
        budget: totalOf(sections[section], 'budget'),
        realised: totalOf(sections[section], 'realised'),
      })),
    ),
    spendingBySource: figuresBy(
      new Map([...spendingBySource].sort(([a], [b]) => (a < b ? -1 : 1))),
    ),
    revenueByAccount: amountTexts(revenueByAccount),
  };
}
