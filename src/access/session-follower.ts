import { randomUUID } from 'node:crypto';
import { fromRecorded, toEventData } from '../eventstore/codec/event-codec';
import { StreamNotFoundError, WrongExpectedRevisionError } from '../eventstore/errors';
import type { EventStore, RecordedEvent } from '../eventstore/port';
import type { Actor } from '../domain/shared/envelope';
import {
  decideSession,
  evolveSession,
  sessionEvents,
  sessionStreamId,
  type SessionCommand,
} from './session-decider';
import { sessionEventSchemas, type SessionEvent } from './session-events';
import { initialSessionState, type SessionState } from './session-state';
import {
  SESSION_APPEND_RETRIES_MAX,
  SESSION_FOLLOW_INTERVAL_MS,
  SESSION_READ_PAGE_MAX,
} from '../limits';

export interface SessionFollowerOptions {
  store: EventStore;
  regencyCode: string;
  followIntervalMs?: number;
  newId?: () => string;
}

/**
 * One process's fold of the regency's session stream, kept current by reading
 * the stream every SESSION_FOLLOW_INTERVAL_MS. Writes append at the revision
 * folded, so the decision saw everything before it; the written events are
 * folded at once (a login is usable on this instance right away). Events are
 * folded strictly in revision order: one already folded, by a read racing an
 * own write, is skipped; one past a gap waits for the next read.
 */
export class SessionFollower {
  readonly streamId: string;
  private folded: SessionState = initialSessionState;
  private revision: bigint | undefined;
  private started: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private stopped = false;
  private failure: Error | undefined;
  private readonly store: EventStore;
  private readonly followIntervalMs: number;
  private readonly newId: () => string;

  constructor(options: SessionFollowerOptions) {
    this.store = options.store;
    this.streamId = sessionStreamId(options.regencyCode);
    this.followIntervalMs = options.followIntervalMs ?? SESSION_FOLLOW_INTERVAL_MS;
    this.newId = options.newId ?? randomUUID;
  }

  /** Reads the stream through its head, then follows it. Later calls wait for the same start. */
  start(): Promise<void> {
    this.started ??= this.catchUp().then(
      () => {
        if (!this.stopped) this.schedule();
      },
      (error: unknown) => {
        this.started = undefined;
        throw error;
      },
    );
    return this.started;
  }

  /** Stops following; resolves once a read under way has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
  }

  /** The fold as last read: at most SESSION_FOLLOW_INTERVAL_MS behind the stream. */
  async current(): Promise<SessionState> {
    await this.start();
    return this.folded;
  }

  /** The fold read through the stream's head now: for what another instance may have just written. */
  async fresh(): Promise<SessionState> {
    await this.start();
    await this.catchUp();
    return this.folded;
  }

  /** Throws the last read's error, so an instance that cannot follow is not sent traffic. */
  status(): string {
    if (this.failure) throw this.failure;
    return `revision ${this.revision ?? 'none'}`;
  }

  /**
   * Decides on the stream read through its head, appends at that revision
   * (re-reading and deciding again when another instance wrote first) and
   * folds the events written.
   */
  async record(command: SessionCommand, actor: Actor): Promise<SessionEvent[]> {
    const commandId = this.newId();
    for (let attempt = 0; ; attempt += 1) {
      await this.fresh();
      // State and revision taken together, after the await: another write may have been folded meanwhile.
      const expected = this.revision ?? 'no_stream';
      const facts = decideSession(command, this.folded);
      const events = sessionEvents(command, facts, commandId, actor);
      if (events.length === 0) return [];
      try {
        const result = await this.store.append(
          this.streamId,
          events.map((event) => toEventData(event, this.newId())),
          expected,
        );
        const first = result.nextRevision - BigInt(events.length) + 1n;
        events.forEach((event, index) => this.fold(first + BigInt(index), () => event));
        return events;
      } catch (error) {
        const retry =
          error instanceof WrongExpectedRevisionError && attempt < SESSION_APPEND_RETRIES_MAX;
        if (!retry) throw error;
      }
    }
  }

  private fold(revision: bigint, event: () => SessionEvent): void {
    const next = this.revision === undefined ? 0n : this.revision + 1n;
    if (revision !== next) return;
    this.folded = evolveSession(this.folded, event());
    this.revision = revision;
  }

  private async catchUp(): Promise<void> {
    for (;;) {
      const page = await this.readAfter(this.revision);
      for (const recorded of page)
        this.fold(recorded.revision, () => fromRecorded(sessionEventSchemas, recorded));
      if (page.length < SESSION_READ_PAGE_MAX) return;
    }
  }

  private async readAfter(revision: bigint | undefined): Promise<RecordedEvent[]> {
    const fromRevision = revision === undefined ? 0n : revision + 1n;
    try {
      return await this.store.readStream(this.streamId, {
        fromRevision,
        maxCount: SESSION_READ_PAGE_MAX,
      });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  /** The next read, after the interval; the timer does not keep the process alive. */
  private schedule(): void {
    this.timer = setTimeout(() => {
      this.polling = this.catchUp()
        .then(
          () => (this.failure = undefined),
          (error: unknown) => (this.failure = error as Error),
        )
        .then(() => {
          this.polling = undefined;
          if (!this.stopped) this.schedule();
        });
    }, this.followIntervalMs);
    this.timer.unref();
  }
}
