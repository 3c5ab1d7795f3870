import Decimal from 'decimal.js';
import type {
  ProjectOutput,
  ProjectOutputsState,
} from '../../../projections/read-models/project-outputs';
import type { ReferenceData } from '../../domain/reference/reference-data';
import { rupiah, sum, toAmountText } from '../../domain/shared/money';
import { isWithinRegion } from '../../domain/shared/region-codes';

/** One project: its planned volume beside the realised one, its progress and what is missing. */
export interface OutputRow {
  projectId: string;
  title: string;
  villageCode: string;
  villageName: string;
  kegiatanCode: string;
  outputType: string;
  unit: string;
  budget: string;
  plannedVolume: string;
  realisedVolume: string;
  /** Realised of planned volume, percent with two decimals. */
  volumePercent: string;
  /** The last reported progress; null before the first report. */
  percent: number | null;
  /** The progress a straight line from planned start to planned end reaches on `asOf`. */
  expectedPercent: number;
  plannedStart: string;
  plannedEnd: string;
  lastReportDate: string | null;
  /** The photo steps due by `asOf` (by the straight-line schedule) that no report with a photo reached. */
  missingPhotoSteps: number[];
  flaggedPhotos: number;
  openSuspicions: number;
}

/** The realisation of one output type (and unit): what the Dana Desa output list counts. */
export interface OutputTypeRow {
  outputType: string;
  unit: string;
  projects: number;
  plannedVolume: string;
  realisedVolume: string;
  volumePercent: string;
}

/** Why a project is on the behind-schedule list. */
export type LateReason = 'not-reported' | 'overdue';

export interface ProjectOutputsReport {
  regency: { code: string; name: string };
  fiscalYear: number;
  asOf: string;
  district: { code: string; name: string } | null;
  /** The photo steps the list of missing photos is judged by. */
  photoSteps: number[];
  projects: OutputRow[];
  byOutputType: OutputTypeRow[];
  behindSchedule: (OutputRow & { reason: LateReason })[];
  photosMissing: OutputRow[];
  /** Projects with a duplicate suspicion regency finance has not yet cleared or confirmed. */
  suspected: OutputRow[];
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS;

const percentOf = (part: Decimal, whole: Decimal) =>
  whole.isZero() ? '0.00' : part.times(100).dividedBy(whole).toFixed(2);

/** The straight-line progress on `asOf`: 0 before the start, 100 from the planned end. */
export function expectedPercent(plannedStart: string, plannedEnd: string, asOf: string): number {
  const span = days(plannedStart, plannedEnd);
  const gone = days(plannedStart, asOf);
  if (gone < 0) return 0;
  if (span <= 0 || gone >= span) return 100;
  return Math.floor((gone / span) * 100);
}

function outputRow(
  { project, reports, openSuspicions }: ProjectOutput,
  reference: ReferenceData,
  asOf: string,
  photoSteps: readonly number[],
): OutputRow {
  const counted = reports.filter((report) => report.reportDate <= asOf);
  const last = counted.at(-1);
  const realised = last?.realisedVolume ?? '0';
  const expected = expectedPercent(project.plannedStart, project.plannedEnd, asOf);
  const evidenced = (step: number) =>
    counted.some((report) => report.photos > 0 && report.percent >= step);
  return {
    projectId: project.projectId,
    title: project.title,
    villageCode: project.villageCode,
    villageName: reference.villages.get(project.villageCode)?.name ?? project.villageCode,
    kegiatanCode: project.kegiatanCode,
    outputType: project.outputType,
    unit: project.unit,
    budget: toAmountText(sum(project.budget.map((line) => rupiah(line.amount)))),
    plannedVolume: project.volume,
    realisedVolume: realised,
    volumePercent: percentOf(new Decimal(realised), new Decimal(project.volume)),
    percent: last?.percent ?? null,
    expectedPercent: expected,
    plannedStart: project.plannedStart,
    plannedEnd: project.plannedEnd,
    lastReportDate: last?.reportDate ?? null,
    missingPhotoSteps: photoSteps.filter(
      (step) => asOf >= project.plannedStart && step <= expected && !evidenced(step),
    ),
    flaggedPhotos: counted.reduce((total, report) => total + report.flaggedPhotos, 0),
    openSuspicions: openSuspicions.length,
  };
}

function lateReason(row: OutputRow, asOf: string): LateReason | undefined {
  if (asOf > row.plannedEnd && (row.percent ?? 0) < 100) return 'overdue';
  if (asOf >= row.plannedStart && row.percent === null) return 'not-reported';
  return undefined;
}

/**
 * The realisation of the regency's physical outputs in a fiscal year (or a
 * district's): planned against realised volume per project and per output
 * type, the projects behind schedule, those whose photo steps are missing
 * and those with an open duplicate suspicion.
 * Photo steps are the year's policy row `monitoring` (reference data); the
 * server's KASDESA_MONITORING_POLICY override is not seen by reports.
 */
export function projectOutputsReport(
  state: ProjectOutputsState,
  reference: ReferenceData,
  asOf: string,
  districtCode?: string,
): ProjectOutputsReport {
  const photoSteps = [...reference.policy.monitoring.photoSteps];
  const region = districtCode ?? reference.regency.code;
  const projects = Object.values(state.projects)
    .filter(
      ({ project }) =>
        project.fiscalYear === reference.fiscalYear && isWithinRegion(project.villageCode, region),
    )
    .map((output) => outputRow(output, reference, asOf, photoSteps))
    .sort(
      (a, b) =>
        a.villageCode.localeCompare(b.villageCode) || a.projectId.localeCompare(b.projectId),
    );
  const types = new Map<string, OutputRow[]>();
  for (const row of projects) {
    const key = `${row.outputType}|${row.unit}`;
    types.set(key, [...(types.get(key) ?? []), row]);
  }
  const byOutputType = [...types.values()]
    .map((rows): OutputTypeRow => {
      const planned = Decimal.sum(...rows.map((row) => row.plannedVolume));
      const realised = Decimal.sum(...rows.map((row) => row.realisedVolume));
      return {
        outputType: rows[0]!.outputType,
        unit: rows[0]!.unit,
        projects: rows.length,
        plannedVolume: planned.toString(),
        realisedVolume: realised.toString(),
        volumePercent: percentOf(realised, planned),
      };
    })
    .sort((a, b) => a.outputType.localeCompare(b.outputType) || a.unit.localeCompare(b.unit));
  const behindSchedule = projects.flatMap((row) => {
    const reason = lateReason(row, asOf);
    return reason ? [{ ...row, reason }] : [];
  });
  return {
    regency: { code: reference.regency.code, name: reference.regency.name },
    fiscalYear: reference.fiscalYear,
    asOf,
    district: districtCode
      ? {
          code: districtCode,
          name: reference.districts.get(districtCode)?.name ?? districtCode,
        }
      : null,
    photoSteps,
    projects,
    byOutputType,
    behindSchedule,
    photosMissing: projects.filter((row) => row.missingPhotoSteps.length > 0),
    suspected: projects.filter((row) => row.openSuspicions > 0),
  };
}
