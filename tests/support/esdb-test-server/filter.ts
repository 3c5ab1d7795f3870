import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { LoggedEvent } from './event-log';

export interface EventFilter {
  matches(event: LoggedEvent): boolean;
  /** Send a checkpoint after this many considered events; undefined when unfiltered. */
  checkpointEvery: number | undefined;
}

/**
 * The server's read batch, used as the search window when the client asks
 * for `count` instead of a `max` window.
 */
const DEFAULT_SEARCH_WINDOW = 32;

const everything: EventFilter = { matches: () => true, checkpointEvery: undefined };

/**
 * A server-side `$all` filter: on the stream name or on the event type, by
 * prefixes or by regex, one kind at a time ("Server-side filtering" page).
 * Checkpoints come every window × multiplier considered events.
 */
export function eventFilterOf(options: ReadReq.Options): EventFilter {
  const filter = options.getFilter();
  if (!options.hasFilter() || !filter) return everything;
  const onStream = filter.hasStreamIdentifier();
  const expression = onStream ? filter.getStreamIdentifier() : filter.getEventType();
  if (!expression) return everything;
  const test = expressionTest(expression);
  const window = filter.hasMax() ? filter.getMax() : DEFAULT_SEARCH_WINDOW;
  return {
    matches: (event) => test(onStream ? event.streamName : event.type),
    checkpointEvery: window * Math.max(1, filter.getCheckpointintervalmultiplier()),
  };
}

function expressionTest(
  expression: ReadReq.Options.FilterOptions.Expression,
): (value: string) => boolean {
  const prefixes = expression.getPrefixList();
  if (prefixes.length > 0) return (value) => prefixes.some((prefix) => value.startsWith(prefix));
  const regex = new RegExp(expression.getRegex());
  return (value) => regex.test(value);
}
