import type { AllFilter, ReadStreamOptions, RecordedEvent } from './port';

export const DEFAULT_PAGE_SIZE = 4096;

export function matchesFilter(event: RecordedEvent, filter: AllFilter | undefined): boolean {
  if (!filter) return true;
  const { streamPrefixes, eventTypes } = filter;
  if (streamPrefixes && !streamPrefixes.some((prefix) => event.streamId.startsWith(prefix)))
    return false;
  if (eventTypes && !eventTypes.includes(event.type)) return false;
  return true;
}

export function pageOf<T>(items: T[], maxCount: number | undefined): T[] {
  return items.slice(0, maxCount ?? DEFAULT_PAGE_SIZE);
}

/** Selects from a stream's events (in revision order) what a stream read asks for. */
export function selectStreamEvents(
  stored: RecordedEvent[],
  { direction = 'forwards', fromRevision, maxCount }: ReadStreamOptions,
): RecordedEvent[] {
  const selected =
    direction === 'forwards'
      ? stored.filter((e) => fromRevision === undefined || e.revision >= fromRevision)
      : stored.filter((e) => fromRevision === undefined || e.revision <= fromRevision).reverse();
  return maxCount === undefined ? selected : selected.slice(0, maxCount);
}
