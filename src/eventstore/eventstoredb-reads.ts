import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  type AllStreamResolvedEvent,
  type EventStoreDBClient,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { toStoreError } from './eventstoredb-errors';
import { isSystemEvent, toClientPosition, toRecordedEvent } from './eventstoredb-events';
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from './port';
import { matchesFilter } from './reading';
import { ESDB_READ_BATCH_MAX, ESDB_READ_BATCH_MIN, STORE_READ_PAGE_MAX } from '../limits';

export async function readStreamEvents(
  client: EventStoreDBClient,
  stream: string,
  { direction = 'forwards', fromRevision, maxCount }: ReadStreamOptions,
): Promise<RecordedEvent[]> {
  const forwards = direction === 'forwards';
  const read = client.readStream(stream, {
    direction: forwards ? FORWARDS : BACKWARDS,
    fromRevision: fromRevision ?? (forwards ? START : END),
    maxCount: maxCount ?? Number.MAX_SAFE_INTEGER,
  });
  const events: RecordedEvent[] = [];
  try {
    for await (const resolved of read as AsyncIterable<ResolvedEvent>) {
      if (resolved.event) events.push(toRecordedEvent(resolved.event));
    }
  } catch (error) {
    throw toStoreError(error, { stream });
  }
  return events;
}

/**
 * One page of `$all`. Client 6.2 reads `$all` without server-side filters,
 * so filtering (and skipping system events) happens here, fetching further
 * batches until the page is full or `$all` is exhausted.
 */
export async function readAllEvents(
  client: EventStoreDBClient,
  options: ReadAllOptions,
): Promise<RecordedEvent[]> {
  const forwards = (options.direction ?? 'forwards') === 'forwards';
  const wanted = options.maxCount ?? STORE_READ_PAGE_MAX;
  const batchSize = Math.min(Math.max(wanted + 1, ESDB_READ_BATCH_MIN), ESDB_READ_BATCH_MAX);
  const page: RecordedEvent[] = [];
  let cursor = options.after;
  while (page.length < wanted) {
    const batch = await readAllBatch(client, forwards, cursor, batchSize);
    for (const raw of batch) {
      const position = raw.position.commit;
      // Forwards the server's start position is inclusive, ours exclusive.
      if (cursor !== undefined && (forwards ? position <= cursor : position >= cursor)) continue;
      if (isSystemEvent(raw)) continue;
      const event = toRecordedEvent(raw);
      if (matchesFilter(event, options.filter)) page.push(event);
      if (page.length === wanted) return page;
    }
    const last = batch[batch.length - 1];
    if (batch.length < batchSize || !last) return page;
    cursor = last.position.commit;
  }
  return page;
}

async function readAllBatch(
  client: EventStoreDBClient,
  forwards: boolean,
  cursor: bigint | undefined,
  maxCount: number,
) {
  const read = client.readAll({
    direction: forwards ? FORWARDS : BACKWARDS,
    // Backwards, the server treats the position as exclusive already.
    fromPosition: cursor === undefined ? (forwards ? START : END) : toClientPosition(cursor),
    maxCount,
  });
  const batch = [];
  try {
    for await (const resolved of read as AsyncIterable<AllStreamResolvedEvent>) {
      if (resolved.event) batch.push(resolved.event);
    }
  } catch (error) {
    throw toStoreError(error);
  }
  return batch;
}
