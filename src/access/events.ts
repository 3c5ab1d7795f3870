import type { EventSpec, EventsOf } from '../domain/shared/schema-types';
import { accessCommandSchemas } from './commands';

/** Facts of the access stream: who may do what, from when on. */
export const accessEventSchemas = {
  UserRegistered: { version: 1, data: accessCommandSchemas.RegisterUser },
  UserRoleAssigned: { version: 1, data: accessCommandSchemas.AssignUserRole },
  UserPasswordChanged: { version: 1, data: accessCommandSchemas.ChangeUserPassword },
  UserDeactivated: { version: 1, data: accessCommandSchemas.DeactivateUser },
} satisfies Record<string, EventSpec>;

export type AccessEvent = EventsOf<typeof accessEventSchemas>;
export type AccessEventOf<T extends AccessEvent['type']> = Extract<AccessEvent, { type: T }>;
