import type {
  AllFilter,
  ReadAllOptions,
  ReadAllPagesOptions,
  ReadStreamOptions,
  RecordedEvent,
} from './port';
import { STORE_READ_PAGE_MAX } from '../limits';

export function matchesFilter(event: RecordedEvent, filter: AllFilter | undefined): boolean {
  if (!filter) return true;
  const { streamPrefixes, eventTypes } = filter;
  if (streamPrefixes && !streamPrefixes.some((prefix) => event.streamId.startsWith(prefix)))
    return false;
  if (eventTypes && !eventTypes.includes(event.type)) return false;
  return true;
}

export function pageOf<T>(items: T[], maxCount: number | undefined): T[] {
  return items.slice(0, maxCount ?? STORE_READ_PAGE_MAX);
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

/** `readAllPages` for an adapter that pages with its own `readAll`. */
export async function* pagesOf(
  readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
  { after, pageSize = STORE_READ_PAGE_MAX, filter }: ReadAllPagesOptions = {},
): AsyncGenerator<RecordedEvent[]> {
  for (;;) {
    const page = await readAll({ after, maxCount: pageSize, filter });
    if (page.length > 0) yield page;
    if (page.length < pageSize) return;
    after = page.at(-1)!.position;
  }
}
