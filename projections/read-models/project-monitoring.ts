import type { SuspicionStatus } from '../../src/domain/projects/project-decider';
import { PROJECT_STREAM_PREFIX } from '../../src/domain/projects/project-decider';
import type { ProjectEvent } from '../../src/domain/projects/project-events';
import type { ProjectChannel } from '../../src/domain/projects/project-commands';
import type { RecordedEvent } from '../../src/eventstore/port';
import { decodeProjectEvent } from '../folds/event-decoding';
import type { Projection } from '../engine/projection';
import {
  deserializeStreams,
  emptyStreamStates,
  serializeStreams,
  streamEntries,
  updateStream,
  type StreamStates,
} from '../engine/stream-states';

/** What a project is and how far it has come, as the regency monitoring reads it. */
export interface MonitoredProject {
  projectId: string;
  villageCode: string;
  fiscalYear: number;
  channel: ProjectChannel;
  title: string;
  plannedStart: string;
  plannedEnd: string;
  /** The latest progress; null before the first report. */
  percent: number | null;
  lastReportDate: string | null;
  photos: number;
}

/** One side of a suspected pair, from the suspicion's evidence. */
export interface SuspectedProject {
  projectId: string;
  villageCode: string;
  fiscalYear: number;
  channel: ProjectChannel;
  title: string;
}

/** A duplicate suspicion, kept on the entry of its later project (whose stream records it). */
export interface MonitoredSuspicion {
  suspicionId: string;
  status: SuspicionStatus;
  kind: 'near' | 'overlap';
  distanceMetres: string;
  /** The project registered earlier. */
  other: SuspectedProject;
}

export interface ProjectEntry {
  project: MonitoredProject;
  suspicions: MonitoredSuspicion[];
}

export type ProjectMonitoringState = StreamStates<ProjectEntry>;

/** Only the fields a page names a side by: an evidence side also carries its budget. */
const sideOf = ({ projectId, villageCode, fiscalYear, channel, title }: SuspectedProject) => ({
  projectId,
  villageCode,
  fiscalYear,
  channel,
  title,
});

const PROJECT_EVENT_TYPES: ProjectEvent['type'][] = [
  'ProjectRegistered',
  'ProgressReported',
  'ProgressCorrected',
  'DuplicateSuspected',
  'DuplicateSuspicionCleared',
  'DuplicateSuspicionConfirmed',
];

function applyToEntry(
  entry: ProjectEntry | undefined,
  event: ProjectEvent,
): ProjectEntry | undefined {
  if (event.type === 'ProjectRegistered') {
    const { data } = event;
    return {
      project: {
        projectId: data.projectId,
        villageCode: data.villageCode,
        fiscalYear: data.fiscalYear,
        channel: data.channel,
        title: data.title,
        plannedStart: data.plannedStart,
        plannedEnd: data.plannedEnd,
        percent: null,
        lastReportDate: null,
        photos: 0,
      },
      suspicions: [],
    };
  }
  if (!entry) return entry;
  switch (event.type) {
    case 'ProgressReported':
    case 'ProgressCorrected': {
      const photos = event.type === 'ProgressReported' ? event.data.photos.length : 0;
      return {
        ...entry,
        project: {
          ...entry.project,
          percent: event.data.percent,
          lastReportDate: event.data.reportDate,
          photos: entry.project.photos + photos,
        },
      };
    }
    case 'DuplicateSuspected': {
      const { suspicionId, evidence } = event.data;
      const suspicion: MonitoredSuspicion = {
        suspicionId,
        status: 'open',
        kind: evidence.kind,
        distanceMetres: evidence.distanceMetres,
        other: sideOf(evidence.other),
      };
      return { ...entry, suspicions: [...entry.suspicions, suspicion] };
    }
    case 'DuplicateSuspicionCleared':
    case 'DuplicateSuspicionConfirmed': {
      const status = event.type === 'DuplicateSuspicionCleared' ? 'cleared' : 'confirmed';
      return {
        ...entry,
        suspicions: entry.suspicions.map((suspicion) =>
          suspicion.suspicionId === event.data.suspicionId ? { ...suspicion, status } : suspicion,
        ),
      };
    }
  }
}

/** The regency's projects, one entry per project stream: progress, photos and suspicions. */
export function projectMonitoringProjection(): Projection<ProjectMonitoringState> {
  return {
    name: 'project-monitoring',
    version: 1,
    eventTypes: PROJECT_EVENT_TYPES,
    initialState: emptyStreamStates,
    apply: (state: ProjectMonitoringState, recorded: RecordedEvent) =>
      recorded.streamId.startsWith(PROJECT_STREAM_PREFIX)
        ? updateStream(state, recorded.streamId, (entry) =>
            applyToEntry(entry, decodeProjectEvent(recorded)),
          )
        : state,
    serialize: (state) => serializeStreams(state, (entry) => entry),
    deserialize: (data) => deserializeStreams(data, (entry: ProjectEntry) => entry),
  };
}

/** An open suspicion as a village's page lists it: the later project and the earlier one. */
export interface OpenSuspicion {
  suspicionId: string;
  kind: MonitoredSuspicion['kind'];
  distanceMetres: string;
  later: SuspectedProject;
  earlier: SuspectedProject;
}

/**
 * The open suspicions that concern a project lying in the village in the
 * fiscal year, on either side of the pair, in the order they were raised per
 * project; a pair of two projects of the village is listed once.
 */
export function villageOpenSuspicions(
  state: ProjectMonitoringState,
  villageCode: string,
  fiscalYear: number,
): OpenSuspicion[] {
  const concerns = (side: SuspectedProject) =>
    side.villageCode === villageCode && side.fiscalYear === fiscalYear;
  return streamEntries(state).flatMap(({ project, suspicions }) =>
    suspicions
      .filter(({ status, other }) => status === 'open' && (concerns(project) || concerns(other)))
      .map(({ suspicionId, kind, distanceMetres, other }) => ({
        suspicionId,
        kind,
        distanceMetres,
        later: sideOf(project),
        earlier: other,
      })),
  );
}

/** The projects lying in the village in the fiscal year, whoever pays for them. */
export function villageProjects(
  state: ProjectMonitoringState,
  villageCode: string,
  fiscalYear: number,
): MonitoredProject[] {
  return streamEntries(state)
    .map((entry) => entry.project)
    .filter((project) => project.villageCode === villageCode && project.fiscalYear === fiscalYear);
}
