import { FootprintIndex, type ProjectFootprint } from '../domain/projects/duplicates';
import type { DuplicateThresholds } from '../domain/projects/policy';
import { DUPLICATES_STREAM_PREFIX } from '../domain/projects/duplicate-decider';
import {
  PROJECT_STREAM_PREFIX,
  projectIdOfStream,
  recordsProject,
  suspicionIdOf,
  type SuspicionStatus,
} from '../domain/projects/project-decider';
import {
  projectEventSchemas,
  type DuplicateEvidence,
  type ProjectEvent,
  type RegisteredProject,
  type ReportedPhoto,
} from '../domain/projects/project-events';
import { isWithinRegion } from '../domain/shared/region-codes';
import { fromRecorded } from '../eventstore/codec/event-codec';
import type { EventStore } from '../eventstore/port';
import { STREAM_LOAD_PAGE_MAX } from '../limits';

/** A suspicion as both projects' pages show it. */
export interface ListedSuspicion {
  suspicionId: string;
  status: SuspicionStatus;
  evidence: DuplicateEvidence;
  reason?: string;
}

/** One project as the API lists it: what was registered, its progress, photos and suspicions. */
export interface ProjectSummary {
  project: RegisteredProject;
  percent?: number;
  realisedVolume?: string;
  lastReportDate?: string;
  /** Every photo reported, in report order, with its report's date and percent. */
  photos: (ReportedPhoto & { reportDate: string; percent: number })[];
  /** Suspicions of this project or of another project against it. */
  suspicions: ListedSuspicion[];
}

/**
 * The regency's projects, folded from every project stream and the
 * duplicates stream in store order, with the spatial index the duplicate check reads. Caught up before each
 * use from the last position it read, so it costs one short read per command.
 */
export class ProjectReadSide {
  private readonly projects = new Map<string, ProjectSummary>();
  private readonly suspicions = new Map<string, ListedSuspicion>();
  /** Hashes of every photo any report names. */
  private readonly photoHashes = new Set<string>();
  /** The stream recording each project's registration and progress. */
  private readonly streams = new Map<string, string>();
  /** Each project's place in registration order. */
  private readonly sequence = new Map<string, number>();
  private readonly index: FootprintIndex;
  private position: bigint | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    thresholds: DuplicateThresholds,
  ) {
    this.index = new FootprintIndex(thresholds);
  }

  /**
   * Reads what was appended since the last call. Calls run one after another:
   * two requests catching up at once would otherwise fold the same events twice.
   */
  catchUp(): Promise<void> {
    const next = this.queue.then(() => this.readNew());
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async readNew(): Promise<void> {
    for await (const page of this.store.readAllPages({
      after: this.position,
      pageSize: STREAM_LOAD_PAGE_MAX,
      filter: { streamPrefixes: [PROJECT_STREAM_PREFIX, DUPLICATES_STREAM_PREFIX] },
    })) {
      for (const recorded of page) {
        this.fold(recorded.streamId, fromRecorded<ProjectEvent>(projectEventSchemas, recorded));
        this.position = recorded.position;
      }
    }
  }

  /** The project whose own events the stream records; none for the duplicates stream. */
  private projectOf(streamId: string): ProjectSummary | undefined {
    const summary = this.projects.get(projectIdOfStream(streamId) ?? '');
    return summary && recordsProject(streamId, summary.project) ? summary : undefined;
  }

  private fold(streamId: string, event: ProjectEvent): void {
    if (event.type === 'ProjectRegistered') {
      const { projectId } = event.data;
      // The first registration keeps the id: two nodes offline may both have used it.
      if (this.projects.has(projectId)) return;
      this.projects.set(projectId, { project: event.data, photos: [], suspicions: [] });
      this.streams.set(projectId, streamId);
      this.sequence.set(projectId, this.sequence.size);
      this.index.load([event.data]);
      return;
    }
    switch (event.type) {
      case 'ProgressReported':
      case 'ProgressCorrected': {
        const summary = this.projectOf(streamId);
        if (!summary) return;
        summary.percent = event.data.percent;
        summary.realisedVolume = event.data.realisedVolume;
        summary.lastReportDate = event.data.reportDate;
        if (event.type === 'ProgressReported') {
          for (const photo of event.data.photos) this.photoHashes.add(photo.sha256);
          summary.photos.push(
            ...event.data.photos.map((photo) => ({
              ...photo,
              reportDate: event.data.reportDate,
              percent: event.data.percent,
            })),
          );
        }
        return;
      }
      case 'DuplicateSuspected': {
        if (this.suspicions.has(event.data.suspicionId)) return;
        const listed: ListedSuspicion = { ...event.data, status: 'open' };
        this.suspicions.set(event.data.suspicionId, listed);
        const { project, other } = event.data.evidence;
        for (const side of [project, other])
          this.projects.get(side.projectId)?.suspicions.push(listed);
        return;
      }
      case 'DuplicateSuspicionCleared':
      case 'DuplicateSuspicionConfirmed': {
        const listed = this.suspicions.get(event.data.suspicionId);
        if (!listed) return;
        listed.status = event.type === 'DuplicateSuspicionCleared' ? 'cleared' : 'confirmed';
        listed.reason = event.data.reason;
        return;
      }
    }
  }

  /** The stream a project was registered on; undefined for an unknown project. */
  streamOf(projectId: string): string | undefined {
    return this.streams.get(projectId);
  }

  /** Where a suspicion stands, wherever it was recorded; undefined when none is known. */
  suspicionStatus(suspicionId: string): SuspicionStatus | undefined {
    return this.suspicions.get(suspicionId)?.status;
  }

  /** Whether a report of any project names the photo. */
  namesPhoto(sha256: string): boolean {
    return this.photoHashes.has(sha256);
  }

  get(projectId: string): ProjectSummary | undefined {
    return this.projects.get(projectId);
  }

  /** The projects whose village lies within `regionCode` (a village, district or the regency), by id. */
  within(regionCode: string, fiscalYear?: number): ProjectSummary[] {
    return [...this.projects.values()]
      .filter(
        ({ project }) =>
          isWithinRegion(project.villageCode, regionCode) &&
          (fiscalYear === undefined || project.fiscalYear === fiscalYear),
      )
      .sort((a, b) => a.project.projectId.localeCompare(b.project.projectId));
  }

  /** The registered projects whose grown box meets the footprint's: what a new project is compared with. */
  neighbours(footprint: ProjectFootprint): ProjectFootprint[] {
    return this.index.neighbours(footprint);
  }

  /** Every project id in the order the projects were registered. */
  registrationOrder(): string[] {
    return [...this.projects.keys()];
  }

  /**
   * The neighbours registered before `projectId` and not already suspected
   * of it: a pair is recorded once, as the later project's suspicion.
   */
  earlierNeighbours(projectId: string): ProjectFootprint[] {
    const summary = this.projects.get(projectId);
    if (!summary) return [];
    const at = this.sequence.get(projectId) ?? 0;
    return this.index
      .neighbours(summary.project)
      .filter(
        (other) =>
          (this.sequence.get(other.projectId) ?? 0) < at &&
          !this.suspicions.has(suspicionIdOf(other.projectId, projectId)),
      );
  }
}
