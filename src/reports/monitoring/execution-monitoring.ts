import type { ReferenceData } from '../../domain/reference/reference-data';
import { rupiah, toAmountText } from '../../domain/shared/money';
import { balanceOf } from '../../domain/village/books';
import { overduePanjar, type OverduePanjar } from '../../domain/village/monitoring';
import { overdueTax, type OverdueTax } from '../../domain/village/queries/overdue-tax';
import { latestVersion } from '../../domain/village/state';
import { figures, type Figures } from '../realisation/figures';
import type { VillageView } from '../../../projections/folds/village-books';

/**
 * The execution side of the regency monitoring view for one village:
 * absorption per source, monthly closings due and done, the semester I
 * report, tax withheld not deposited and panjar not accounted in time
 * (the domain's own monitoring queries). Deadlines (monitored, not enforced):
 * a month is closed by the 10th of the next; the semester I report by the
 * second week of July.
 */
export interface ExecutionMonitoring {
  /** Per source: spending budgeted in the latest version against realised. */
  absorption: (Figures & { source: string })[];
  monthsClosed: string[];
  closingsDue: number;
  closingsDone: number;
  semesterReport: { due: string; ready: boolean };
  overdueTax: OverdueTax[];
  overduePanjar: OverduePanjar[];
}

const CLOSING_DAY = 10;
const SEMESTER_REPORT_DAY = '07-14';
const MONTHS = 12;

function closingDeadline(fiscalYear: number, month: number): string {
  const next = new Date(Date.UTC(fiscalYear, month, CLOSING_DAY));
  return next.toISOString().slice(0, 10);
}

function absorption(state: VillageView): ExecutionMonitoring['absorption'] {
  const bySource = new Map<string, { budget: string[]; realised: string[] }>();
  for (const line of latestVersion(state.budget)?.lines.values() ?? []) {
    if (line.kind === 'revenue' || (line.kind === 'financing' && line.direction === 'receipt'))
      continue;
    const entry = bySource.get(line.source) ?? { budget: [], realised: [] };
    entry.budget.push(line.amount);
    entry.realised.push(toAmountText(balanceOf(state.books, 'line', line.lineId)));
    bySource.set(line.source, entry);
  }
  const total = (texts: string[]) => texts.reduce((sum, t) => sum.plus(rupiah(t)), rupiah('0'));
  return [...bySource].map(([source, { budget, realised }]) => ({
    source,
    ...figures(total(budget), total(realised)),
  }));
}

export function executionMonitoring(
  state: VillageView,
  reference: ReferenceData,
  asOf: string,
): ExecutionMonitoring {
  const year = reference.fiscalYear;
  const monthsClosed = [...state.closing.months.keys()].sort();
  const due = Array.from({ length: MONTHS }, (_, i) => i + 1).filter(
    (month) => closingDeadline(year, month) < asOf,
  ).length;
  const june = `${year}-06`;
  return {
    absorption: absorption(state),
    monthsClosed,
    closingsDue: due,
    closingsDone: monthsClosed.length,
    semesterReport: {
      due: `${year}-${SEMESTER_REPORT_DAY}`,
      ready: monthsClosed.includes(june),
    },
    overdueTax: overdueTax(state.whole(), reference.policy, asOf),
    overduePanjar: overduePanjar(state.whole(), reference.policy, asOf),
  };
}
