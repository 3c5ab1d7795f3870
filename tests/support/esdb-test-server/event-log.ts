import { EventEmitter } from 'node:events';

/** What a writer proposes, as it arrives in Streams.Append. */
export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

/** An event as the log holds it. Commit and prepare position are both `position` (see below). */
export interface LoggedEvent extends ProposedEvent {
  streamName: string;
  revision: bigint;
  /** Log offset where the record starts (its "pre-position"). */
  position: bigint;
  /** Log offset just after the record (its "post-position"). */
  postPosition: bigint;
  /** .NET ticks (100 ns) since the Unix epoch, as the server's `created` metadata carries it. */
  createdTicks: bigint;
}

export type Expected = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type AppendOutcome =
  | { ok: true; currentRevision: bigint; position: bigint }
  | { ok: false; current: bigint | undefined };

/** Fixed bytes per record besides its payload: positions are byte offsets, so they have gaps. */
const RECORD_OVERHEAD = 96n;
const TICKS_PER_MILLISECOND = 10_000n;
/** A node's log opens with an epoch record, so no event ever sits at position 0. */
const FIRST_EVENT_POSITION = 128n;

/**
 * The node's transaction log, in memory. Every event written through gRPC is
 * an implicitly committed prepare record, so its commit and prepare positions
 * are the same number: the record's log offset (KurrentDB source,
 * Services/Storage/ReaderIndex/AllReader.cs). Offsets grow by the record size,
 * so positions are strictly increasing but not contiguous, as in EventStoreDB.
 */
export class EventLog {
  private readonly events: LoggedEvent[] = [];
  private readonly streams = new Map<string, LoggedEvent[]>();
  private readonly appended = new EventEmitter();
  private nextPosition = FIRST_EVENT_POSITION;

  constructor() {
    this.appended.setMaxListeners(0);
  }

  get length(): number {
    return this.events.length;
  }

  at(index: number): LoggedEvent | undefined {
    return this.events[index];
  }

  all(): readonly LoggedEvent[] {
    return this.events;
  }

  stream(name: string): readonly LoggedEvent[] | undefined {
    return this.streams.get(name);
  }

  /** Index of the first event whose position is greater than `position`. */
  indexAfter(position: bigint): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.events[middle]!.position <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  onAppend(listener: () => void): () => void {
    this.appended.on('append', listener);
    return () => this.appended.off('append', listener);
  }

  /** Checks the expectation and writes all events, or none; synchronous, hence atomic. */
  append(streamName: string, expected: Expected, proposed: ProposedEvent[]): AppendOutcome {
    const stored = this.streams.get(streamName) ?? [];
    const current = stored.length === 0 ? undefined : BigInt(stored.length - 1);
    const repeated = this.repeatedAppend(stored, expected, proposed);
    if (repeated) return repeated;
    if (!satisfies(expected, current)) return { ok: false, current };
    if (proposed.length === 0)
      return { ok: true, currentRevision: current ?? -1n, position: this.lastPosition() };
    const createdTicks = BigInt(Date.now()) * TICKS_PER_MILLISECOND;
    const written = proposed.map((event, index) =>
      this.place(streamName, BigInt(stored.length + index), event, createdTicks),
    );
    stored.push(...written);
    this.streams.set(streamName, stored);
    this.events.push(...written);
    this.appended.emit('append');
    const last = written[written.length - 1]!;
    return { ok: true, currentRevision: last.revision, position: last.position };
  }

  private place(
    streamName: string,
    revision: bigint,
    event: ProposedEvent,
    createdTicks: bigint,
  ): LoggedEvent {
    const size =
      RECORD_OVERHEAD +
      BigInt(
        Buffer.byteLength(streamName) +
          Buffer.byteLength(event.type) +
          event.data.length +
          event.customMetadata.length,
      );
    const position = this.nextPosition;
    this.nextPosition += size;
    return {
      ...event,
      streamName,
      revision,
      position,
      postPosition: this.nextPosition,
      createdTicks,
    };
  }

  private lastPosition(): bigint {
    return this.events[this.events.length - 1]?.position ?? 0n;
  }

  /**
   * A retry of an append that already succeeded (same event ids, in order,
   * where this append would have put them) succeeds again without writing:
   * the idempotence described on the "Appending events" documentation page.
   */
  private repeatedAppend(
    stored: LoggedEvent[],
    expected: Expected,
    proposed: ProposedEvent[],
  ): AppendOutcome | undefined {
    if (proposed.length === 0) return undefined;
    const first = firstRevision(stored, expected, proposed[0]!.id);
    if (first === undefined || first >= stored.length) return undefined;
    const candidates = stored.slice(first, first + proposed.length);
    const same =
      candidates.length === proposed.length && candidates.every((e, i) => e.id === proposed[i]!.id);
    if (!same) return undefined;
    const last = candidates[candidates.length - 1]!;
    return { ok: true, currentRevision: last.revision, position: last.position };
  }
}

function satisfies(expected: Expected, current: bigint | undefined): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === undefined;
  if (expected === 'stream_exists') return current !== undefined;
  return current === expected;
}

/** Where a repeated append's events would be: right after the expected revision, or where the first id already is. */
function firstRevision(
  stored: LoggedEvent[],
  expected: Expected,
  firstId: string,
): number | undefined {
  if (expected === 'no_stream') return 0;
  if (typeof expected === 'bigint')
    return expected + 1n <= BigInt(stored.length) ? Number(expected + 1n) : undefined;
  const index = stored.findIndex((e) => e.id === firstId);
  return index === -1 ? undefined : index;
}
