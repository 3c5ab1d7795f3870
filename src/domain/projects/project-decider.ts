import { factBuilder, type CoreDecider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { withIdempotency } from '../shared/idempotency';
import { PersistentMap } from '../shared/persistent-map';
import { duplicateEvidence, type ProjectFootprint } from './duplicates';
import { checkLineLength, checkNearVillage } from './geometry-rules';
import { flagPhoto } from './photo-flags';
import type { MonitoringPolicy } from './policy';
import type { ProjectCommand, RegisterProjectPayload, VillageArea } from './project-commands';
import {
  projectEventSchemas,
  type DuplicateEvidence,
  type ProjectEvent,
  type RegisteredProject,
} from './project-events';

export type SuspicionStatus = 'open' | 'cleared' | 'confirmed';

export interface Suspicion {
  evidence: DuplicateEvidence;
  status: SuspicionStatus;
}

/** One project: what was registered, how far it has come, and the duplicates suspected of it. */
export interface ProjectState {
  project?: RegisteredProject;
  /** The latest percent reported or corrected; undefined before the first report. */
  percent?: number;
  realisedVolume?: string;
  lastReportDate?: string;
  /** Hashes of the photos reported so far. */
  photos: ReadonlySet<string>;
  suspicions: PersistentMap<Suspicion>;
}

/**
 * What a decision needs from outside the stream: the regency's policy, whether
 * the village exists and where it lies, and the projects near this one (from
 * the regency's spatial index; for a scan, those registered before it) to
 * compare it with.
 */
export interface ProjectContext {
  policy: MonitoringPolicy;
  villageKnown: boolean;
  villageArea?: VillageArea;
  neighbours: readonly ProjectFootprint[];
}

export const initialProjectState: ProjectState = {
  photos: new Set(),
  suspicions: PersistentMap.empty(),
};

const fact = factBuilder<ProjectEvent>();

type Handler<K extends ProjectCommand['type']> = (
  command: Extract<ProjectCommand, { type: K }>,
  state: ProjectState,
  context: ProjectContext,
) => ReturnType<typeof fact>[] | DomainError;

/** The id of the suspicion that `projectId` duplicates `otherId`: stable, so a re-check repeats nothing. */
export const suspicionIdOf = (projectId: string, otherId: string) => `${projectId}~${otherId}`;

/**
 * A project is registered once, in a known village, with a period that ends
 * after it starts and a geometry that fits its village and volume. Each
 * project near it of the same family and years is recorded as a suspected
 * duplicate on this, the later, project's stream.
 */
function registerProject(
  payload: RegisterProjectPayload,
  state: ProjectState,
  { policy, villageKnown, villageArea, neighbours }: ProjectContext,
) {
  if (state.project) return new DomainError('PROJECT_ID_TAKEN', 'projectId', payload.projectId);
  if (!villageKnown) return new DomainError('REGION_KNOWN', 'villageCode', payload.villageCode);
  if (payload.plannedEnd < payload.plannedStart)
    return new DomainError('PROJECT_PERIOD', 'plannedEnd', payload.plannedEnd, {
      id: `mulai ${payload.plannedStart}`,
      en: `starts ${payload.plannedStart}`,
    });
  const geometryError =
    checkNearVillage(payload, villageArea, policy) ?? checkLineLength(payload, policy);
  if (geometryError) return geometryError;
  return [
    fact('ProjectRegistered', payload),
    ...suspicions(payload, neighbours, policy, initialProjectState),
  ];
}

/** A DuplicateSuspected fact for each neighbour suspect of `project` and not suspected already. */
function suspicions(
  project: ProjectFootprint,
  neighbours: readonly ProjectFootprint[],
  policy: MonitoringPolicy,
  state: ProjectState,
) {
  return neighbours.flatMap((other) => {
    const suspicionId = suspicionIdOf(project.projectId, other.projectId);
    if (state.suspicions.has(suspicionId)) return [];
    const evidence = duplicateEvidence(project, other, policy.duplicates);
    return evidence ? [fact('DuplicateSuspected', { suspicionId, evidence })] : [];
  });
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

/** The scan's second look: the same comparison as at registration, recording only what is new. */
const checkDuplicates: Handler<'CheckDuplicates'> = (
  { payload },
  state,
  { policy, neighbours },
) => {
  const project = registered(state, payload.projectId);
  if (project instanceof DomainError) return project;
  return suspicions(project, neighbours, policy, state);
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

/** Regency finance decides an open suspicion once: cleared (not a duplicate) or confirmed. */
function decideSuspicion(outcome: 'DuplicateSuspicionCleared' | 'DuplicateSuspicionConfirmed') {
  return (
    {
      payload,
    }: Extract<ProjectCommand, { type: 'ClearDuplicateSuspicion' | 'ConfirmDuplicateSuspicion' }>,
    state: ProjectState,
  ) => {
    const project = registered(state, payload.projectId);
    if (project instanceof DomainError) return project;
    const suspicion = state.suspicions.get(payload.suspicionId);
    if (!suspicion) return new DomainError('SUSPICION_KNOWN', 'suspicionId', payload.suspicionId);
    if (suspicion.status !== 'open')
      return new DomainError('SUSPICION_OPEN', 'suspicionId', payload.suspicionId, {
        id:
          suspicion.status === 'cleared' ? 'sudah dinyatakan bukan duplikat' : 'sudah dikonfirmasi',
        en: suspicion.status === 'cleared' ? 'already cleared' : 'already confirmed',
      });
    return [fact(outcome, { suspicionId: payload.suspicionId, reason: payload.reason })];
  };
}

function settle(state: ProjectState, suspicionId: string, status: SuspicionStatus): ProjectState {
  const suspicion = state.suspicions.get(suspicionId);
  return suspicion
    ? { ...state, suspicions: state.suspicions.set(suspicionId, { ...suspicion, status }) }
    : state;
}

const core: CoreDecider<ProjectCommand, ProjectState, ProjectEvent, ProjectContext> = {
  initialState: initialProjectState,
  handlers: {
    RegisterVillageProject: ({ payload }, state, context) =>
      registerProject(payload, state, context),
    RegisterRegencyProject: ({ payload }, state, context) =>
      registerProject(payload, state, context),
    ReportProgress: reportProgress,
    CorrectProgress: correctProgress,
    CheckDuplicates: checkDuplicates,
    ClearDuplicateSuspicion: decideSuspicion('DuplicateSuspicionCleared'),
    ConfirmDuplicateSuspicion: decideSuspicion('DuplicateSuspicionConfirmed'),
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
    DuplicateSuspected: (state, { data }) => ({
      ...state,
      suspicions: state.suspicions.set(data.suspicionId, {
        evidence: data.evidence,
        status: 'open',
      }),
    }),
    DuplicateSuspicionCleared: (state, { data }) => settle(state, data.suspicionId, 'cleared'),
    DuplicateSuspicionConfirmed: (state, { data }) => settle(state, data.suspicionId, 'confirmed'),
  },
  events: projectEventSchemas,
};

/** Pure decisions of one project's stream. */
export const projectDecider = withIdempotency(core);

export const PROJECT_STREAM_PREFIX = 'project-';

/** One stream per project: its progress and suspicions never contend with another project's. */
export function projectStreamId(projectId: string): string {
  return `${PROJECT_STREAM_PREFIX}${projectId}`;
}
