import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import { toStoreError } from './eventstoredb-errors';
import { isSystemEvent, toRecordedEvent } from './eventstoredb-events';
import type { RecordedEvent, Subscription } from './port';

import {
  ESDB_SUBSCRIPTION_QUEUE_MAX,
  ESDB_SUBSCRIPTION_RESUME_MAX,
  LimitExceededError,
  SUBSCRIPTION_WAITERS_MAX,
} from '../limits';

type Waiter = {
  resolve(result: IteratorResult<RecordedEvent>): void;
  reject(error: unknown): void;
};

/**
 * Our Subscription over the client's catch-up subscription to `$all`:
 * a queue the subscriber pulls from, with system events and events the
 * client-side filter rejects left out, and `caughtUp` resolved in order.
 */
export class EventStoreDbSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private markCaughtUp!: () => void;
  private failCaughtUp!: (error: unknown) => void;
  private readonly queue: RecordedEvent[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly iterator: AsyncIterator<RecordedEvent>;
  /** Events the client had buffered when the server said "caught up"; undefined until then. */
  private untilCaughtUp: number | undefined;
  private failure: unknown;
  private stopped = false;

  constructor(
    private readonly source: AllStreamSubscription,
    private readonly accepts: (event: RecordedEvent) => boolean,
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.markCaughtUp = resolve;
      this.failCaughtUp = reject;
    });
    // A failure also reaches the iterator; nobody is obliged to await caughtUp.
    this.caughtUp.catch(() => undefined);
    this.iterator = {
      next: () => this.next(),
      return: async () => {
        await this.stop();
        return { done: true, value: undefined };
      },
    };
    source.on('data', (resolved: AllStreamResolvedEvent) => this.receive(resolved));
    source.on('caughtUp', () => this.serverCaughtUp());
    source.on('error', (error: Error) => this.fail(toStoreError(error)));
    source.on('end', () => this.finish());
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.finish();
    // Nothing is left to wait for once the subscriber has stopped.
    this.markCaughtUp();
    await this.source.unsubscribe();
  }

  private next(): Promise<IteratorResult<RecordedEvent>> {
    const event = this.queue.shift();
    if (event) {
      if (this.queue.length < ESDB_SUBSCRIPTION_RESUME_MAX && this.source.isPaused())
        this.source.resume();
      return Promise.resolve({ done: false, value: event });
    }
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.stopped) return Promise.resolve({ done: true, value: undefined });
    if (this.waiters.length >= SUBSCRIPTION_WAITERS_MAX)
      return Promise.reject(
        new LimitExceededError('SUBSCRIPTION_WAITERS_MAX', SUBSCRIPTION_WAITERS_MAX),
      );
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private receive(resolved: AllStreamResolvedEvent): void {
    this.enqueue(resolved);
    this.countTowardsCaughtUp();
  }

  private enqueue({ event: raw }: AllStreamResolvedEvent): void {
    if (this.stopped || !raw || isSystemEvent(raw)) return;
    let event: RecordedEvent;
    try {
      event = toRecordedEvent(raw);
    } catch (error) {
      return this.fail(error);
    }
    if (!this.accepts(event)) return;
    const waiter = this.waiters.shift();
    if (waiter) return waiter.resolve({ done: false, value: event });
    this.queue.push(event);
    if (this.queue.length >= ESDB_SUBSCRIPTION_QUEUE_MAX) this.source.pause();
  }

  /**
   * The client emits "caughtUp" while reading the server's message, possibly
   * before it has handed us the events that came before it. Those are still
   * in its readable buffer, so we wait for exactly that many more.
   */
  private serverCaughtUp(): void {
    if (this.untilCaughtUp !== undefined) return;
    this.untilCaughtUp = this.source.readableLength;
    this.countTowardsCaughtUp(0);
  }

  private countTowardsCaughtUp(received = 1): void {
    if (this.untilCaughtUp === undefined || this.untilCaughtUp < 0) return;
    this.untilCaughtUp -= received;
    if (this.untilCaughtUp > 0) return;
    this.untilCaughtUp = -1;
    // A subscriber already awaiting next() gets the queued events first.
    setImmediate(this.markCaughtUp);
  }

  private fail(error: unknown): void {
    if (this.stopped) return;
    this.failure = error;
    this.failCaughtUp(error);
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    void this.source.unsubscribe();
  }

  private finish(): void {
    this.stopped = true;
    this.queue.length = 0;
    for (const waiter of this.waiters.splice(0)) waiter.resolve({ done: true, value: undefined });
  }
}
