import type { EventSpec, EventsOf } from '../domain/shared/schema-types';
import { accessCommandSchemas } from './commands';

/** Facts of the access stream: who may do what, from when on. */
export const accessEventSchemas = {
  UserRegistered: { version: 1, data: accessCommandSchemas.RegisterUser },
  UserRoleAssigned: { version: 1, data: accessCommandSchemas.AssignUserRole },
  UserPasswordChanged: { version: 1, data: accessCommandSchemas.ChangeUserPassword },
  UserDeactivated: { version: 1, data: accessCommandSchemas.DeactivateUser },
  /**
   * The TOTP secret itself, not a hash: every sign-in must compute the
   * current code from it, so it has to be recoverable. It lives in the access
   * stream beside the password hash because the access stream is the one
   * record of who may sign in, shared by every instance and kept across
   * restarts; like the hash it is stripped from every API answer and page
   * (`withoutSecrets`, `publicUser` in state.ts).
   */
  TwoFactorEnrolled: { version: 1, data: accessCommandSchemas.EnrollTwoFactor },
  TwoFactorRemoved: { version: 1, data: accessCommandSchemas.RemoveTwoFactor },
  /** The regency's roles that must sign in with a code; none until an administrator sets it. */
  TwoFactorPolicySet: { version: 1, data: accessCommandSchemas.SetTwoFactorPolicy },
} satisfies Record<string, EventSpec>;

export type AccessEvent = EventsOf<typeof accessEventSchemas>;
export type AccessEventOf<T extends AccessEvent['type']> = Extract<AccessEvent, { type: T }>;
