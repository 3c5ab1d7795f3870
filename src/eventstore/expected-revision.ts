import { WrongExpectedRevisionError } from './errors';
import type { AppendResult, EventData, ExpectedRevision, RecordedEvent } from './port';

/** Throws unless a stream whose current revision is `current` satisfies `expected`. */
export function assertExpectedRevision(
  stream: string,
  expected: ExpectedRevision,
  current: bigint | undefined,
): void {
  const satisfied =
    expected === 'any' ||
    (expected === 'no_stream' && current === undefined) ||
    (expected === 'stream_exists' && current !== undefined) ||
    (typeof expected === 'bigint' && current === expected);
  if (!satisfied) {
    throw new WrongExpectedRevisionError(stream, expected, current ?? 'no_stream');
  }
}

/** The revision the first appended event gets when `expected` holds exactly. */
function firstRevisionFor(expected: ExpectedRevision): bigint | undefined {
  if (expected === 'no_stream') return 0n;
  if (typeof expected === 'bigint') return expected + 1n;
  return undefined;
}

/** Up to `count` stored events of the stream from revision `first` on, in revision order. */
export type StoredFrom = (first: bigint, count: number) => RecordedEvent[];

/**
 * Checks `expected` before an append. Returns undefined when the append may
 * go ahead; the original result when `events` were already appended at
 * exactly the revisions this append would give them (a retry whose response
 * was lost: like EventStoreDB, it succeeds without writing again); otherwise
 * throws WrongExpectedRevisionError.
 */
export function checkAppend(
  stream: string,
  events: EventData[],
  expected: ExpectedRevision,
  current: bigint | undefined,
  storedFrom: StoredFrom,
): AppendResult | undefined {
  try {
    assertExpectedRevision(stream, expected, current);
    return undefined;
  } catch (error) {
    const first = firstRevisionFor(expected);
    if (first === undefined || events.length === 0) throw error;
    const stored = storedFrom(first, events.length);
    const repeated =
      stored.length === events.length && events.every((event, i) => stored[i]!.id === event.id);
    if (!repeated) throw error;
    const last = stored[stored.length - 1]!;
    return { nextRevision: last.revision, position: last.position };
  }
}
