import type { EventStore, RecordedEvent } from '../eventstore/port';
import { STREAM_LOAD_PAGE_MAX } from '../limits';

/** The stream's latest event of a type, read backwards page by page; undefined when none. */
export async function lastEventOfType(
  store: EventStore,
  streamId: string,
  type: string,
): Promise<RecordedEvent | undefined> {
  let fromRevision: bigint | undefined;
  for (;;) {
    const page = await store.readStream(streamId, {
      direction: 'backwards',
      maxCount: STREAM_LOAD_PAGE_MAX,
      ...(fromRevision === undefined ? {} : { fromRevision }),
    });
    const found = page.find((event) => event.type === type);
    if (found) return found;
    const oldest = page.at(-1);
    if (page.length < STREAM_LOAD_PAGE_MAX || !oldest || oldest.revision === 0n) return undefined;
    fromRevision = oldest.revision - 1n;
  }
}
