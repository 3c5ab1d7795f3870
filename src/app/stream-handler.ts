import { randomUUID } from 'node:crypto';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../eventstore/errors';
import { assertExpectedRevision } from '../eventstore/expected-revision';
import type { EventStore, ExpectedRevision, RecordedEvent } from '../eventstore/port';
import type { Decider } from '../domain/shared/decider';
import { DomainError } from '../domain/shared/domain-error';
import type { CommandEnvelope, DomainEvent } from '../domain/shared/envelope';
import type { Tracked } from '../domain/shared/idempotency';
import { placedAt, type EventPlace } from '../domain/shared/impossible-event';
import type { EventSpec } from '../domain/shared/schema-types';
import { fromRecorded, toEventData } from '../eventstore/codec/event-codec';
import { COMMAND_RETRIES_MAX, STATE_CACHE_STREAMS_MAX, STREAM_LOAD_PAGE_MAX } from '../limits';
import { StateCache, type CachedState } from './state-cache';

export interface StreamHandlerOptions {
  /** Conflicts (another writer appended first) retried before giving up. Default COMMAND_RETRIES_MAX. */
  maxRetries?: number;
  /** Streams whose folded state stays in memory. Default STATE_CACHE_STREAMS_MAX. */
  cacheSize?: number;
  /** Event ids; default random UUIDs. */
  newId?: () => string;
}

export interface CommandOutcome<E extends DomainEvent> {
  streamId: string;
  /** The command's events: new ones, or for a repeated command the ones it produced first. */
  events: (E & { revision: bigint })[];
  /** True when the command had already been handled and nothing was written. */
  duplicate: boolean;
  /** Global position of the command's last event: what a read must wait for to see it. */
  position: bigint;
}

export interface HandleOptions {
  /**
   * The revision the caller saw (HTTP If-Match). When set, a stream that has
   * moved on refuses with WrongExpectedRevisionError instead of re-deciding.
   */
  expectedRevision?: ExpectedRevision;
}

/** Load → fold → decide → append at the loaded revision, retrying on a concurrent write. */
export class StreamHandler<C extends CommandEnvelope, S, E extends DomainEvent, Ctx> {
  private readonly cache: StateCache<Tracked<S>>;
  private readonly maxRetries: number;
  private readonly newId: () => string;

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<C, Tracked<S>, E, Ctx>,
    private readonly registry: Record<string, EventSpec>,
    options: StreamHandlerOptions = {},
  ) {
    this.cache = new StateCache(options.cacheSize ?? STATE_CACHE_STREAMS_MAX);
    this.maxRetries = options.maxRetries ?? COMMAND_RETRIES_MAX;
    this.newId = options.newId ?? randomUUID;
  }

  /**
   * The stream's folded state, caught up from the cached revision. An event
   * the state cannot take fails the load with ImpossibleEventError naming
   * its stream, revision and type.
   */
  async load(streamId: string): Promise<CachedState<Tracked<S>>> {
    let current = this.cache.get(streamId) ?? {
      state: this.decider.initialState,
      revision: undefined,
    };
    for (;;) {
      const page = await this.readAfter(streamId, current.revision);
      for (const recorded of page) {
        current = {
          state: this.evolveAt(current.state, this.decode(recorded), recorded),
          revision: recorded.revision,
        };
      }
      if (page.length < STREAM_LOAD_PAGE_MAX) break;
    }
    this.cache.set(streamId, current);
    return current;
  }

  /**
   * Handles one command. Throws DomainError when a rule refuses it (nothing
   * is written) and WrongExpectedRevisionError when conflicts outlast the retries.
   */
  async handle(
    streamId: string,
    command: C,
    contextFor: (state: Tracked<S>) => Promise<Ctx> | Ctx,
    options: HandleOptions = {},
  ): Promise<CommandOutcome<E>> {
    const { expectedRevision } = options;
    for (let attempt = 0; ; attempt += 1) {
      const loaded = await this.load(streamId);
      const decision = this.decider.decide(command, loaded.state, await contextFor(loaded.state));
      // A repeated command answers with its original outcome whatever the stream's revision now.
      const repeated = !(decision instanceof DomainError) && decision.length === 0;
      if (expectedRevision !== undefined && !repeated)
        assertExpectedRevision(streamId, expectedRevision, loaded.revision);
      if (decision instanceof DomainError) throw decision;
      if (decision.length === 0)
        return this.originalOutcome(streamId, loaded.state, command.commandId);
      try {
        return await this.append(streamId, loaded, decision);
      } catch (error) {
        const retry =
          error instanceof WrongExpectedRevisionError &&
          attempt < this.maxRetries &&
          expectedRevision === undefined;
        if (!retry) throw error;
      }
    }
  }

  private async append(
    streamId: string,
    loaded: CachedState<Tracked<S>>,
    events: E[],
  ): Promise<CommandOutcome<E>> {
    const expected = loaded.revision ?? 'no_stream';
    const result = await this.store.append(
      streamId,
      events.map((event) => toEventData(event, this.newId())),
      expected,
    );
    const first = result.nextRevision - BigInt(events.length) + 1n;
    const state = events.reduce(
      (folded, event, index) =>
        this.evolveAt(folded, event, { streamId, revision: first + BigInt(index) }),
      loaded.state,
    );
    this.cache.set(streamId, { state, revision: result.nextRevision });
    return {
      streamId,
      events: events.map((event, index) => ({ ...event, revision: first + BigInt(index) })),
      duplicate: false,
      position: result.position,
    };
  }

  private async originalOutcome(
    streamId: string,
    state: Tracked<S>,
    commandId: string,
  ): Promise<CommandOutcome<E>> {
    const record = state.commands.get(commandId);
    const recorded = record
      ? await this.store.readStream(streamId, {
          fromRevision: BigInt(record.firstRevision),
          maxCount: record.lastRevision - record.firstRevision + 1,
        })
      : [];
    return {
      streamId,
      events: recorded.map((event) => ({ ...this.decode(event), revision: event.revision })),
      duplicate: true,
      position: recorded.at(-1)?.position ?? 0n,
    };
  }

  private async readAfter(
    streamId: string,
    revision: bigint | undefined,
  ): Promise<RecordedEvent[]> {
    const fromRevision = revision === undefined ? 0n : revision + 1n;
    try {
      return await this.store.readStream(streamId, {
        fromRevision,
        maxCount: STREAM_LOAD_PAGE_MAX,
      });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  private evolveAt(state: Tracked<S>, event: E, place: EventPlace): Tracked<S> {
    try {
      return this.decider.evolve(state, event);
    } catch (error) {
      throw placedAt(error, place);
    }
  }

  private decode(recorded: RecordedEvent): E {
    return fromRecorded<E>(this.registry, recorded);
  }
}
