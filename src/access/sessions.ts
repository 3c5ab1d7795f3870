import { hash, randomBytes } from 'node:crypto';
import type { Actor } from '../domain/shared/envelope';
import type { SessionEndReason } from './session-events';
import type { SessionFollower } from './session-follower';
import { liveSession } from './session-state';
import { SESSION_TTL_MS } from '../limits';
import { actorOf, type User } from './state';

export interface Session {
  userId: string;
  /** Double-submit token a cookie-authenticated request must echo in X-CSRF-Token. */
  csrfToken: string;
  expiresAt: Date;
}

export interface SessionStoreOptions {
  /** Lifetime of a session from login. Default SESSION_TTL_MS. */
  ttlMs?: number;
  clock?: () => Date;
}

/** The SHA-256 digest (hex) under which the session stream knows a token or throttle key. */
export function digestOf(text: string): string {
  return hash('sha256', text, 'hex');
}

/**
 * The session's CSRF token, derived from its token: nothing about it is
 * stored, every instance computes the same one, and it reveals nothing of
 * the session token (nor of the token's digest in the stream).
 */
export function csrfTokenFor(token: string): string {
  return hash('sha256', `kasdesa-csrf:${token}`, 'base64url');
}

/**
 * Login sessions as events of the regency's session stream, so they survive
 * a restart and every API instance following the stream shares them. Only
 * the digest of each token is recorded: the stream does not yield usable tokens.
 */
export class SessionStore {
  private readonly ttlMs: number;
  private readonly clock: () => Date;

  constructor(
    private readonly follower: SessionFollower,
    options: SessionStoreOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? SESSION_TTL_MS;
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * Starts a session; the token is returned once and never stored in clear.
   * `throttleKey` (a digest) is the login's, whose failures the success clears.
   */
  async create(
    user: Pick<User, 'userId' | 'role' | 'displayName'>,
    throttleKey?: string,
  ): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const at = this.clock();
    const expiresAt = new Date(at.getTime() + this.ttlMs);
    await this.follower.record(
      {
        type: 'StartSession',
        tokenHash: digestOf(token),
        userId: user.userId,
        at,
        expiresAt,
        ...(throttleKey === undefined ? {} : { throttleKey }),
      },
      actorOf(user),
    );
    return { token, session: { userId: user.userId, csrfToken: csrfTokenFor(token), expiresAt } };
  }

  /**
   * The live session of a token: not ended, not expired. A token this
   * instance has not seen is looked for again in the stream as it is now: it
   * may have been issued by another instance a moment ago.
   */
  async find(token: string): Promise<Session | undefined> {
    const tokenHash = digestOf(token);
    const now = this.clock().getTime();
    const session =
      liveSession(await this.follower.current(), tokenHash, now) ??
      liveSession(await this.follower.fresh(), tokenHash, now);
    return (
      session && {
        userId: session.userId,
        csrfToken: csrfTokenFor(token),
        expiresAt: new Date(session.expiresAt),
      }
    );
  }

  /** Ends the token's session, on the record with who ended it and why; nothing for an ended one. */
  async end(token: string, reason: SessionEndReason, actor: Actor): Promise<void> {
    await this.follower.record(
      { type: 'EndSession', tokenHash: digestOf(token), at: this.clock(), reason },
      actor,
    );
  }
}
