import { hash, randomBytes } from 'node:crypto';

export interface Session {
  userId: string;
  /** Double-submit token a cookie-authenticated request must echo in X-CSRF-Token. */
  csrfToken: string;
  expiresAt: Date;
}

export interface SessionStoreOptions {
  /** Lifetime of a session from login. Default 8 hours (one working day). */
  ttlMs?: number;
  clock?: () => Date;
}

const DEFAULT_TTL_MS = 8 * 60 * 60 * 1000;

function digest(token: string): string {
  return hash('sha256', token, 'hex');
}

/**
 * Login sessions, in this process's memory: a restart logs everybody out, and
 * several API instances do not share sessions. Only a hash of each token is
 * kept, so a memory dump does not yield usable tokens.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly ttlMs: number;
  private readonly clock: () => Date;

  constructor(options: SessionStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.clock = options.clock ?? (() => new Date());
  }

  /** Starts a session; the token is returned once and never stored in clear. */
  create(userId: string): { token: string; session: Session } {
    this.purgeExpired();
    const token = randomBytes(32).toString('base64url');
    const session: Session = {
      userId,
      csrfToken: randomBytes(32).toString('base64url'),
      expiresAt: new Date(this.clock().getTime() + this.ttlMs),
    };
    this.sessions.set(digest(token), session);
    return { token, session };
  }

  find(token: string): Session | undefined {
    const key = digest(token);
    const session = this.sessions.get(key);
    if (session && session.expiresAt <= this.clock()) {
      this.sessions.delete(key);
      return undefined;
    }
    return session;
  }

  end(token: string): void {
    this.sessions.delete(digest(token));
  }

  private purgeExpired(): void {
    const now = this.clock();
    for (const [key, session] of this.sessions)
      if (session.expiresAt <= now) this.sessions.delete(key);
  }
}
