import type {
  ProjectOutputsState,
  SuspectedProject,
} from '../../../projections/read-models/project-outputs';

/** A village's projects in the regency monitoring, as of the report's date. */
export interface ProjectCounts {
  /** Projects lying in the village in the fiscal year, whoever pays for them. */
  registered: number;
  /** Past their planned end and not reported at 100 %. */
  behindSchedule: number;
  /** Past their planned start with no photo reported. */
  withoutPhotos: number;
  /**
   * Open duplicate suspicions concerning one of those projects, on either side
   * of the pair: a pair across two villages counts in each.
   */
  openSuspicions: number;
}

export const NO_PROJECTS: ProjectCounts = {
  registered: 0,
  behindSchedule: 0,
  withoutPhotos: 0,
  openSuspicions: 0,
};

/** Every village's counts in one pass over the regency's projects, by village code. */
export function projectCountsByVillage(
  state: ProjectOutputsState,
  fiscalYear: number,
  asOf: string,
): Map<string, ProjectCounts> {
  const counts = new Map<string, ProjectCounts>();
  const add = (villageCode: string, key: keyof ProjectCounts) => {
    const village = counts.get(villageCode) ?? { ...NO_PROJECTS };
    village[key] += 1;
    counts.set(villageCode, village);
  };
  const inYear = (side: SuspectedProject) => side.fiscalYear === fiscalYear;
  for (const { project, reports } of Object.values(state.projects)) {
    if (!inYear(project)) continue;
    add(project.villageCode, 'registered');
    if (project.plannedEnd < asOf && (reports.at(-1)?.percent ?? 0) < 100)
      add(project.villageCode, 'behindSchedule');
    if (project.plannedStart < asOf && reports.every((report) => report.photos === 0))
      add(project.villageCode, 'withoutPhotos');
  }
  for (const { status, later, earlier } of Object.values(state.suspicions)) {
    if (status !== 'open') continue;
    const villages = new Set([later, earlier].filter(inYear).map((side) => side.villageCode));
    for (const villageCode of villages) add(villageCode, 'openSuspicions');
  }
  return counts;
}
