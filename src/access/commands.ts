import { z } from 'zod';
import { identifier, text } from '../domain/shared/fields';
import type { CommandsOf } from '../domain/shared/schema-types';
import { roleSchema, scopeSchema } from './roles';

export const usernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, 'expected 3–40 lowercase letters, digits, ".", "_" or "-"');
export const displayNameSchema = z.string().trim().min(1).max(100);
/** A scrypt hash as written by passwords.ts; the decider never sees a password. */
const passwordHashSchema = z.string().min(1).max(300);

/** Payload schema of every access command. */
export const accessCommandSchemas = {
  RegisterUser: z.strictObject({
    userId: identifier,
    username: usernameSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    scope: scopeSchema,
    passwordHash: passwordHashSchema,
  }),
  AssignUserRole: z.strictObject({ userId: identifier, role: roleSchema, scope: scopeSchema }),
  ChangeUserPassword: z.strictObject({ userId: identifier, passwordHash: passwordHashSchema }),
  DeactivateUser: z.strictObject({ userId: identifier, reason: text }),
};

export type AccessCommand = CommandsOf<typeof accessCommandSchemas>;
export type AccessCommandOf<T extends AccessCommand['type']> = Extract<AccessCommand, { type: T }>;
