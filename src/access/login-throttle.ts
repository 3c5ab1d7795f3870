export interface LoginThrottleOptions {
  /** Failed logins allowed per window and key. Default 5. */
  maxFailures?: number;
  /** Default 15 minutes. */
  windowMs?: number;
  clock?: () => number;
}

const SWEEP_AT = 10_000;

/**
 * Counts failed logins per key (client address + username) in a sliding
 * window; past the limit, further attempts wait until the oldest failure
 * leaves the window. In memory: a restart forgets the counts.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  private readonly clock: () => number;

  constructor(options: LoginThrottleOptions = {}) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60 * 1000;
    this.clock = options.clock ?? Date.now;
  }

  /** Seconds to wait before the next attempt, or 0 when one is allowed now. */
  retryAfterSeconds(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.maxFailures) return 0;
    const oldest = recent[recent.length - this.maxFailures]!;
    return Math.max(1, Math.ceil((oldest + this.windowMs - this.clock()) / 1000));
  }

  recordFailure(key: string): void {
    if (this.failures.size >= SWEEP_AT) this.sweep();
    this.failures.set(key, [...this.recent(key), this.clock()]);
  }

  recordSuccess(key: string): void {
    this.failures.delete(key);
  }

  /** Bounds memory when many keys are tried: drops every key with no failure left in the window. */
  private sweep(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }

  private recent(key: string): number[] {
    const since = this.clock() - this.windowMs;
    const recent = (this.failures.get(key) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.failures.delete(key);
    return recent;
  }
}
