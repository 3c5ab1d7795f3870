import * as OTPAuth from 'otpauth';
import { accessDecisions, accessEvolvers } from '../../src/access/decider';
import type { AccessEvent } from '../../src/access/events';
import { decideSession, evolveSession } from '../../src/access/session-decider';
import type { SessionEvent } from '../../src/access/session-events';
import { initialSessionState } from '../../src/access/session-state';
import {
  initialAccessState,
  mustEnrollTwoFactor,
  publicUser,
  withoutSecrets,
  type AccessState,
} from '../../src/access/state';
import { generateSecret, otpauthUri, verifyCode } from '../../src/access/totp';

const context = { regencyCode: '35.10' };
const actor = { id: 'admin', role: 'administrator', displayName: 'Admin' };
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const NOW = new Date('2026-03-02T08:00:10Z');

/** The code an authenticator app shows for SECRET at `at`, computed by the library itself. */
const codeAt = (at: Date, secret = SECRET) =>
  OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: at.getTime() });

const command = (type: string, payload: object) =>
  ({ commandId: `c-${type}`, type, actor, payload }) as never;

function apply(state: AccessState, decision: unknown): AccessState {
  if (!Array.isArray(decision)) throw new Error(`refused: ${String(decision)}`);
  return (decision as AccessEvent[]).reduce(
    (folded, event) => accessEvolvers[event.type](folded, event as never),
    state,
  );
}

function withUser(role = 'auditor'): AccessState {
  return apply(
    initialAccessState,
    accessDecisions.RegisterUser(
      command('RegisterUser', {
        userId: 'u1',
        username: 'rina',
        displayName: 'Rina',
        role,
        scope: '35.10',
        passwordHash: 'h',
      }),
      initialAccessState,
      context,
    ),
  );
}

const enroll = { userId: 'u1', secret: SECRET, timeStep: 100 };

describe('two-factor decisions', () => {
  it('enrolls a user once; a second enrollment is a conflict', () => {
    const enrolled = apply(
      withUser(),
      accessDecisions.EnrollTwoFactor(command('EnrollTwoFactor', enroll), withUser(), context),
    );
    expect(enrolled.users.get('u1')?.twoFactorSecret).toBe(SECRET);
    expect(
      accessDecisions.EnrollTwoFactor(command('EnrollTwoFactor', enroll), enrolled, context),
    ).toMatchObject({ rule: 'TWO_FACTOR_NOT_ENROLLED', field: 'userId', value: 'u1' });
  });

  it('removes an enrollment (lost phone) only where there is one', () => {
    const removal = command('RemoveTwoFactor', { userId: 'u1', reason: 'ponsel hilang' });
    expect(accessDecisions.RemoveTwoFactor(removal, withUser(), context)).toMatchObject({
      rule: 'TWO_FACTOR_ENROLLED',
    });
    const enrolled = apply(
      withUser(),
      accessDecisions.EnrollTwoFactor(command('EnrollTwoFactor', enroll), withUser(), context),
    );
    const removed = apply(enrolled, accessDecisions.RemoveTwoFactor(removal, enrolled, context));
    expect(removed.users.get('u1')?.twoFactorSecret).toBeUndefined();
  });

  it('requires enrollment of the policy roles only, and allows only regency roles in the policy', () => {
    const state = withUser('auditor');
    const user = state.users.get('u1')!;
    expect(mustEnrollTwoFactor(state, user)).toBe(false);
    const policy = (roles: string[]) => command('SetTwoFactorPolicy', { roles });
    expect(
      accessDecisions.SetTwoFactorPolicy(policy(['auditor', 'treasurer']), state, context),
    ).toMatchObject({ rule: 'TWO_FACTOR_POLICY_ROLE', field: 'roles.1', value: 'treasurer' });
    const required = apply(
      state,
      accessDecisions.SetTwoFactorPolicy(policy(['administrator', 'auditor']), state, context),
    );
    expect(required.twoFactorRoles).toEqual(['administrator', 'auditor']);
    expect(mustEnrollTwoFactor(required, user)).toBe(true);
    const enrolled = apply(
      required,
      accessDecisions.EnrollTwoFactor(command('EnrollTwoFactor', enroll), required, context),
    );
    expect(mustEnrollTwoFactor(enrolled, enrolled.users.get('u1')!)).toBe(false);
  });

  it('shows neither the secret nor the password hash', () => {
    const enrolled = apply(
      withUser(),
      accessDecisions.EnrollTwoFactor(command('EnrollTwoFactor', enroll), withUser(), context),
    );
    const shown = publicUser(enrolled.users.get('u1')!);
    expect(JSON.stringify(shown)).not.toContain(SECRET);
    expect(shown).toMatchObject({ userId: 'u1', twoFactor: true });
    expect(withoutSecrets({ userId: 'u1', secret: SECRET, passwordHash: 'h' })).toEqual({
      userId: 'u1',
    });
  });
});

describe('two-factor codes', () => {
  it('accepts the current code and its neighbours, with their time step', () => {
    const step = Math.floor(NOW.getTime() / 30_000);
    expect(verifyCode(SECRET, codeAt(NOW), NOW)).toBe(step);
    expect(verifyCode(SECRET, codeAt(new Date(NOW.getTime() - 30_000)), NOW)).toBe(step - 1);
    expect(verifyCode(SECRET, codeAt(new Date(NOW.getTime() - 120_000)), NOW)).toBeUndefined();
    expect(verifyCode(SECRET, 'abcdef', NOW)).toBeUndefined();
    expect(verifyCode('not base32!', codeAt(NOW), NOW)).toBeUndefined();
  });

  it('makes new secrets an authenticator app reads', () => {
    const secret = generateSecret();
    expect(secret).not.toBe(generateSecret());
    const parsed = OTPAuth.URI.parse(otpauthUri(secret, 'rina')) as OTPAuth.TOTP;
    expect(parsed).toMatchObject({ issuer: 'Kasdesa', label: 'rina', digits: 6, period: 30 });
    expect(parsed.secret.base32).toBe(secret);
  });

  it('records a time step once per user: the same code again is a replay', () => {
    const accept = (timeStep: number, userId = 'u1') =>
      ({ type: 'AcceptTwoFactorCode', userId, timeStep, at: NOW }) as const;
    const facts = decideSession(accept(100), initialSessionState);
    expect(facts).toEqual([
      {
        type: 'TwoFactorCodeAccepted',
        data: { userId: 'u1', timeStep: 100, acceptedAt: NOW.toISOString() },
      },
    ]);
    const state = evolveSession(initialSessionState, facts[0] as SessionEvent);
    expect(decideSession(accept(100), state)).toEqual([]);
    expect(decideSession(accept(99), state)).toEqual([]);
    expect(decideSession(accept(101), state)).toHaveLength(1);
    expect(decideSession(accept(100, 'u2'), state)).toHaveLength(1);
  });
});
