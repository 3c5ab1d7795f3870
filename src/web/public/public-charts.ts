import { barChartData, type BarChartData } from '../charts/chart-data';
import { BUDGET_REALISED, FUND_FLOW_STAGES } from '../charts/chart-series';
import type { PublicRow, PublicSourceFlow } from './public-year';

/** Budget and realised of each revenue type or bidang, on one scale. */
export const realisationChart = (rows: readonly PublicRow[]): BarChartData =>
  barChartData(
    BUDGET_REALISED,
    rows.map((row) => ({ label: row.name, amounts: [row.budget, row.realised] })),
  );

/** Each fund source: pagu → received → spent → remaining, on one scale. */
export const fundFlowChart = (flows: readonly PublicSourceFlow[]): BarChartData =>
  barChartData(
    FUND_FLOW_STAGES,
    flows.map((flow) => ({
      label: `${flow.name} (${flow.source})`,
      amounts: [flow.allocation, flow.received, flow.spent, flow.remaining],
    })),
  );
