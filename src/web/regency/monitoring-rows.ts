import Decimal from 'decimal.js';
import { rupiah, sum, toAmountText } from '../../domain/shared/money';
import type { ApbdesStatus, MonitoringReport } from '../../reports/monitoring/monitoring-report';
import type { ProjectCounts } from '../../reports/monitoring/project-counts';

/** One village's line of the monitoring table, from the catalogue's regency monitoring report. */
export interface MonitoringRow {
  villageCode: string;
  villageName: string;
  districtCode: string;
  districtName: string;
  status: ApbdesStatus;
  /** The date the original APBDes was enacted; null before. */
  enactedOn: string | null;
  /** Per source: budgeted, realised, percent (null when nothing was budgeted). */
  absorption: { source: string; budget: string; realised: string; percent: string | null }[];
  /** Realised over budgeted across the sources, in percent; null without a budget or a ledger. */
  absorbed: string | null;
  /** Months whose closing deadline has passed and that are not closed; null without a ledger. */
  monthsOpen: number | null;
  /** Tax withheld and not deposited, and the part of it past its due date. */
  taxPayable: string;
  taxOverdue: string;
  /** Panjar not accounted for by SPJ in time: how many and how much. */
  panjarCount: number;
  panjarAmount: string;
  /** The semester I report is due and the June closing it needs is not done. */
  semesterReportLate: boolean;
  /** The village has opened its year: it has books and reports to drill down to. */
  hasLedger: boolean;
  /** Its physical projects of the year: how many, behind schedule, without photos, open suspicions. */
  projects: ProjectCounts;
  /** Rows of an imported Siskeudes year booked despite a rule, flagged. */
  importedExceptions: number;
}

/** The orders the table can be sorted in (`?urut=`), each as a reader names it. */
export const SORT_ORDERS = {
  kode: 'Kode desa',
  serapan: 'Serapan terendah',
  bulan: 'Bulan belum ditutup terbanyak',
  pajak: 'Pajak belum disetor terbesar',
  panjar: 'Panjar terbuka terbesar',
} as const;
export type SortOrder = keyof typeof SORT_ORDERS;

export const isSortOrder = (value: string): value is SortOrder => Object.hasOwn(SORT_ORDERS, value);

const total = (amounts: readonly string[]) => sum(amounts.map(rupiah));

/** Every village of the report (or of one district), in the order asked. */
export function monitoringRows(
  report: MonitoringReport,
  district: string | undefined,
  order: SortOrder,
): MonitoringRow[] {
  const rows = report.districts
    .filter((shown) => district === undefined || shown.districtCode === district)
    .flatMap((shown) =>
      shown.villages.map((village): MonitoringRow => {
        const execution = village.execution;
        const absorption = execution?.absorption ?? [];
        const budget = total(absorption.map((entry) => entry.budget));
        const realised = total(absorption.map((entry) => entry.realised));
        return {
          villageCode: village.identity.villageCode,
          villageName: village.identity.villageName,
          districtCode: shown.districtCode,
          districtName: shown.districtName,
          status: village.status,
          enactedOn: village.apbdes?.enactedBy.date ?? null,
          absorption: absorption.map(({ source, budget, realised, percent }) => ({
            source,
            budget,
            realised,
            percent,
          })),
          absorbed: budget.isZero() ? null : realised.div(budget).times(100).toFixed(2),
          monthsOpen: execution ? execution.closingsDue - execution.closingsDone : null,
          taxPayable: toAmountText(total((execution?.overdueTax ?? []).map((tax) => tax.payable))),
          taxOverdue: toAmountText(total((execution?.overdueTax ?? []).map((tax) => tax.overdue))),
          panjarCount: execution?.overduePanjar.length ?? 0,
          panjarAmount: toAmountText(
            total((execution?.overduePanjar ?? []).map((panjar) => panjar.amount)),
          ),
          semesterReportLate:
            execution !== null &&
            execution.semesterReport.due < report.asOf &&
            !execution.semesterReport.ready,
          hasLedger: execution !== null,
          projects: village.projects,
          importedExceptions: village.importedExceptions,
        };
      }),
    );
  return rows.sort(ORDERINGS[order]);
}

type Ordering = (a: MonitoringRow, b: MonitoringRow) => number;

const byCode: Ordering = (a, b) => a.villageCode.localeCompare(b.villageCode);
/** Larger amounts first; equal ones by village code. */
const largerFirst =
  (amount: (row: MonitoringRow) => string): Ordering =>
  (a, b) =>
    rupiah(amount(b)).comparedTo(rupiah(amount(a))) || byCode(a, b);

/** Each order; villages without a figure (no ledger yet) come last, by code. */
const ORDERINGS: Record<SortOrder, Ordering> = {
  kode: byCode,
  serapan: (a, b) => {
    if (a.absorbed === null || b.absorbed === null)
      return Number(a.absorbed === null) - Number(b.absorbed === null) || byCode(a, b);
    return new Decimal(a.absorbed).comparedTo(b.absorbed) || byCode(a, b);
  },
  bulan: (a, b) => (b.monthsOpen ?? -1) - (a.monthsOpen ?? -1) || byCode(a, b),
  pajak: largerFirst((row) => row.taxPayable),
  panjar: largerFirst((row) => row.panjarAmount),
};
