import { PersistentMap } from '../domain/shared/persistent-map';
import { LOGIN_FAILURES_MAX, LOGIN_FAILURE_WINDOW_MS, SESSION_SWEEP_INTERVAL_MS } from '../limits';

export interface LiveSession {
  tokenHash: string;
  userId: string;
  /** Epoch milliseconds. */
  startedAt: number;
  expiresAt: number;
}

/**
 * The folded session stream: the sessions not yet ended and, per throttle
 * key, its latest failed logins. A pure function of the stream, so every
 * instance following it holds the same. Expired sessions and failures older
 * than the window are swept out as event time passes, so the fold holds at
 * most what started within SESSION_TTL_MS (and LOGIN_FAILURE_WINDOW_MS) of
 * the latest event, and no user more than SESSIONS_PER_USER_MAX sessions.
 */
export interface SessionState {
  sessions: PersistentMap<LiveSession>;
  /** Failure instants (epoch ms) per throttle key, oldest first, the newest LOGIN_FAILURES_MAX only. */
  failures: PersistentMap<readonly number[]>;
  /** Per user, the TOTP time step of the last code accepted (one entry per enrolled user). */
  twoFactorSteps: PersistentMap<number>;
  /** The event time from which the next event sweeps. */
  sweepAt: number;
}

export const initialSessionState: SessionState = {
  sessions: PersistentMap.empty(),
  failures: PersistentMap.empty(),
  twoFactorSteps: PersistentMap.empty(),
  sweepAt: 0,
};

/** The session with this token digest, unless it has ended or expired by `now`. */
export function liveSession(
  state: SessionState,
  tokenHash: string,
  now: number,
): LiveSession | undefined {
  const session = state.sessions.get(tokenHash);
  return session && session.expiresAt > now ? session : undefined;
}

/** The user's sessions live at `now`, oldest first. */
export function liveSessionsOf(state: SessionState, userId: string, now: number): LiveSession[] {
  return [...state.sessions.values()]
    .filter((session) => session.userId === userId && session.expiresAt > now)
    .sort((a, b) => a.startedAt - b.startedAt);
}

/**
 * Milliseconds until the key may try again: 0 while it has fewer than
 * LOGIN_FAILURES_MAX failures in the window, else until the oldest of those
 * leaves it.
 */
export function loginWaitMs(state: SessionState, throttleKey: string, now: number): number {
  const recent = (state.failures.get(throttleKey) ?? []).filter(
    (at) => at > now - LOGIN_FAILURE_WINDOW_MS,
  );
  if (recent.length < LOGIN_FAILURES_MAX) return 0;
  return recent[recent.length - LOGIN_FAILURES_MAX]! + LOGIN_FAILURE_WINDOW_MS - now;
}

/** Drops expired sessions and keys without a failure in the window, at most once per sweep interval. */
export function swept(state: SessionState, now: number): SessionState {
  if (now < state.sweepAt) return state;
  let { sessions, failures } = state;
  for (const session of state.sessions.values())
    if (session.expiresAt <= now) sessions = sessions.delete(session.tokenHash);
  for (const [key, times] of state.failures)
    if (times.at(-1)! <= now - LOGIN_FAILURE_WINDOW_MS) failures = failures.delete(key);
  return { ...state, sessions, failures, sweepAt: now + SESSION_SWEEP_INTERVAL_MS };
}
