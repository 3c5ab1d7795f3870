import { DUPLICATES_STREAM_PREFIX } from '../../src/domain/projects/duplicate-decider';
import type { SuspicionStatus } from '../../src/domain/projects/project-decider';
import {
  PROJECT_STREAM_PREFIX,
  projectIdOfStream,
  recordsProject,
} from '../../src/domain/projects/project-decider';
import type { ProjectChannel } from '../../src/domain/projects/project-commands';
import type { ProjectEvent, RegisteredProject } from '../../src/domain/projects/project-events';
import { projectEventSchemas } from '../../src/domain/projects/project-events';
import { decodeProjectEvent } from '../folds/event-decoding';
import { jsonState, type Projection } from '../engine/projection';

/** One progress report as the output reports count it. */
export interface ReportedStep {
  reportDate: string;
  percent: number;
  realisedVolume: string;
  photos: number;
  /** Photos flagged for a second look (far, old, no EXIF, reused). */
  flaggedPhotos: number;
}

/** A project's planned output and what its reports say was realised. */
export interface ProjectOutput {
  project: RegisteredProject;
  /** Reports and corrections in the order recorded; the last one is the project's progress. */
  reports: ReportedStep[];
  /** The suspicions naming the project (either side) that are still open. */
  openSuspicions: string[];
}

/** One side of a suspected pair, as pages and reports name it. */
export interface SuspectedProject {
  projectId: string;
  villageCode: string;
  fiscalYear: number;
  channel: ProjectChannel;
  title: string;
}

/** A duplicate suspicion: the later project (the one checked) and the earlier one. */
export interface TrackedSuspicion {
  suspicionId: string;
  status: SuspicionStatus;
  kind: 'near' | 'overlap';
  distanceMetres: string;
  later: SuspectedProject;
  earlier: SuspectedProject;
}

/** The regency's projects and their suspicions, in the order they were recorded. */
export interface ProjectOutputsState {
  projects: Record<string, ProjectOutput>;
  suspicions: Record<string, TrackedSuspicion>;
}

const EVENT_TYPES = Object.keys(projectEventSchemas);

/** Only the fields a page names a side by: an evidence side also carries its budget. */
const sideOf = ({ projectId, villageCode, fiscalYear, channel, title }: SuspectedProject) => ({
  projectId,
  villageCode,
  fiscalYear,
  channel,
  title,
});

/**
 * The evidence names both sides, so a node holding the regency's suspicions
 * but not the other village's project still shows the pair.
 */
function suspect(
  state: ProjectOutputsState,
  { suspicionId, evidence }: Extract<ProjectEvent, { type: 'DuplicateSuspected' }>['data'],
): void {
  if (state.suspicions[suspicionId]) return;
  state.suspicions[suspicionId] = {
    suspicionId,
    status: 'open',
    kind: evidence.kind,
    distanceMetres: evidence.distanceMetres,
    later: sideOf(evidence.project),
    earlier: sideOf(evidence.other),
  };
  for (const side of [evidence.project, evidence.other])
    state.projects[side.projectId]?.openSuspicions.push(suspicionId);
}

function decideSuspicion(
  state: ProjectOutputsState,
  suspicionId: string,
  status: SuspicionStatus,
): void {
  const suspicion = state.suspicions[suspicionId];
  if (!suspicion) return;
  suspicion.status = status;
  for (const side of [suspicion.later, suspicion.earlier]) {
    const output = state.projects[side.projectId];
    if (output) output.openSuspicions = output.openSuspicions.filter((id) => id !== suspicionId);
  }
}

/** The project whose own events the stream records; the first registration of an id keeps it. */
function outputOf(state: ProjectOutputsState, streamId: string): ProjectOutput | undefined {
  const output = state.projects[projectIdOfStream(streamId) ?? ''];
  return output && recordsProject(streamId, output.project) ? output : undefined;
}

function applyEvent(state: ProjectOutputsState, streamId: string, event: ProjectEvent): void {
  switch (event.type) {
    case 'ProjectRegistered':
      state.projects[event.data.projectId] ??= {
        project: event.data,
        reports: [],
        openSuspicions: [],
      };
      return;
    case 'ProgressReported':
    case 'ProgressCorrected': {
      const output = outputOf(state, streamId);
      if (!output) return;
      const photos = event.type === 'ProgressReported' ? event.data.photos : [];
      output.reports.push({
        reportDate: event.data.reportDate,
        percent: event.data.percent,
        realisedVolume: event.data.realisedVolume,
        photos: photos.length,
        flaggedPhotos: photos.filter((photo) => photo.flags.length > 0).length,
      });
      return;
    }
    case 'DuplicateSuspected':
      return suspect(state, event.data);
    case 'DuplicateSuspicionCleared':
      return decideSuspicion(state, event.data.suspicionId, 'cleared');
    case 'DuplicateSuspicionConfirmed':
      return decideSuspicion(state, event.data.suspicionId, 'confirmed');
  }
}

/**
 * The regency's projects with their progress reports (from the project
 * streams) and duplicate suspicions (from the regency's duplicates stream,
 * and the project streams that recorded them before): what the output realisation report, the monitoring report's
 * project columns and a village's year page read. Small (a project is a
 * few dozen events), so saved whole.
 */
export function projectOutputsProjection(): Projection<ProjectOutputsState> {
  return {
    name: 'project-outputs',
    version: 3,
    eventTypes: EVENT_TYPES,
    initialState: () => ({ projects: {}, suspicions: {} }),
    apply(state, recorded) {
      // In place, as the stream-state read models do: the engine keeps no older state.
      const { streamId } = recorded;
      if (
        streamId.startsWith(PROJECT_STREAM_PREFIX) ||
        streamId.startsWith(DUPLICATES_STREAM_PREFIX)
      )
        applyEvent(state, streamId, decodeProjectEvent(recorded));
      return state;
    },
    ...jsonState,
  };
}

/**
 * The open suspicions that concern a project lying in the village in the
 * fiscal year, on either side of the pair, in the order they were raised.
 */
export function villageOpenSuspicions(
  state: ProjectOutputsState,
  villageCode: string,
  fiscalYear: number,
): TrackedSuspicion[] {
  const concerns = (side: SuspectedProject) =>
    side.villageCode === villageCode && side.fiscalYear === fiscalYear;
  return Object.values(state.suspicions).filter(
    ({ status, later, earlier }) => status === 'open' && (concerns(later) || concerns(earlier)),
  );
}
