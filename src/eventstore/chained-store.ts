import { StreamNotFoundError, WrongExpectedRevisionError } from './errors';
import { GENESIS_HASH, sealEvents, storedHash } from './hash-chain';
import type {
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  RecordedEvent,
  Subscription,
} from './port';
import { HASH_CHAIN_APPEND_RETRIES_MAX, HASH_CHAIN_HEADS_MAX } from '../limits';

interface Head {
  revision: bigint;
  hash: string;
}

/**
 * Seals every appended event into its stream's hash chain (see hash-chain.ts),
 * on any adapter. Race-free without a lock: events are hashed against the
 * event at exactly the expected revision, which is immutable once it exists,
 * and the append only succeeds if the stream is still at that revision.
 * `any` and `stream_exists` are turned into the exact head revision and
 * retried if another writer got there first.
 */
export function withHashChain(inner: EventStore, clock: () => Date = () => new Date()): EventStore {
  // Hash of the event at a revision, per stream: immutable, so always safe to reuse.
  const heads = new Map<string, Head>();

  function remember(stream: string, head: Head): void {
    heads.delete(stream);
    heads.set(stream, head);
    if (heads.size > HASH_CHAIN_HEADS_MAX) heads.delete(heads.keys().next().value!);
  }

  async function hashAt(stream: string, revision: bigint): Promise<string | undefined> {
    const [event] = await inner
      .readStream(stream, { fromRevision: revision, maxCount: 1 })
      .catch(ignoreNotFound);
    if (event?.revision !== revision) return undefined;
    return storedHash(event);
  }

  async function appendAt(
    stream: string,
    events: EventData[],
    expected: bigint | 'no_stream',
  ): Promise<AppendResult> {
    const cached = expected === 'no_stream' ? undefined : heads.get(stream);
    // The cached head answers without a trip through the event loop: the common, sequential case.
    const prevHash =
      expected === 'no_stream'
        ? GENESIS_HASH
        : cached?.revision === expected
          ? cached.hash
          : await hashAt(stream, expected);
    if (prevHash === undefined) {
      const actual = await inner.streamRevision(stream);
      throw new WrongExpectedRevisionError(stream, expected, actual ?? 'no_stream');
    }
    const firstRevision = expected === 'no_stream' ? 0n : expected + 1n;
    const { sealed, lastHash } = sealEvents(
      stream,
      firstRevision,
      prevHash,
      events,
      clock().toISOString(),
    );
    const result = await inner.append(stream, sealed, expected);
    if (events.length > 0) remember(stream, { revision: result.nextRevision, hash: lastHash });
    return result;
  }

  async function appendAtHead(
    stream: string,
    events: EventData[],
    expected: 'any' | 'stream_exists',
  ) {
    for (let attempt = 1; ; attempt++) {
      const current = await inner.streamRevision(stream);
      if (current === undefined && expected === 'stream_exists') {
        throw new WrongExpectedRevisionError(stream, expected, 'no_stream');
      }
      try {
        return await appendAt(stream, events, current ?? 'no_stream');
      } catch (error) {
        if (
          !(error instanceof WrongExpectedRevisionError) ||
          attempt >= HASH_CHAIN_APPEND_RETRIES_MAX
        )
          throw error;
      }
    }
  }

  return {
    readStream: async (stream, options) =>
      (await inner.readStream(stream, options)).map(withSealedTime),
    streamRevision: (stream) => inner.streamRevision(stream),
    readAll: async (options) => (await inner.readAll(options)).map(withSealedTime),
    readAllPages: (options) => mapPages(inner.readAllPages(options), withSealedTime),
    subscribeToAll: (options) => mapSubscription(inner.subscribeToAll(options), withSealedTime),
    headPosition: () => inner.headPosition(),
    close: () => inner.close(),
    append(stream: string, events: EventData[], expected: ExpectedRevision) {
      return expected === 'any' || expected === 'stream_exists'
        ? appendAtHead(stream, events, expected)
        : appendAt(stream, events, expected);
    },
  };
}

/**
 * Reports the sealed recorded time, where there is one, as the event's
 * recorded time. In place: reads hand out events their reader owns (port.ts),
 * and a rebuild reads millions of them.
 */
function withSealedTime(event: RecordedEvent): RecordedEvent {
  const sealed = event.metadata.recordedAt;
  if (typeof sealed === 'string') event.recordedAt = sealed;
  return event;
}

async function* mapPages(
  pages: AsyncIterable<RecordedEvent[]>,
  map: (event: RecordedEvent) => RecordedEvent,
): AsyncGenerator<RecordedEvent[]> {
  for await (const page of pages) yield page.map(map);
}

function mapSubscription(
  subscription: Subscription,
  map: (event: RecordedEvent) => RecordedEvent,
): Subscription {
  const source = subscription[Symbol.asyncIterator]();
  const mapped: AsyncIterableIterator<RecordedEvent> = {
    async next() {
      const result = await source.next();
      return result.done ? result : { done: false, value: map(result.value) };
    },
    async return() {
      await subscription.stop();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => mapped,
  };
  return {
    caughtUp: subscription.caughtUp,
    stop: () => subscription.stop(),
    [Symbol.asyncIterator]: () => mapped,
  };
}

function ignoreNotFound(error: unknown): [] {
  if (error instanceof StreamNotFoundError) return [];
  throw error;
}
