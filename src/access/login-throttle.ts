import { SYSTEM_ACTOR } from './access-service';
import type { SessionFollower } from './session-follower';
import { loginWaitMs } from './session-state';
import { digestOf } from './sessions';

export interface LoginThrottleOptions {
  clock?: () => Date;
}

/** The key failures are counted under: client address and username, as a digest only. */
export function loginThrottleKey(address: string, username: string): string {
  return digestOf(`${address}|${username.trim().toLowerCase()}`);
}

/**
 * Counts failed logins per key from the LoginFailed events of the session
 * stream, so the count holds across restarts and instances: LOGIN_FAILURES_MAX
 * per LOGIN_FAILURE_WINDOW_MS; past it, further attempts wait until the
 * oldest failure leaves the window. A successful login (its SessionStarted)
 * clears the key.
 */
export class LoginThrottle {
  private readonly clock: () => Date;

  constructor(
    private readonly follower: SessionFollower,
    options: LoginThrottleOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
  }

  /** Seconds to wait before the next attempt, or 0 when one is allowed now. */
  async retryAfterSeconds(throttleKey: string): Promise<number> {
    const wait = loginWaitMs(await this.follower.fresh(), throttleKey, this.clock().getTime());
    return wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : 0;
  }

  async recordFailure(throttleKey: string): Promise<void> {
    await this.follower.record(
      { type: 'RecordLoginFailure', throttleKey, at: this.clock() },
      SYSTEM_ACTOR,
    );
  }
}
