import { AccessError } from '../../src/access/access-rules';
import { accessDecisions, accessDecider, accessEvolvers } from '../../src/access/decider';
import { hashPassword, verifyPassword } from '../../src/access/passwords';
import { roleFitsScope, scopeCovers } from '../../src/access/roles';
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

describe('passwords', () => {
  it('verifies a scrypt hash and nothing else', async () => {
    const hash = await hashPassword('kata-sandi-benar');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('kata-sandi-benar', hash)).toBe(true);
    expect(await verifyPassword('kata-sandi-salah', hash)).toBe(false);
    expect(await verifyPassword('x', 'plain')).toBe(false);
  });
});
