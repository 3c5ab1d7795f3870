import {
  projectEventSchemas,
  type ProjectEvent,
  type ReportedPhoto,
} from '../../domain/projects/project-events';
import { fromRecorded } from '../../eventstore/codec/event-codec';
import type { EventStore } from '../../eventstore/port';
import { STREAM_LOAD_PAGE_MAX } from '../../limits';

/** One entry of a project's progress: a report with its photos, or a correction with its reason. */
export interface ProgressEntry {
  kind: 'report' | 'correction';
  reportDate: string;
  percent: number;
  realisedVolume: string;
  workers?: number;
  workingDays?: number;
  photos: readonly ReportedPhoto[];
  reason?: string;
  previousPercent?: number;
}

/**
 * A project's progress reports and corrections in time order: by report
 * date, and in the order recorded within a day. Read from the project's own
 * stream (`streamId`), which holds a few dozen events at most.
 */
export async function progressHistory(
  store: EventStore,
  streamId: string,
): Promise<ProgressEntry[]> {
  const entries: ProgressEntry[] = [];
  for (let from = 0n; ; from += BigInt(STREAM_LOAD_PAGE_MAX)) {
    const page = await store.readStream(streamId, {
      fromRevision: from,
      maxCount: STREAM_LOAD_PAGE_MAX,
    });
    for (const recorded of page) {
      const event = fromRecorded<ProjectEvent>(projectEventSchemas, recorded);
      if (event.type === 'ProgressReported') entries.push({ kind: 'report', ...event.data });
      if (event.type === 'ProgressCorrected')
        entries.push({ kind: 'correction', ...event.data, photos: [] });
    }
    if (page.length < STREAM_LOAD_PAGE_MAX) break;
  }
  return entries
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => a.entry.reportDate.localeCompare(b.entry.reportDate) || a.order - b.order)
    .map(({ entry }) => entry);
}
