import type { EventStore, RecordedEvent, Subscription } from '../../src/eventstore/port';
import {
  CATCH_UP_UNSAVED_EVENTS_MAX,
  LIVE_SAVE_AFTER_MS,
  LIVE_UNSAVED_EVENTS_MAX,
  LimitExceededError,
  PROJECTION_PAGE_MAX,
  READ_MODEL_WAITERS_MAX,
} from '../../src/limits';
import { placedAt } from '../../src/domain/shared/impossible-event';
import type { CheckpointStore } from './checkpoint-store';
import type { Projection } from './projection';

export interface ProjectionStatus {
  name: string;
  version: number;
  /** Last position this projection has seen (applied or passed over). */
  checkpoint: bigint | undefined;
  /** Position of the last event in the store when asked. */
  head: bigint;
  caughtUp: boolean;
  /** Set when `apply` threw; the projection stops there until fixed and rebuilt. */
  failure?: ProjectionFailure;
}

/** The event a projection could not apply, where it is in the store, and the error. */
export interface ProjectionFailure {
  position: bigint;
  eventId: string;
  streamId: string;
  revision: bigint;
  eventType: string;
  message: string;
  /** An ImpossibleEventError placed at the event's stream and revision, or what `apply` threw. */
  error: Error;
}

interface Slot {
  projection: Projection<unknown>;
  types: Set<string>;
  state: unknown;
  checkpoint: bigint | undefined;
  /**
   * State changed since the last save. Only such projections are written; the
   * others keep an older checkpoint, which is safe: all they missed are events
   * they do not read.
   */
  dirty: boolean;
  /** Rebuilt from zero: parts saved by an older version are removed at the first save. */
  fresh: boolean;
  /** Saved in parts, read back when the engine starts (a part may read the store). */
  savedInParts: boolean;
  failure?: ProjectionStatus['failure'];
}

/** A read waiting for the engine to reach a position; it leaves the list when reached or given up. */
interface Waiter {
  position: bigint;
  resolve: () => void;
  giveUp: () => void;
}

export interface EngineOptions {
  pageSize?: number;
  /** Live mode saves after this many unsaved events (default LIVE_UNSAVED_EVENTS_MAX)… */
  saveEvery?: number;
  /** …or this long after the first unsaved one (default LIVE_SAVE_AFTER_MS). */
  saveAfterMs?: number;
}

/**
 * Feeds every projection from one pass over `$all`: catches up page by page
 * from the oldest checkpoint (each projection skips what it has seen), then
 * follows a live subscription. State and checkpoints of all projections are
 * saved together in one transaction; a state kept in parts writes only the
 * parts that changed. A projection whose stored version differs from its
 * code is rebuilt from the first event.
 */
export class ProjectionEngine {
  private readonly slots: Slot[];
  private position: bigint | undefined;
  private caughtUp = false;
  private subscription: Subscription | undefined;
  private live: Promise<void> | undefined;
  private unsaved = 0;
  private saveTimer: NodeJS.Timeout | undefined;
  private readonly waiters = new Set<Waiter>();
  private readonly pageSize: number;
  private readonly saveEvery: number;
  private readonly saveAfterMs: number;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    projections: Projection<unknown>[],
    options: EngineOptions = {},
  ) {
    this.pageSize = options.pageSize ?? PROJECTION_PAGE_MAX;
    this.saveEvery = options.saveEvery ?? LIVE_UNSAVED_EVENTS_MAX;
    this.saveAfterMs = options.saveAfterMs ?? LIVE_SAVE_AFTER_MS;
    this.slots = projections.map((projection) => this.restore(projection));
  }

  private restore(projection: Projection<unknown>): Slot {
    const saved = this.checkpoints.load(projection.name);
    const current = saved?.version === projection.version;
    return {
      projection,
      types: new Set(projection.eventTypes),
      state:
        current && !projection.parts
          ? projection.deserialize(saved.state)
          : projection.initialState(),
      checkpoint: current ? saved.position : undefined,
      dirty: !current,
      fresh: !current,
      savedInParts: current && projection.parts !== undefined,
    };
  }

  /** Restores the states saved in parts (replaying their events through the checkpoint); `start` does it first. */
  async loadParts(): Promise<void> {
    for (const slot of this.slots) {
      const { name, parts } = slot.projection;
      if (!slot.savedInParts || !parts) continue;
      const history = this.eventsThrough(slot.checkpoint);
      slot.state = await parts.fromParts(this.checkpoints.loadParts(name), history);
      slot.savedInParts = false;
    }
  }

  /** `$all` from the first event through `position`, in pages as the catch-up reads it. */
  private async *eventsThrough(position: bigint | undefined): AsyncIterable<RecordedEvent[]> {
    if (position === undefined) return;
    for await (const page of this.store.readAllPages({ pageSize: this.pageSize })) {
      const through = page.filter((event) => event.position <= position);
      if (through.length > 0) yield through;
      if (through.length < page.length) return;
    }
  }

  /** Catches every projection up with the store, then follows it live. Resolves once caught up. */
  async start(): Promise<void> {
    await this.loadParts();
    this.position = this.oldestCheckpoint();
    let unsaved = 0;
    for await (const page of this.store.readAllPages({
      after: this.position,
      pageSize: this.pageSize,
    })) {
      this.applyAll(page);
      unsaved += page.length;
      if (unsaved >= CATCH_UP_UNSAVED_EVENTS_MAX) {
        this.save();
        unsaved = 0;
      }
    }
    this.save();
    this.caughtUp = true;
    this.subscription = this.store.subscribeToAll({ after: this.position });
    this.live = this.follow(this.subscription);
  }

  private oldestCheckpoint(): bigint | undefined {
    let oldest: bigint | undefined;
    for (const [index, slot] of this.slots.entries()) {
      if (slot.checkpoint === undefined) return undefined;
      if (index === 0 || slot.checkpoint < oldest!) oldest = slot.checkpoint;
    }
    return oldest;
  }

  private async follow(subscription: Subscription): Promise<void> {
    for await (const event of subscription) {
      this.applyAll([event]);
      this.unsaved += 1;
      if (this.unsaved >= this.saveEvery) this.save();
      else this.saveTimer ??= setTimeout(() => this.save(), this.saveAfterMs).unref();
    }
  }

  private applyAll(events: RecordedEvent[]): void {
    for (const event of events) {
      for (const slot of this.slots) this.applyOne(slot, event);
      this.position = event.position;
    }
    this.releaseWaiters();
  }

  private applyOne(slot: Slot, event: RecordedEvent): void {
    if (slot.failure || (slot.checkpoint !== undefined && event.position <= slot.checkpoint))
      return;
    if (slot.types.has(event.type)) {
      try {
        slot.state = slot.projection.apply(slot.state, event);
        slot.dirty = true;
      } catch (thrown) {
        const error = placedAt(thrown, event) as Error;
        slot.failure = {
          position: event.position,
          eventId: event.id,
          streamId: event.streamId,
          revision: event.revision,
          eventType: event.type,
          message: error.message,
          error,
        };
        return;
      }
    }
    slot.checkpoint = event.position;
  }

  private save(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.unsaved = 0;
    this.checkpoints.transaction(() => {
      for (const slot of this.slots.filter((s) => s.dirty)) this.saveSlot(slot);
    });
  }

  private saveSlot(slot: Slot): void {
    const { name, version, parts } = slot.projection;
    slot.dirty = false;
    this.checkpoints.save(name, {
      version,
      position: slot.checkpoint,
      state: parts ? {} : slot.projection.serialize(slot.state),
    });
    if (!parts) return;
    if (slot.fresh) this.checkpoints.removeParts(name);
    slot.fresh = false;
    for (const [part, data] of parts.takeChanged(slot.state))
      this.checkpoints.savePart(name, version, part, data);
  }

  private releaseWaiters(): void {
    if (this.position === undefined || this.waiters.size === 0) return;
    for (const waiter of this.waiters) if (waiter.position <= this.position) waiter.resolve();
  }

  /**
   * Resolves once every projection has seen the event at `position`
   * (read-your-writes after a command). Rejects with the signal's reason
   * when it aborts, the waiter removed, and at once with LimitExceededError
   * while READ_MODEL_WAITERS_MAX others wait: a reader can neither leave a
   * waiter behind nor grow the list every applied event walks.
   */
  waitForPosition(position: bigint, signal?: AbortSignal): Promise<void> {
    if (this.position !== undefined && this.position >= position) return Promise.resolve();
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.waiters.size >= READ_MODEL_WAITERS_MAX)
      return Promise.reject(
        new LimitExceededError('READ_MODEL_WAITERS_MAX', READ_MODEL_WAITERS_MAX),
      );
    return new Promise((resolve, reject) => {
      const leave = () => {
        this.waiters.delete(waiter);
        signal?.removeEventListener('abort', waiter.giveUp);
      };
      const waiter: Waiter = {
        position,
        resolve: () => {
          leave();
          resolve();
        },
        giveUp: () => {
          leave();
          reject(signal?.reason);
        },
      };
      this.waiters.add(waiter);
      signal?.addEventListener('abort', waiter.giveUp, { once: true });
    });
  }

  /** Reads waiting for a position not reached yet. */
  pendingWaiters(): number {
    return this.waiters.size;
  }

  state<State>(projection: Projection<State>): State {
    const slot = this.slots.find((s) => s.projection.name === projection.name);
    if (!slot)
      throw new Error(`Proyeksi tidak terdaftar / projection not registered: ${projection.name}`);
    return slot.state as State;
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.store.headPosition();
    return this.slots.map((slot) => ({
      name: slot.projection.name,
      version: slot.projection.version,
      checkpoint: slot.checkpoint,
      head,
      caughtUp: this.caughtUp && !slot.failure && (slot.checkpoint ?? 0n) >= head,
      ...(slot.failure ? { failure: slot.failure } : {}),
    }));
  }

  /** Stops following the store and saves what was applied. */
  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.live;
    this.save();
  }
}
