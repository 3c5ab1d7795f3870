/** An event's data as stored (plain JSON). */
export type EventContent = Record<string, unknown>;

/** Turns an event's data from one schema version into the next. Pure: no clock, no I/O. */
export type Upcaster = (data: EventContent) => EventContent;

/** Why an older event cannot be brought to the current version. */
export class MissingUpcasterError extends Error {
  override readonly name = 'MissingUpcasterError';
  constructor(eventType: string, fromVersion: number) {
    super(`no upcaster for ${eventType} from schema version ${fromVersion}`);
  }
}

/**
 * The upcasters of every event type: one step per (type, version), chained
 * at read time from the stored version up to the version the code knows.
 * Stored events are never rewritten; they are read through this.
 */
export class UpcasterRegistry {
  private readonly steps = new Map<string, Upcaster>();

  /** Adds the step from `fromVersion` to `fromVersion + 1`; one step per pair. */
  register(eventType: string, fromVersion: number, upcast: Upcaster): this {
    const key = stepKey(eventType, fromVersion);
    if (this.steps.has(key))
      throw new Error(`upcaster already registered: ${eventType} v${fromVersion}`);
    this.steps.set(key, upcast);
    return this;
  }

  /** The data brought from `fromVersion` to `toVersion`, one step at a time. */
  upcast(eventType: string, fromVersion: number, toVersion: number, data: EventContent) {
    let current = data;
    for (let version = fromVersion; version < toVersion; version += 1) {
      const step = this.steps.get(stepKey(eventType, version));
      if (!step) throw new MissingUpcasterError(eventType, version);
      current = step(current);
    }
    return current;
  }
}

const stepKey = (eventType: string, fromVersion: number) => `${eventType}@${fromVersion}`;
