import type { NodeLevel } from '../../../projections/folds/budget-tree';
import type { VillageIdentity } from '../../../projections/folds/reference-lookup';
import type { VillagePlanningTrail } from '../../../projections/read-models/planning-trail';
import { rupiah } from '../../domain/shared/money';
import type { ActivityRealisationReport } from '../../reports/activity-realisation/activity-realisation';
import type { VillageFundFlowReport } from '../../reports/fund-flow/fund-flow-report';
import type { Figures } from '../../reports/realisation/figures';
import type { RealisationNode } from '../../reports/realisation/tree';
import type { VillageRealisation } from '../../reports/realisation/village-realisation';

/** One row of a public table: a revenue type or a bidang, with the report's own figures. */
export interface PublicRow extends Figures {
  code: string;
  name: string;
}

export interface PublicActivity {
  name: string;
  hamlet: string;
  budget: string;
  realised: string;
  /** Sisa = Anggaran − Realisasi. */
  remaining: string;
  /** Fully realised: nothing of its budget is left. */
  finished: boolean;
}

/** One fund source from the regency's allocation to what the village still holds of it. */
export interface PublicSourceFlow {
  source: string;
  name: string;
  /** Pagu: the regency's allocation (none for the village's own revenue). */
  allocation: string;
  received: string;
  spent: string;
  /** What the source still holds in the village's cash: the SiLPA once the year is closed. */
  remaining: string;
}

/**
 * What the public transparency page shows of a village's year: aggregate
 * figures of the catalogue reports only. Nothing here names a person, an
 * account or a tax number; payees, executors and users never reach it.
 */
export interface PublicYear {
  identity: VillageIdentity;
  /** The APBDes version in force at the end of the period. */
  budgetLabel: string | null;
  /** The last day the realisation covers. */
  until: string;
  revenueTotal: Figures;
  spendingTotal: Figures;
  financingReceipts: Figures;
  financingExpenditures: Figures;
  /** SiLPA: revenue and net financing left after spending. */
  silpa: Figures;
  revenue: PublicRow[];
  bidang: PublicRow[];
  activities: PublicActivity[];
  /** The spending budget not yet realised, all activities together. */
  remaining: string;
  fundFlow: PublicSourceFlow[];
}

/** The rows of a report tree at one level (jenis pendapatan, bidang), in the report's order. */
function rowsAt(nodes: readonly RealisationNode[], level: NodeLevel): PublicRow[] {
  return nodes.flatMap((node) =>
    node.level === level
      ? [
          {
            code: node.code,
            name: node.description,
            budget: node.budget,
            realised: node.realised,
            difference: node.difference,
            percent: node.percent,
          },
        ]
      : rowsAt(node.children, level),
  );
}

/** The reports the public page is built from, each as the catalogue serves it. */
export interface PublicReports {
  realisation: VillageRealisation;
  activities: ActivityRealisationReport;
  trail: VillagePlanningTrail;
  fundFlow: VillageFundFlowReport;
}

/**
 * The fund-flow report's sources that moved (an allocation, a receipt or
 * spending), amounts only: the report's receipt numbers stay out.
 */
function sourceFlows(report: VillageFundFlowReport): PublicSourceFlow[] {
  return report.village.sources
    .map((flow) => ({
      source: flow.source,
      name: flow.sourceName,
      allocation: flow.allocation,
      received: flow.received,
      spent: flow.spent,
      remaining: flow.cashRemaining,
    }))
    .filter((flow) =>
      [flow.allocation, flow.received, flow.spent, flow.remaining].some(
        (amount) => !rupiah(amount).isZero(),
      ),
    );
}

/** The page's figures from the village realisation, activity realisation, planning-trail and fund-flow reports. */
export function publicYear({
  realisation,
  activities,
  trail,
  fundFlow,
}: PublicReports): PublicYear {
  const hamlets = new Map(trail.activities.map((planned) => [planned.activityId, planned.hamlet]));
  return {
    identity: realisation.identity,
    budgetLabel: realisation.budgetLabel,
    until: realisation.period.to,
    revenueTotal: realisation.totals.revenue,
    spendingTotal: realisation.totals.spending,
    financingReceipts: realisation.totals.financingReceipts,
    financingExpenditures: realisation.totals.financingExpenditures,
    silpa: realisation.totals.silpa,
    revenue: rowsAt(realisation.revenue, 'jenis'),
    bidang: rowsAt(realisation.spending, 'bidang'),
    activities: activities.activities.map((activity) => ({
      name: activity.name,
      hamlet: hamlets.get(activity.activityId) ?? '–',
      budget: activity.budget,
      realised: activity.realised,
      remaining: activity.remaining,
      finished: rupiah(activity.remaining).lte(0),
    })),
    remaining: activities.totals.difference,
    fundFlow: sourceFlows(fundFlow),
  };
}
