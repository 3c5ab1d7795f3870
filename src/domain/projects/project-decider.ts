import { factBuilder, type CoreDecider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { withIdempotency } from '../shared/idempotency';
import { checkLineLength, checkNearVillage } from './geometry-rules';
import { flagPhoto } from './photo-flags';
import type { MonitoringPolicy } from './policy';
import type { ProjectCommand, RegisterProjectPayload, VillageArea } from './project-commands';
import { projectEventSchemas, type ProjectEvent, type RegisteredProject } from './project-events';

export type SuspicionStatus = 'open' | 'cleared' | 'confirmed';

/** The commands of a project's own stream; the duplicate commands go to the regency's (duplicate-decider.ts). */
export type ProjectStreamCommand = Extract<
  ProjectCommand,
  {
    type:
      'RegisterVillageProject' | 'RegisterRegencyProject' | 'ReportProgress' | 'CorrectProgress';
  }
>;

/** One project: what was registered and how far it has come. */
export interface ProjectState {
  project?: RegisteredProject;
  /** The latest percent reported or corrected; undefined before the first report. */
  percent?: number;
  realisedVolume?: string;
  lastReportDate?: string;
  /** Hashes of the photos reported so far. */
  photos: ReadonlySet<string>;
}

/**
 * What a decision needs from outside the stream: the regency's policy, whether
 * the village exists and where it lies, and whether another stream already
 * registered the project id (a village's projects and the regency's live on
 * different streams, so the stream alone cannot tell).
 */
export interface ProjectContext {
  policy: MonitoringPolicy;
  villageKnown: boolean;
  villageArea?: VillageArea;
  idTakenElsewhere: boolean;
}

export const initialProjectState: ProjectState = { photos: new Set() };

const fact = factBuilder<ProjectEvent>();

type Handler<K extends ProjectStreamCommand['type']> = (
  command: Extract<ProjectStreamCommand, { type: K }>,
  state: ProjectState,
  context: ProjectContext,
) => ReturnType<typeof fact>[] | DomainError;

/** The id of the suspicion that `projectId` duplicates `otherId`: stable, so a re-check repeats nothing. */
export const suspicionIdOf = (projectId: string, otherId: string) => `${projectId}~${otherId}`;

/**
 * A project is registered once, in a known village, with a period that ends
 * after it starts and a geometry that fits its village and volume. The
 * duplicate check follows on the regency's stream (duplicate-decider.ts).
 */
function registerProject(
  payload: RegisterProjectPayload,
  state: ProjectState,
  { policy, villageKnown, villageArea, idTakenElsewhere }: ProjectContext,
) {
  if (state.project || idTakenElsewhere)
    return new DomainError('PROJECT_ID_TAKEN', 'projectId', payload.projectId);
  if (!villageKnown) return new DomainError('REGION_KNOWN', 'villageCode', payload.villageCode);
  if (payload.plannedEnd < payload.plannedStart)
    return new DomainError('PROJECT_PERIOD', 'plannedEnd', payload.plannedEnd, {
      id: `mulai ${payload.plannedStart}`,
      en: `starts ${payload.plannedStart}`,
    });
  const geometryError =
    checkNearVillage(payload, villageArea, policy) ?? checkLineLength(payload, policy);
  if (geometryError) return geometryError;
  return [fact('ProjectRegistered', payload)];
}

function registered(state: ProjectState, projectId: string): RegisteredProject | DomainError {
  return state.project ?? new DomainError('PROJECT_KNOWN', 'projectId', projectId);
}

/** The policy's photo steps a move from `before` (undefined: no report yet) to `after` reaches. */
function stepsReached(before: number | undefined, after: number, steps: readonly number[]) {
  return steps.filter((step) => (before === undefined || before < step) && step <= after);
}

/**
 * Progress never goes down and reports come in date order; a report reaching
 * a photo step (0 % for the first) carries at least one photo. Each photo is
 * flagged by where and when it was taken.
 */
const reportProgress: Handler<'ReportProgress'> = ({ payload }, state, { policy }) => {
  const project = registered(state, payload.projectId);
  if (project instanceof DomainError) return project;
  if (state.percent !== undefined && payload.percent < state.percent)
    return new DomainError('PROGRESS_NOT_DECREASING', 'percent', String(payload.percent), {
      id: `kemajuan terakhir ${state.percent} %`,
      en: `the latest progress is ${state.percent} %`,
    });
  if (state.lastReportDate !== undefined && payload.reportDate < state.lastReportDate)
    return new DomainError('PROGRESS_DATE_ORDER', 'reportDate', payload.reportDate, {
      id: `laporan terakhir ${state.lastReportDate}`,
      en: `the latest report is of ${state.lastReportDate}`,
    });
  const steps = stepsReached(state.percent, payload.percent, policy.photoSteps);
  if (steps.length > 0 && payload.photos.length === 0)
    return new DomainError('PROGRESS_PHOTOS_REQUIRED', 'photos', '0', {
      id: `tahap ${steps.join(', ')} % memerlukan foto`,
      en: `step ${steps.join(', ')} % needs a photo`,
    });
  const { projectId: _projectId, photos, ...report } = payload;
  return [
    fact(
      'ProgressReported',
      {
        ...report,
        photos: photos.map((photo) =>
          flagPhoto(photo, project.geometry, payload.reportDate, policy, state.photos),
        ),
      },
      // The business date a report "as of" a day reads up to.
      payload.reportDate,
    ),
  ];
};

/** A correction replaces the latest progress, down as well as up, with its reason, after a report. */
const correctProgress: Handler<'CorrectProgress'> = ({ payload }, state) => {
  const project = registered(state, payload.projectId);
  if (project instanceof DomainError) return project;
  if (state.percent === undefined)
    return new DomainError('PROGRESS_REPORTED', 'projectId', payload.projectId);
  if (state.lastReportDate !== undefined && payload.reportDate < state.lastReportDate)
    return new DomainError('PROGRESS_DATE_ORDER', 'reportDate', payload.reportDate, {
      id: `laporan terakhir ${state.lastReportDate}`,
      en: `the latest report is of ${state.lastReportDate}`,
    });
  const { projectId: _projectId, ...correction } = payload;
  return [
    fact(
      'ProgressCorrected',
      { ...correction, previousPercent: state.percent },
      payload.reportDate,
    ),
  ];
};

const core: CoreDecider<ProjectStreamCommand, ProjectState, ProjectEvent, ProjectContext> = {
  initialState: initialProjectState,
  handlers: {
    RegisterVillageProject: ({ payload }, state, context) =>
      registerProject(payload, state, context),
    RegisterRegencyProject: ({ payload }, state, context) =>
      registerProject(payload, state, context),
    ReportProgress: reportProgress,
    CorrectProgress: correctProgress,
  },
  evolvers: {
    ProjectRegistered: (state, { data }) => ({ ...state, project: data }),
    ProgressReported: (state, { data }) => ({
      ...state,
      photos: new Set([...state.photos, ...data.photos.map((photo) => photo.sha256)]),
      percent: data.percent,
      realisedVolume: data.realisedVolume,
      lastReportDate: data.reportDate,
    }),
    ProgressCorrected: (state, { data }) => ({
      ...state,
      percent: data.percent,
      realisedVolume: data.realisedVolume,
      lastReportDate: data.reportDate,
    }),
    // Suspicions stored on a project's stream before they moved to the regency's: its read side counts them.
    DuplicateSuspected: (state) => state,
    DuplicateSuspicionCleared: (state) => state,
    DuplicateSuspicionConfirmed: (state) => state,
  },
  events: projectEventSchemas,
};

/** Pure decisions of one project's stream. */
export const projectDecider = withIdempotency(core);

export const PROJECT_STREAM_PREFIX = 'project-';

/**
 * A regency (APBD, aspiration) project's stream, and every project's stream
 * stored before village projects moved to their own names: the regency writes
 * these (docs/architecture.md, "One writer per stream").
 */
export function projectStreamId(projectId: string): string {
  return `${PROJECT_STREAM_PREFIX}${projectId}`;
}

/** A village's own (APBDes) project: the village code in the name tells who writes it. */
export function villageProjectStreamId(villageCode: string, projectId: string): string {
  return `${PROJECT_STREAM_PREFIX}${villageCode}-${projectId}`;
}

/** The prefix of every project stream a village writes. */
export const villageProjectStreamPrefix = (villageCode: string) =>
  `${PROJECT_STREAM_PREFIX}${villageCode}-`;

const VILLAGE_PROJECT_STREAM = /^project-(\d{2}\.\d{2}\.\d{2}\.\d{4})-([a-z0-9][a-z0-9-]{0,63})$/;
const PROJECT_STREAM = /^project-([a-z0-9][a-z0-9-]{0,63})$/;

/** The village writing a project stream, or undefined for a regency (or older) project stream. */
export function villageOfProjectStream(streamId: string): string | undefined {
  return VILLAGE_PROJECT_STREAM.exec(streamId)?.[1];
}

/** The project a project stream records, from its name; undefined for any other stream. */
export function projectIdOfStream(streamId: string): string | undefined {
  return VILLAGE_PROJECT_STREAM.exec(streamId)?.[2] ?? PROJECT_STREAM.exec(streamId)?.[1];
}

/** Where a project is registered now: its village's stream for an APBDes output, else the regency's. */
export function projectStreamFor(
  project: Pick<RegisteredProject, 'projectId' | 'villageCode' | 'channel'>,
): string {
  return project.channel === 'apbdes'
    ? villageProjectStreamId(project.villageCode, project.projectId)
    : projectStreamId(project.projectId);
}

/**
 * Whether the stream holds `project`'s own events: its current stream, or the
 * `project-{id}` stream it had before. Another stream registering the same id
 * (two nodes offline) is not it, so the first registration keeps the id.
 */
export function recordsProject(
  streamId: string,
  project: Pick<RegisteredProject, 'projectId' | 'villageCode' | 'channel'>,
): boolean {
  return streamId === projectStreamFor(project) || streamId === projectStreamId(project.projectId);
}
