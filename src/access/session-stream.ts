import { LoginThrottle } from './login-throttle';
import { SessionFollower, type SessionFollowerOptions } from './session-follower';
import { SessionStore, type SessionStoreOptions } from './sessions';
import { TwoFactorCodes } from './two-factor-codes';

export interface SessionStream {
  follower: SessionFollower;
  sessions: SessionStore;
  throttle: LoginThrottle;
  twoFactor: TwoFactorCodes;
}

/** The sessions, the login throttle and the two-factor codes used of a regency, over one follower of its session stream. */
export function openSessionStream(
  options: SessionFollowerOptions & SessionStoreOptions,
): SessionStream {
  const follower = new SessionFollower(options);
  return {
    follower,
    sessions: new SessionStore(follower, options),
    throttle: new LoginThrottle(follower, options),
    twoFactor: new TwoFactorCodes(follower, options),
  };
}
