import { createHash } from 'node:crypto';
import { SYSTEM_ACTOR } from '../../src/access/access-service';
import { loginThrottleKey } from '../../src/access/login-throttle';
import {
  decideSession,
  evolveSession,
  sessionEvents,
  sessionStreamId,
  type SessionCommand,
} from '../../src/access/session-decider';
import { sessionEventSchemas } from '../../src/access/session-events';
import {
  initialSessionState,
  liveSession,
  loginWaitMs,
  type SessionState,
} from '../../src/access/session-state';
import {
  LOGIN_FAILURE_WINDOW_MS,
  LOGIN_FAILURES_MAX,
  SESSION_SWEEP_INTERVAL_MS,
  SESSIONS_PER_USER_MAX,
} from '../../src/limits';
import { openSessionStream } from '../../src/access/session-stream';
import { csrfTokenFor } from '../../src/access/sessions';
import { withHashChain } from '../../src/eventstore/chained-store';
import { fromRecorded } from '../../src/eventstore/codec/event-codec';
import { createMemoryStore } from '../../src/eventstore/memory';

const REGENCY = '35.10';
const T0 = Date.parse('2025-03-03T08:00:00Z');
const HOUR = 60 * 60 * 1000;
const user = { userId: 'u-siti', role: 'treasurer' as const, displayName: 'Siti' };
const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/** Decides on the state and folds the decided events: what the stream would hold next. */
function run(state: SessionState, command: SessionCommand) {
  const events = sessionEvents(command, decideSession(command, state), 'c-1', SYSTEM_ACTOR);
  return { events, state: events.reduce(evolveSession, state) };
}

const start = (tokenHash: string, at: number, ttlMs = 8 * HOUR, throttleKey?: string) =>
  ({
    type: 'StartSession',
    tokenHash,
    userId: user.userId,
    at: new Date(at),
    expiresAt: new Date(at + ttlMs),
    ...(throttleKey === undefined ? {} : { throttleKey }),
  }) as const;
const fail = (throttleKey: string, at: number) =>
  ({ type: 'RecordLoginFailure', throttleKey, at: new Date(at) }) as const;

describe('session decider and fold', () => {
  it('starts a session that lives until its expiry', () => {
    const { events, state } = run(initialSessionState, start(digest('a'), T0, HOUR));
    expect(events.map((event) => event.type)).toEqual(['SessionStarted']);
    expect(events[0]!.data).toEqual({
      tokenHash: digest('a'),
      userId: 'u-siti',
      startedAt: '2025-03-03T08:00:00.000Z',
      expiresAt: '2025-03-03T09:00:00.000Z',
    });
    expect(liveSession(state, digest('a'), T0 + HOUR - 1)?.userId).toBe('u-siti');
    expect(liveSession(state, digest('a'), T0 + HOUR)).toBeUndefined();
    expect(liveSession(state, digest('b'), T0)).toBeUndefined();
  });

  it('ends a live session once, with its reason, and records nothing for an unknown one', () => {
    const started = run(initialSessionState, start(digest('a'), T0)).state;
    const end = {
      type: 'EndSession',
      tokenHash: digest('a'),
      at: new Date(T0 + 1000),
      reason: 'logout',
    } as const;
    const ended = run(started, end);
    expect(ended.events).toMatchObject([
      {
        type: 'SessionEnded',
        data: { tokenHash: digest('a'), userId: 'u-siti', reason: 'logout' },
      },
    ]);
    expect(liveSession(ended.state, digest('a'), T0 + 1000)).toBeUndefined();
    expect(run(ended.state, end).events).toEqual([]);
    expect(run(started, { ...end, tokenHash: digest('z') }).events).toEqual([]);
  });

  it('ends the oldest session of a user who starts one more than SESSIONS_PER_USER_MAX', () => {
    let state = initialSessionState;
    for (let index = 0; index < SESSIONS_PER_USER_MAX; index += 1)
      state = run(state, start(digest(`t${index}`), T0 + index)).state;
    const next = run(state, start(digest('newest'), T0 + 100));
    expect(
      next.events.map((event) => [event.type, (event.data as { tokenHash: string }).tokenHash]),
    ).toEqual([
      ['SessionEnded', digest('t0')],
      ['SessionStarted', digest('newest')],
    ]);
    expect(next.events[0]!.data).toMatchObject({ reason: 'superseded' });
    expect(liveSession(next.state, digest('t0'), T0 + 100)).toBeUndefined();
    expect(liveSession(next.state, digest('t1'), T0 + 100)).toBeDefined();
  });

  it('sweeps expired sessions and stale failures out of the fold as event time passes', () => {
    let state = run(initialSessionState, start(digest('short'), T0, 1000)).state;
    state = run(state, fail(digest('k'), T0)).state;
    state = run(state, start(digest('long'), T0 + 10)).state;
    expect(state.sessions.size).toBe(2);
    const later = T0 + LOGIN_FAILURE_WINDOW_MS + SESSION_SWEEP_INTERVAL_MS;
    state = run(state, fail(digest('other'), later)).state;
    expect([...state.sessions.keys()]).toEqual([digest('long')]);
    expect([...state.failures.keys()]).toEqual([digest('other')]);
  });

  it('counts LOGIN_FAILURES_MAX failures per key in a sliding window; a login with the key clears it', () => {
    const key = digest('10.0.0.1|siti');
    let state = initialSessionState;
    for (let index = 0; index < LOGIN_FAILURES_MAX; index += 1)
      state = run(state, fail(key, T0 + index * 1000)).state;
    const last = T0 + (LOGIN_FAILURES_MAX - 1) * 1000;
    expect(loginWaitMs(state, key, last)).toBe(LOGIN_FAILURE_WINDOW_MS - (last - T0));
    expect(loginWaitMs(state, digest('10.0.0.1|budi'), last)).toBe(0);
    expect(loginWaitMs(state, key, T0 + LOGIN_FAILURE_WINDOW_MS)).toBe(0);
    // One more failure once the first has left the window: the second oldest sets the wait.
    state = run(state, fail(key, T0 + LOGIN_FAILURE_WINDOW_MS)).state;
    expect(loginWaitMs(state, key, T0 + LOGIN_FAILURE_WINDOW_MS)).toBe(1000);
    expect(state.failures.get(key)).toHaveLength(LOGIN_FAILURES_MAX);
    state = run(state, start(digest('a'), T0 + LOGIN_FAILURE_WINDOW_MS, HOUR, key)).state;
    expect(loginWaitMs(state, key, T0 + LOGIN_FAILURE_WINDOW_MS)).toBe(0);
  });

  it('decides events that pass their schema and name the stream per regency', () => {
    const { events } = run(initialSessionState, fail(digest('k'), T0));
    expect(sessionEventSchemas.LoginFailed.data.parse(events[0]!.data)).toEqual(events[0]!.data);
    expect(events[0]!.metadata).toMatchObject({ schemaVersion: 1, actor: SYSTEM_ACTOR });
    expect(sessionStreamId(REGENCY)).toBe('sessions-35.10');
  });
});

describe('sessions and throttle over the session stream', () => {
  let now = new Date(T0);
  const clock = () => now;

  it('stores the token, the CSRF token and the throttle key only as digests', async () => {
    const store = withHashChain(createMemoryStore());
    const { sessions, throttle } = openSessionStream({ store, regencyCode: REGENCY, clock });
    const key = loginThrottleKey('10.0.0.1', 'Siti ');
    expect(key).toBe(digest('10.0.0.1|siti'));
    await throttle.recordFailure(key);
    const { token, session } = await sessions.create(user, key);
    expect(session.csrfToken).toBe(csrfTokenFor(token));
    expect(session.csrfToken).not.toBe(token);
    const stored = await store.readStream(sessionStreamId(REGENCY));
    const text = JSON.stringify(stored, (_key, value: unknown) =>
      typeof value === 'bigint' ? value.toString() : value,
    );
    expect(text).toContain(digest(token));
    expect(text).not.toContain(token);
    expect(text).not.toContain(session.csrfToken);
    expect(text).not.toContain('siti|');
    expect(text).not.toContain('10.0.0.1');
    expect(stored.map((event) => fromRecorded(sessionEventSchemas, event).type)).toEqual([
      'LoginFailed',
      'SessionStarted',
    ]);
    expect(stored[1]!.metadata.actor).toEqual({
      id: 'u-siti',
      role: 'treasurer',
      displayName: 'Siti',
    });
  });

  it('finds a session right after creating it, and after a restart from the stream', async () => {
    const store = withHashChain(createMemoryStore());
    const first = openSessionStream({ store, regencyCode: REGENCY, clock });
    const { token } = await first.sessions.create(user);
    expect(await first.sessions.find(token)).toMatchObject({ userId: 'u-siti' });
    await first.follower.stop();
    const restarted = openSessionStream({ store, regencyCode: REGENCY, clock });
    expect(await restarted.sessions.find(token)).toEqual({
      userId: 'u-siti',
      csrfToken: csrfTokenFor(token),
      expiresAt: new Date(T0 + 8 * HOUR),
    });
    now = new Date(T0 + 8 * HOUR);
    expect(await restarted.sessions.find(token)).toBeUndefined();
    now = new Date(T0);
    await restarted.follower.stop();
  });

  it('decides on what another instance has just written, before its next read', async () => {
    const store = withHashChain(createMemoryStore());
    const a = openSessionStream({ store, regencyCode: REGENCY, clock, followIntervalMs: 60_000 });
    const b = openSessionStream({ store, regencyCode: REGENCY, clock, followIntervalMs: 60_000 });
    await Promise.all([a.follower.start(), b.follower.start()]);
    const { token } = await a.sessions.create(user);
    expect(await b.sessions.find(token)).toMatchObject({ userId: 'u-siti' });
    const second = await a.sessions.create(user);
    await b.sessions.end(second.token, 'logout', SYSTEM_ACTOR);
    expect(await b.sessions.find(second.token)).toBeUndefined();
    const types = (await store.readStream(sessionStreamId(REGENCY))).map((event) => event.type);
    expect(types).toEqual(['SessionStarted', 'SessionStarted', 'SessionEnded']);
    await Promise.all([a.follower.stop(), b.follower.stop()]);
  });

  it('re-decides when another writer appended between its read and its append', async () => {
    const inner = withHashChain(createMemoryStore());
    let interleave: (() => Promise<unknown>) | undefined;
    const store = {
      ...inner,
      async append(...args: Parameters<typeof inner.append>) {
        const other = interleave;
        interleave = undefined;
        await other?.();
        return inner.append(...args);
      },
    };
    const a = openSessionStream({ store, regencyCode: REGENCY, clock, followIntervalMs: 60_000 });
    const b = openSessionStream({ store, regencyCode: REGENCY, clock, followIntervalMs: 60_000 });
    await b.follower.start();
    interleave = () => b.sessions.create(user);
    await a.throttle.recordFailure(digest('k'));
    const types = (await store.readStream(sessionStreamId(REGENCY))).map((event) => event.type);
    expect(types).toEqual(['SessionStarted', 'LoginFailed']);
    expect(await a.throttle.retryAfterSeconds(digest('k'))).toBe(0);
    expect((await a.follower.current()).sessions.size).toBe(1);
    await Promise.all([a.follower.stop(), b.follower.stop()]);
  });
});
