import { PROJECT_STREAM_PREFIX } from '../../src/domain/projects/project-decider';
import {
  projectEventSchemas,
  type ProjectEvent,
  type RegisteredProject,
} from '../../src/domain/projects/project-events';
import { fromRecorded } from '../../src/eventstore/codec/event-codec';
import { eventUpcasters } from '../../src/eventstore/codec/upcasters';
import type { RecordedEvent } from '../../src/eventstore/port';
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

export interface ProjectOutputsState {
  projects: Record<string, ProjectOutput>;
  /** Each suspicion's two projects, so a decision closes it on both. */
  suspicions: Record<string, [string, string]>;
}

const EVENT_TYPES = Object.keys(projectEventSchemas);

const decode = (recorded: RecordedEvent) =>
  fromRecorded<ProjectEvent>(projectEventSchemas, recorded, eventUpcasters);

function applyEvent(state: ProjectOutputsState, projectId: string, event: ProjectEvent): void {
  if (event.type === 'ProjectRegistered') {
    state.projects[projectId] = { project: event.data, reports: [], openSuspicions: [] };
    return;
  }
  const output = state.projects[projectId];
  if (!output) return;
  switch (event.type) {
    case 'ProgressReported':
      output.reports.push({
        reportDate: event.data.reportDate,
        percent: event.data.percent,
        realisedVolume: event.data.realisedVolume,
        photos: event.data.photos.length,
        flaggedPhotos: event.data.photos.filter((photo) => photo.flags.length > 0).length,
      });
      return;
    case 'ProgressCorrected':
      output.reports.push({
        reportDate: event.data.reportDate,
        percent: event.data.percent,
        realisedVolume: event.data.realisedVolume,
        photos: 0,
        flaggedPhotos: 0,
      });
      return;
    case 'DuplicateSuspected': {
      const pair: [string, string] = [projectId, event.data.evidence.other.projectId];
      state.suspicions[event.data.suspicionId] = pair;
      for (const side of pair) state.projects[side]?.openSuspicions.push(event.data.suspicionId);
      return;
    }
    case 'DuplicateSuspicionCleared':
    case 'DuplicateSuspicionConfirmed':
      for (const side of state.suspicions[event.data.suspicionId] ?? []) {
        const sideOutput = state.projects[side];
        if (sideOutput)
          sideOutput.openSuspicions = sideOutput.openSuspicions.filter(
            (id) => id !== event.data.suspicionId,
          );
      }
      return;
  }
}

/**
 * The regency's projects with their progress reports: what the output
 * realisation report reads. Small (a project is a few dozen events), so
 * saved whole.
 */
export function projectOutputsProjection(): Projection<ProjectOutputsState> {
  return {
    name: 'project-outputs',
    version: 1,
    eventTypes: EVENT_TYPES,
    initialState: () => ({ projects: {}, suspicions: {} }),
    apply(state, recorded) {
      // In place, as the stream-state read models do: the engine keeps no older state.
      if (recorded.streamId.startsWith(PROJECT_STREAM_PREFIX))
        applyEvent(state, recorded.streamId.slice(PROJECT_STREAM_PREFIX.length), decode(recorded));
      return state;
    },
    ...jsonState,
  };
}
