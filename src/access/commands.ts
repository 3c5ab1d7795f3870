import { z } from 'zod';
import { identifier, text } from '../domain/shared/fields';
import type { CommandsOf } from '../domain/shared/schema-types';
import { ROLES, roleSchema, scopeSchema } from './roles';
import { isSecret } from './totp';

export const usernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, 'expected 3–40 lowercase letters, digits, ".", "_" or "-"');
export const displayNameSchema = z.string().trim().min(1).max(100);
/** A scrypt hash as written by passwords.ts; the decider never sees a password. */
const passwordHashSchema = z.string().min(1).max(300);

/** A TOTP shared secret in base32, as authenticator apps take it. */
const twoFactorSecretSchema = z.string().refine(isSecret, 'expected a base32 secret');

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
  /** `timeStep`: the TOTP step of the code that confirmed the enrollment (checked by the caller). */
  EnrollTwoFactor: z.strictObject({
    userId: identifier,
    secret: twoFactorSecretSchema,
    timeStep: z.number().int().nonnegative(),
  }),
  /** By an administrator, e.g. for a lost phone; the user enrolls again at the next sign-in. */
  RemoveTwoFactor: z.strictObject({ userId: identifier, reason: text }),
  SetTwoFactorPolicy: z.strictObject({ roles: z.array(roleSchema).max(ROLES.length) }),
};

export type AccessCommand = CommandsOf<typeof accessCommandSchemas>;
export type AccessCommandOf<T extends AccessCommand['type']> = Extract<AccessCommand, { type: T }>;
