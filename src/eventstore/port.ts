/**
 * The event store port: the one interface every adapter (embedded SQLite,
 * EventStoreDB, in-memory) implements and the contract suite in
 * tests/eventstore checks.
 *
 * Revisions and positions are bigint so that values beyond 2^53 stay exact.
 * Every read returns events the reader owns: changing one changes no later
 * read (so a wrapper may complete them in place instead of copying).
 */

/** What the writer believes about the stream before appending. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export type JsonObject = { [key: string]: unknown };

/** An event as proposed by a writer, before the store has placed it. */
export interface EventData {
  /** Client-chosen id (a UUID); the store keeps it. */
  id: string;
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}

/** An event as the store recorded it. */
export interface RecordedEvent extends EventData {
  streamId: string;
  /** 0-based revision within the stream. */
  revision: bigint;
  /** Global position in `$all`; strictly increasing in commit order, not necessarily contiguous. */
  position: bigint;
  /** UTC instant, ISO 8601. */
  recordedAt: string;
}

export interface AppendResult {
  /** Revision of the last event written (the stream's new current revision). */
  nextRevision: bigint;
  /** Global position of the last event written. */
  position: bigint;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive. Default: start of stream (forwards) or its end (backwards). */
  fromRevision?: bigint;
  maxCount?: number;
}

export interface AllFilter {
  /** Keep events whose stream id starts with any of these. */
  streamPrefixes?: string[];
  /** Keep events whose type is one of these. */
  eventTypes?: string[];
}

export interface ReadAllOptions {
  direction?: Direction;
  /**
   * Exclusive: forwards returns events after this position, backwards events
   * before it. Omitted: from the start (forwards) or the end (backwards).
   */
  after?: bigint;
  /** Page size. Default 4096. */
  maxCount?: number;
  filter?: AllFilter;
}

export interface ReadAllPagesOptions {
  /** Exclusive: pages start after this position. Omitted: from the first event. */
  after?: bigint;
  /** Events per page. Default 4096. */
  pageSize?: number;
  filter?: AllFilter;
}

export interface SubscribeOptions {
  /** The last position the subscriber processed (its checkpoint); delivery starts after it. */
  after?: bigint;
  filter?: AllFilter;
}

/**
 * A catch-up subscription to `$all`: delivers every stored event after the
 * checkpoint, then live events as they are appended, in global order, each
 * exactly once. `[Symbol.asyncIterator]()` returns the same iterator every
 * time, so a subscriber may consume it in parts; `for await … break` ends it.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  /** Resolves once every event stored when the subscription started has been delivered. */
  readonly caughtUp: Promise<void>;
  /** Ends the iteration; pending `next()` calls resolve as done. */
  stop(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends all events atomically, or none. Throws WrongExpectedRevisionError
   * when the stream's state does not match `expected`; nothing is written then.
   */
  append(stream: string, events: EventData[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Throws StreamNotFoundError when the stream has no events. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The stream's current revision, or undefined when it has no events. */
  streamRevision(stream: string): Promise<bigint | undefined>;
  /** One page of `$all`. Page through with `after` = the last position seen. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * `$all` forwards in pages, from `after` through the head (the head when the
   * last page is read): long scans such as rebuilds. No page is empty; ending
   * the iteration early ends the read.
   */
  readAllPages(options?: ReadAllPagesOptions): AsyncIterable<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Position of the last event in `$all`, or 0n when the store is empty. */
  headPosition(): Promise<bigint>;
  close(): Promise<void>;
}
