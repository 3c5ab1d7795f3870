import {
  EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  START,
  streamNameFilter,
  type Filter,
} from '@eventstore/db-client';
import { StreamNotFoundError } from './errors';
import { toStoreError } from './eventstoredb-errors';
import { toClientExpectedRevision, toClientPosition, toProposedEvent } from './eventstoredb-events';
import { readAllEvents, readStreamEvents } from './eventstoredb-reads';
import { EventStoreDbSubscription } from './eventstoredb-subscription';
import { assertExpectedRevision } from './expected-revision';
import type {
  AllFilter,
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  SubscribeOptions,
} from './port';
import { matchesFilter, pagesOf } from './reading';

/**
 * The event store port on EventStoreDB (gRPC, @eventstore/db-client 6.x).
 * Positions are EventStoreDB commit positions (see eventstoredb-events.ts);
 * system events (`$` types or streams) never appear in `$all` reads or
 * subscriptions, so `headPosition` is the position of the last user event.
 */
export function createEventStoreDbStore(connectionString: string): EventStore {
  const client = EventStoreDBClient.connectionString(connectionString);

  async function streamRevision(stream: string): Promise<bigint | undefined> {
    try {
      const [last] = await readStreamEvents(client, stream, {
        direction: 'backwards',
        maxCount: 1,
      });
      return last?.revision;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  async function headPosition(): Promise<bigint> {
    const [last] = await readAllEvents(client, { direction: 'backwards', maxCount: 1 });
    return last?.position ?? 0n;
  }

  /** Nothing to write: only the expectation is checked, as for the other adapters. */
  async function appendNothing(stream: string, expected: ExpectedRevision): Promise<AppendResult> {
    const current = await streamRevision(stream);
    assertExpectedRevision(stream, expected, current);
    return { nextRevision: current ?? -1n, position: await headPosition() };
  }

  async function append(
    stream: string,
    events: EventData[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (events.length === 0) return appendNothing(stream, expected);
    let result;
    try {
      result = await client.appendToStream(stream, events.map(toProposedEvent), {
        expectedRevision: toClientExpectedRevision(expected),
      });
    } catch (error) {
      throw toStoreError(error, { stream, expected });
    }
    if (!result.position)
      throw new Error(
        `Posisi tidak dikembalikan / no position returned for the append to "${stream}"`,
      );
    return { nextRevision: result.nextExpectedRevision, position: result.position.commit };
  }

  function subscribeToAll({ after, filter }: SubscribeOptions = {}): EventStoreDbSubscription {
    const source = client.subscribeToAll({
      fromPosition: after === undefined ? START : toClientPosition(after),
      filter: serverSideFilter(filter),
    });
    return new EventStoreDbSubscription(source, (event) => matchesFilter(event, filter));
  }

  return {
    append,
    readStream: (stream, options = {}) => readStreamEvents(client, stream, options),
    streamRevision,
    readAll: (options = {}) => readAllEvents(client, options),
    readAllPages: (options) => pagesOf((page) => readAllEvents(client, page), options),
    subscribeToAll,
    headPosition,
    close: () => client.dispose(),
  };
}

/**
 * EventStoreDB filters on one thing at a time: stream prefixes when given,
 * else event types (as prefixes; exact match is checked on our side), else
 * it only leaves out system events.
 */
function serverSideFilter(filter: AllFilter | undefined): Filter {
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: filter.streamPrefixes });
  if (filter?.eventTypes?.length) return eventTypeFilter({ prefixes: filter.eventTypes });
  return excludeSystemEvents();
}
