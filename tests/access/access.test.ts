import { AccessError } from '../../src/access/access-rules';
import { accessDecisions, accessDecider, accessEvolvers } from '../../src/access/decider';
import { LoginThrottle } from '../../src/access/login-throttle';
import { hashPassword, verifyPassword } from '../../src/access/passwords';
import { roleFitsScope, scopeCovers } from '../../src/access/roles';
import { SessionStore } from '../../src/access/sessions';
import { initialAccessState, type AccessState } from '../../src/access/state';
import type { AccessEvent } from '../../src/access/events';

const context = { regencyCode: '35.10' };
const actor = { id: 'admin', role: 'administrator', displayName: 'Admin' };
const register = (userId: string, username: string, role = 'treasurer', scope = '35.10.01.2001') =>
  ({
    commandId: `c-${userId}`,
    type: 'RegisterUser',
    actor,
    payload: { userId, username, displayName: username, role, scope, passwordHash: 'h' },
  }) as const;

function fold(events: AccessEvent[]): AccessState {
  return events.reduce(
    (state, event) => accessEvolvers[event.type](state, event as never),
    initialAccessState,
  );
}

describe('access decider', () => {
  it('registers a user, then refuses the same username or id', () => {
    const events = accessDecider.decide(
      register('u1', 'siti') as never,
      accessDecider.initialState,
      context,
    );
    expect(events).toEqual([
      expect.objectContaining({
        type: 'UserRegistered',
        metadata: expect.objectContaining({ actor }),
      }),
    ]);
    const state = fold(events as AccessEvent[]);
    expect(
      accessDecisions.RegisterUser(register('u2', 'siti') as never, state, context),
    ).toMatchObject({ rule: 'USERNAME_TAKEN', field: 'username', value: 'siti' });
    expect(
      accessDecisions.RegisterUser(register('u1', 'budi') as never, state, context),
    ).toMatchObject({ rule: 'USER_ID_TAKEN' });
  });

  it('refuses scopes outside the regency or of the wrong level for the role', () => {
    expect(
      accessDecisions.RegisterUser(
        register('u1', 'a', 'treasurer', '36.01.01.2001') as never,
        initialAccessState,
        context,
      ),
    ).toMatchObject({ rule: 'SCOPE_IN_REGENCY' });
    expect(
      accessDecisions.RegisterUser(
        register('u1', 'a', 'treasurer', '35.10.01') as never,
        initialAccessState,
        context,
      ),
    ).toMatchObject({ rule: 'SCOPE_FITS_ROLE' });
    expect(
      accessDecisions.RegisterUser(
        register('u1', 'a', 'districtHead', '35.10.01') as never,
        initialAccessState,
        context,
      ),
    ).toEqual([expect.objectContaining({ type: 'UserRegistered' })]);
  });

  it('throws an access refusal through the stream-handling decider, so nothing is appended', () => {
    const state = { ...accessDecider.initialState };
    expect(() =>
      accessDecider.decide(
        {
          commandId: 'x',
          type: 'DeactivateUser',
          actor,
          payload: { userId: 'ghost', reason: 'r' },
        },
        state,
        context,
      ),
    ).toThrow(AccessError);
  });

  it('keeps deactivated users (and their names) but refuses to change them', () => {
    const state = fold(
      accessDecider.decide(
        register('u1', 'siti') as never,
        accessDecider.initialState,
        context,
      ) as AccessEvent[],
    );
    const deactivated = accessDecisions.DeactivateUser(
      {
        commandId: 'd',
        type: 'DeactivateUser',
        actor,
        payload: { userId: 'u1', reason: 'pensiun' },
      },
      state,
      context,
    );
    const after = (deactivated as never[]).reduce(
      (s: AccessState, fact: { type: 'UserDeactivated'; data: never }) =>
        accessEvolvers.UserDeactivated(s, fact as never),
      state,
    );
    expect(after.users.get('u1')?.active).toBe(false);
    expect(
      accessDecisions.AssignUserRole(
        {
          commandId: 'a',
          type: 'AssignUserRole',
          actor,
          payload: { userId: 'u1', role: 'auditor', scope: '35.10' },
        },
        after,
        context,
      ),
    ).toMatchObject({ rule: 'USER_ACTIVE' });
  });
});

describe('roles and scopes', () => {
  it('covers a region and everything under it, never a sibling or a parent', () => {
    expect(scopeCovers('35.10.01', '35.10.01.2001')).toBe(true);
    expect(scopeCovers('35.10.01', '35.10.011.2001')).toBe(false);
    expect(scopeCovers('35.10.01.2001', '35.10.01')).toBe(false);
    expect(roleFitsScope('auditor', '35.10.01.2001')).toBe(true);
    expect(roleFitsScope('administrator', '35.10.01')).toBe(false);
  });
});

describe('passwords, sessions and the login throttle', () => {
  it('verifies a scrypt hash and nothing else', async () => {
    const hash = await hashPassword('kata-sandi-benar');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('kata-sandi-benar', hash)).toBe(true);
    expect(await verifyPassword('kata-sandi-salah', hash)).toBe(false);
    expect(await verifyPassword('x', 'plain')).toBe(false);
  });

  it('ends sessions at their expiry and on logout', () => {
    let now = new Date('2025-01-01T00:00:00Z');
    const sessions = new SessionStore({ ttlMs: 1000, clock: () => now });
    const { token } = sessions.create('u1');
    expect(sessions.find(token)?.userId).toBe('u1');
    now = new Date(now.getTime() + 1000);
    expect(sessions.find(token)).toBeUndefined();
    const second = sessions.create('u1');
    sessions.end(second.token);
    expect(sessions.find(second.token)).toBeUndefined();
  });

  it('counts failures per key in a sliding window and forgets them on success', () => {
    let now = 0;
    const throttle = new LoginThrottle({ maxFailures: 2, windowMs: 10_000, clock: () => now });
    throttle.recordFailure('ip|a');
    now = 4000;
    throttle.recordFailure('ip|a');
    expect(throttle.retryAfterSeconds('ip|a')).toBe(6);
    expect(throttle.retryAfterSeconds('ip|b')).toBe(0);
    now = 10_001;
    expect(throttle.retryAfterSeconds('ip|a')).toBe(0);
    throttle.recordFailure('ip|a');
    throttle.recordSuccess('ip|a');
    expect(throttle.retryAfterSeconds('ip|a')).toBe(0);
  });
});
