import type { RealisationNode } from '../../reports/realisation/tree';
import type { VillageRealisation } from '../../reports/realisation/village-realisation';

/** A bidang's spending row of the realisation report: budget, realised, and what is left. */
export interface BidangFigures {
  code: string;
  name: string;
  budget: string;
  realised: string;
  /** Lebih/(Kurang): the budget still left. */
  left: string;
}

/** The bidang rows of the report's spending tree, as the report computed them. */
export function budgetByBidang(report: VillageRealisation): BidangFigures[] {
  const rows: BidangFigures[] = [];
  const visit = (nodes: readonly RealisationNode[]) => {
    for (const node of nodes) {
      if (node.level === 'bidang')
        rows.push({
          code: node.code,
          name: node.description,
          budget: node.budget,
          realised: node.realised,
          left: node.difference,
        });
      else visit(node.children);
    }
  };
  visit(report.spending);
  return rows;
}
