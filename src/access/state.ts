import type { Actor } from '../domain/shared/envelope';
import { PersistentMap } from '../domain/shared/persistent-map';
import type { Role } from './roles';

export interface User {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  scope: string;
  passwordHash: string;
  active: boolean;
  /** The TOTP secret once the user has enrolled in two-factor sign-in. */
  twoFactorSecret?: string;
}

/** The folded access stream: every user and their current role and scope. */
export interface AccessState {
  users: PersistentMap<User>;
  /** userId by username. */
  usernames: PersistentMap<string>;
  /** The roles that must sign in with a TOTP code (the regency's policy). */
  twoFactorRoles: readonly Role[];
}

export const initialAccessState: AccessState = {
  users: PersistentMap.empty(),
  usernames: PersistentMap.empty(),
  twoFactorRoles: [],
};

export function userByUsername(state: AccessState, username: string): User | undefined {
  const userId = state.usernames.get(username);
  return userId === undefined ? undefined : state.users.get(userId);
}

export function hasActiveAdministrator(state: AccessState): boolean {
  return [...state.users.values()].some((user) => user.active && user.role === 'administrator');
}

/** A user as others may see it: no password hash, no TOTP secret, only whether there is one. */
export function publicUser({
  passwordHash: _hash,
  twoFactorSecret,
  ...user
}: User): Omit<User, 'passwordHash' | 'twoFactorSecret'> & { twoFactor: boolean } {
  return { ...user, twoFactor: twoFactorSecret !== undefined };
}

/** The fields of access events that no answer or page may show. */
const SECRET_EVENT_FIELDS = ['passwordHash', 'secret'] as const;

/** An access event's data as the API and pages show it: without the fields above. */
export function withoutSecrets(data: unknown): Record<string, unknown> {
  const shown: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const field of SECRET_EVENT_FIELDS) delete shown[field];
  return shown;
}

/**
 * Whether the user must enroll in two-factor sign-in before anything else:
 * the policy requires it of their role and they have no secret yet.
 */
export function mustEnrollTwoFactor(state: AccessState, user: User): boolean {
  return user.twoFactorSecret === undefined && state.twoFactorRoles.includes(user.role);
}

/** The user as the domain records them on every event: id, role and display name at this moment. */
export function actorOf(user: Pick<User, 'userId' | 'role' | 'displayName'>): Actor {
  return { id: user.userId, role: user.role, displayName: user.displayName };
}
