import type { CoreDecider, EventEvolvers } from '../domain/shared/decider';
import { factBuilder } from '../domain/shared/decider';
import type { Fact } from '../domain/shared/envelope';
import { withIdempotency } from '../domain/shared/idempotency';
import { ImpossibleEventError } from '../domain/shared/impossible-event';
import { AccessError } from './access-rules';
import type { AccessCommand, AccessCommandOf } from './commands';
import type { AccessContext } from './context';
import { accessEventSchemas, type AccessEvent } from './events';
import { roleFitsScope, scopeCovers, TWO_FACTOR_POLICY_ROLES, type Role } from './roles';
import { initialAccessState, type AccessState, type User } from './state';

type Decision = Fact<AccessEvent>[] | AccessError;

const fact = factBuilder<AccessEvent>();

function checkScope(role: Role, scope: string, context: AccessContext): AccessError | undefined {
  if (!scopeCovers(context.regencyCode, scope))
    return new AccessError('SCOPE_IN_REGENCY', 'scope', scope);
  if (!roleFitsScope(role, scope)) return new AccessError('SCOPE_FITS_ROLE', 'scope', scope);
  return undefined;
}

function activeUser(state: AccessState, userId: string): User | AccessError {
  const user = state.users.get(userId);
  if (!user) return new AccessError('USER_KNOWN', 'userId', userId);
  if (!user.active) return new AccessError('USER_ACTIVE', 'userId', userId);
  return user;
}

/** Pure decisions of the access stream; refusals are returned, never thrown. */
export const accessDecisions: {
  [K in AccessCommand['type']]: (
    command: AccessCommandOf<K>,
    state: AccessState,
    context: AccessContext,
  ) => Decision;
} = {
  RegisterUser({ payload }, state, context) {
    if (state.users.has(payload.userId))
      return new AccessError('USER_ID_TAKEN', 'userId', payload.userId);
    if (state.usernames.has(payload.username))
      return new AccessError('USERNAME_TAKEN', 'username', payload.username);
    return checkScope(payload.role, payload.scope, context) ?? [fact('UserRegistered', payload)];
  },
  AssignUserRole({ payload }, state, context) {
    const user = activeUser(state, payload.userId);
    if (user instanceof AccessError) return user;
    return checkScope(payload.role, payload.scope, context) ?? [fact('UserRoleAssigned', payload)];
  },
  ChangeUserPassword({ payload }, state) {
    const user = activeUser(state, payload.userId);
    return user instanceof AccessError ? user : [fact('UserPasswordChanged', payload)];
  },
  DeactivateUser({ payload }, state) {
    const user = activeUser(state, payload.userId);
    return user instanceof AccessError ? user : [fact('UserDeactivated', payload)];
  },
  EnrollTwoFactor({ payload }, state) {
    const user = activeUser(state, payload.userId);
    if (user instanceof AccessError) return user;
    if (user.twoFactorSecret !== undefined)
      return new AccessError('TWO_FACTOR_NOT_ENROLLED', 'userId', payload.userId);
    return [fact('TwoFactorEnrolled', payload)];
  },
  RemoveTwoFactor({ payload }, state) {
    const user = state.users.get(payload.userId);
    if (!user) return new AccessError('USER_KNOWN', 'userId', payload.userId);
    if (user.twoFactorSecret === undefined)
      return new AccessError('TWO_FACTOR_ENROLLED', 'userId', payload.userId);
    return [fact('TwoFactorRemoved', payload)];
  },
  SetTwoFactorPolicy({ payload }) {
    const index = payload.roles.findIndex((role) => !TWO_FACTOR_POLICY_ROLES.includes(role));
    if (index >= 0)
      return new AccessError('TWO_FACTOR_POLICY_ROLE', `roles.${index}`, payload.roles[index]!);
    return [fact('TwoFactorPolicySet', { roles: [...new Set(payload.roles)] })];
  },
};

/** Applies an event's change to its user, whom it must find. */
function updateUser(
  state: AccessState,
  eventType: string,
  userId: string,
  change: Partial<User>,
): AccessState {
  const user = state.users.get(userId);
  if (!user)
    throw new ImpossibleEventError(eventType, {
      id: `pengguna ${userId} tidak dikenal`,
      en: `user ${userId} is unknown`,
    });
  return { ...state, users: state.users.set(userId, { ...user, ...change }) };
}

export const accessEvolvers: EventEvolvers<AccessEvent, AccessState> = {
  UserRegistered: (state, { data }) => ({
    ...state,
    users: state.users.set(data.userId, { ...data, active: true }),
    usernames: state.usernames.set(data.username, data.userId),
  }),
  UserRoleAssigned: (state, { type, data }) =>
    updateUser(state, type, data.userId, { role: data.role, scope: data.scope }),
  UserPasswordChanged: (state, { type, data }) =>
    updateUser(state, type, data.userId, { passwordHash: data.passwordHash }),
  UserDeactivated: (state, { type, data }) =>
    updateUser(state, type, data.userId, { active: false }),
  TwoFactorEnrolled: (state, { type, data }) =>
    updateUser(state, type, data.userId, { twoFactorSecret: data.secret }),
  TwoFactorRemoved: (state, { type, data }) =>
    updateUser(state, type, data.userId, { twoFactorSecret: undefined }),
  TwoFactorPolicySet: (state, { data }) => ({ ...state, twoFactorRoles: data.roles }),
};

/**
 * The stream-handling shape of the decisions. The shared decider contract
 * carries DomainError, whose rule ids belong to the ledger, so an access
 * refusal travels as a thrown AccessError (nothing is appended).
 */
function thrownRefusals(): CoreDecider<
  AccessCommand,
  AccessState,
  AccessEvent,
  AccessContext
>['handlers'] {
  const entries = Object.entries(accessDecisions).map(([type, decide]) => [
    type,
    (command: AccessCommand, state: AccessState, context: AccessContext) => {
      const decision = (decide as (c: AccessCommand, s: AccessState, x: AccessContext) => Decision)(
        command,
        state,
        context,
      );
      if (decision instanceof AccessError) throw decision;
      return decision;
    },
  ]);
  return Object.fromEntries(entries) as CoreDecider<
    AccessCommand,
    AccessState,
    AccessEvent,
    AccessContext
  >['handlers'];
}

export const accessDecider = withIdempotency<
  AccessCommand,
  AccessState,
  AccessEvent,
  AccessContext
>({
  initialState: initialAccessState,
  handlers: thrownRefusals(),
  evolvers: accessEvolvers,
  events: accessEventSchemas,
});

export function accessStreamId(regencyCode: string): string {
  return `access-${regencyCode}`;
}
