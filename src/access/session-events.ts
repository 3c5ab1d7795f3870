import { z } from 'zod';
import { identifier } from '../domain/shared/fields';
import type { EventSpec, EventsOf } from '../domain/shared/schema-types';

/** A SHA-256 digest in hex: what the session stream keeps of a token or a throttle key. */
export const sha256Digest = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 digest in hex');
const instant = z.iso.datetime();

/** Why a session ended before its expiry. */
export const SESSION_END_REASONS = ['logout', 'userInactive', 'superseded'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/**
 * Facts of the session stream of a regency: every login, logout and failed
 * login. Neither the token nor the client address and username are stored,
 * only their digests; the CSRF token is derived from the session token, so it
 * is not stored at all.
 */
export const sessionEventSchemas = {
  SessionStarted: {
    version: 1,
    data: z.strictObject({
      tokenHash: sha256Digest,
      userId: identifier,
      startedAt: instant,
      expiresAt: instant,
      /** The login's throttle key, whose failures this success clears. */
      throttleKey: sha256Digest.optional(),
    }),
  },
  SessionEnded: {
    version: 1,
    data: z.strictObject({
      tokenHash: sha256Digest,
      userId: identifier,
      endedAt: instant,
      reason: z.enum(SESSION_END_REASONS),
    }),
  },
  LoginFailed: {
    version: 1,
    data: z.strictObject({ throttleKey: sha256Digest, failedAt: instant }),
  },
  /** A two-factor code accepted: its time step, so the same code is not accepted again. */
  TwoFactorCodeAccepted: {
    version: 1,
    data: z.strictObject({
      userId: identifier,
      timeStep: z.number().int().nonnegative(),
      acceptedAt: instant,
    }),
  },
} satisfies Record<string, EventSpec>;

export type SessionEvent = EventsOf<typeof sessionEventSchemas>;
export type SessionEventOf<T extends SessionEvent['type']> = Extract<SessionEvent, { type: T }>;
