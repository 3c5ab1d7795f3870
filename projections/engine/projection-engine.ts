import type { EventStore, RecordedEvent, Subscription } from '../../src/eventstore/port';
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
  failure?: { position: bigint; eventId: string; message: string };
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

/** A rebuild saves now and then (about every million events), not per page: saving costs. */
const CATCH_UP_EVENTS_PER_SAVE = 1 << 20;

export interface EngineOptions {
  pageSize?: number;
  /** Live mode saves after this many unsaved events (default 20,000)… */
  saveEvery?: number;
  /** …or this long after the first unsaved one (default 30 s). */
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
  private waiters: { position: bigint; resolve: () => void }[] = [];
  private readonly pageSize: number;
  private readonly saveEvery: number;
  private readonly saveAfterMs: number;

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: CheckpointStore,
    projections: Projection<unknown>[],
    options: EngineOptions = {},
  ) {
    // Small pages: a page's events die young, before the garbage collector has to copy them.
    this.pageSize = options.pageSize ?? 1024;
    // Saving serialises states (or their changed parts) and blocks the event loop, so a live
    // server saves rarely; after a crash the engine simply re-reads the events since the last save.
    this.saveEvery = options.saveEvery ?? 20_000;
    this.saveAfterMs = options.saveAfterMs ?? 30_000;
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
      if (unsaved >= CATCH_UP_EVENTS_PER_SAVE) {
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
      } catch (error) {
        slot.failure = {
          position: event.position,
          eventId: event.id,
          message: (error as Error).message,
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
    if (this.position === undefined) return;
    const reached = this.position;
    this.waiters = this.waiters.filter((waiter) => {
      if (waiter.position > reached) return true;
      waiter.resolve();
      return false;
    });
  }

  /** Resolves once every projection has seen the event at `position` (read-your-writes after a command). */
  waitForPosition(position: bigint): Promise<void> {
    if (this.position !== undefined && this.position >= position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
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
