import { LoginThrottle } from './login-throttle';
import { SessionFollower, type SessionFollowerOptions } from './session-follower';
import { SessionStore, type SessionStoreOptions } from './sessions';

export interface SessionStream {
  follower: SessionFollower;
  sessions: SessionStore;
  throttle: LoginThrottle;
}

/** The sessions and the login throttle of a regency, over one follower of its session stream. */
export function openSessionStream(
  options: SessionFollowerOptions & SessionStoreOptions,
): SessionStream {
  const follower = new SessionFollower(options);
  return {
    follower,
    sessions: new SessionStore(follower, options),
    throttle: new LoginThrottle(follower, options),
  };
}
