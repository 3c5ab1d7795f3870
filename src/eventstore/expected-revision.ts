import { WrongExpectedRevisionError } from './errors';
import type { EventData, ExpectedRevision } from './port';

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
export function firstRevisionFor(expected: ExpectedRevision): bigint | undefined {
  if (expected === 'no_stream') return 0n;
  if (typeof expected === 'bigint') return expected + 1n;
  return undefined;
}

/**
 * True when `events` were already appended at exactly the revisions this
 * append would give them: a retry whose response was lost. Like EventStoreDB,
 * such a retry succeeds without writing again.
 */
export function isRepeatedAppend(
  events: EventData[],
  storedIdsFromFirstRevision: string[],
): boolean {
  return (
    storedIdsFromFirstRevision.length >= events.length &&
    events.every((event, index) => storedIdsFromFirstRevision[index] === event.id)
  );
}
