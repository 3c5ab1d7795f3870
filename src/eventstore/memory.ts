import { AppendSignal } from './append-signal';
import { catchUpSubscription } from './catch-up-subscription';
import { StreamNotFoundError } from './errors';
import { checkAppend } from './expected-revision';
import { matchesFilter, pageOf, pagesOf, selectStreamEvents } from './reading';
import type {
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
} from './port';

/** An event store held in memory, for unit tests. Same contract as the others. */
export function createMemoryStore(clock: () => Date = () => new Date()): EventStore {
  const all: RecordedEvent[] = [];
  const streams = new Map<string, RecordedEvent[]>();
  const signal = new AppendSignal();

  async function append(
    stream: string,
    events: EventData[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const stored = streams.get(stream) ?? [];
    const current = stored.length === 0 ? undefined : BigInt(stored.length - 1);
    const repeated = checkAppend(stream, events, expected, current, (first, count) =>
      stored.slice(Number(first), Number(first) + count),
    );
    if (repeated) return repeated;
    const recordedAt = clock().toISOString();
    const recorded = events.map((event, index) => ({
      ...structuredClone(event),
      streamId: stream,
      revision: BigInt(stored.length + index),
      position: BigInt(all.length + index + 1),
      recordedAt,
    }));
    if (recorded.length === 0)
      return { nextRevision: current ?? -1n, position: BigInt(all.length) };
    stored.push(...recorded);
    streams.set(stream, stored);
    all.push(...recorded);
    signal.notify();
    const last = recorded[recorded.length - 1]!;
    return { nextRevision: last.revision, position: last.position };
  }

  async function readStream(
    stream: string,
    options: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> {
    const stored = streams.get(stream);
    if (!stored || stored.length === 0) throw new StreamNotFoundError(stream);
    return selectStreamEvents(stored, options).map((e) => structuredClone(e));
  }

  async function readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const ordered = options.direction === 'backwards' ? [...all].reverse() : all;
    const after = options.after;
    const candidates = ordered.filter(
      (e) =>
        (after === undefined ||
          (options.direction === 'backwards' ? e.position < after : e.position > after)) &&
        matchesFilter(e, options.filter),
    );
    return pageOf(candidates, options.maxCount).map((e) => structuredClone(e));
  }

  return {
    append,
    readStream,
    readAll,
    readAllPages: (options) => pagesOf(readAll, options),
    async streamRevision(stream) {
      const stored = streams.get(stream);
      return stored && stored.length > 0 ? BigInt(stored.length - 1) : undefined;
    },
    subscribeToAll: (options = {}) => catchUpSubscription({ readAll, signal }, options),
    async headPosition() {
      return BigInt(all.length);
    },
    async close() {},
  };
}
