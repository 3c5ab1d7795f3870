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
}

/** The folded access stream: every user and their current role and scope. */
export interface AccessState {
  users: PersistentMap<User>;
  /** userId by username. */
  usernames: PersistentMap<string>;
}

export const initialAccessState: AccessState = {
  users: PersistentMap.empty(),
  usernames: PersistentMap.empty(),
};

export function userByUsername(state: AccessState, username: string): User | undefined {
  const userId = state.usernames.get(username);
  return userId === undefined ? undefined : state.users.get(userId);
}

export function hasActiveAdministrator(state: AccessState): boolean {
  return [...state.users.values()].some((user) => user.active && user.role === 'administrator');
}

/** A user as others may see it: everything but the password hash. */
export function publicUser({ passwordHash: _hash, ...user }: User): Omit<User, 'passwordHash'> {
  return user;
}

/** The user as the domain records them on every event: id, role and display name at this moment. */
export function actorOf(user: Pick<User, 'userId' | 'role' | 'displayName'>): Actor {
  return { id: user.userId, role: user.role, displayName: user.displayName };
}
