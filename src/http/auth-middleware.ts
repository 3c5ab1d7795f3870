import { timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { SYSTEM_ACTOR, type AccessService } from '../access/access-service';
import type { Session, SessionStore } from '../access/sessions';
import { mustEnrollTwoFactor, type User } from '../access/state';
import { CSRF_HEADER, readCookie, SESSION_COOKIE } from './auth-cookies';
import { HttpProblem } from './problem';
import { context } from './request-context';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session token a request presents: a bearer token first, else the session cookie. */
export function tokenOf(req: Request): { token: string; via: 'bearer' | 'cookie' } | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (bearer) return { token: bearer[1]!, via: 'bearer' };
  const cookie = readCookie(req, SESSION_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

/** Constant-time comparison of two tokens. */
export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The live session of a token and its user as the access stream has them
 * now; the session of a deactivated user is ended on the record.
 * `mustEnroll`: the policy requires two-factor sign-in of the user's role and
 * they have not enrolled, so the session reaches the enrollment only.
 */
export async function signedIn(
  access: AccessService,
  sessions: SessionStore,
  token: string,
): Promise<
  { session: Session; user: User; mustEnroll: boolean } | { inactiveUserId: string } | undefined
> {
  const session = await sessions.find(token);
  if (!session) return undefined;
  const { state } = await access.load();
  const user = state.users.get(session.userId);
  if (user?.active) return { session, user, mustEnroll: mustEnrollTwoFactor(state, user) };
  await sessions.end(token, 'userInactive', SYSTEM_ACTOR);
  return { inactiveUserId: session.userId };
}

/**
 * Finds the session (bearer token, or the httpOnly cookie) and the user as
 * the access stream has them now, so a role change or a deactivation takes
 * effect on the next request. A cookie request that changes state must echo
 * the session's CSRF token; a bearer request cannot be forged by a browser.
 * A user who must enroll in two-factor sign-in is refused everything but
 * the endpoints marked `duringEnrollment`.
 */
export function authenticate(
  access: AccessService,
  sessions: SessionStore,
  { duringEnrollment = false } = {},
): RequestHandler {
  return async (req, res, next) => {
    const presented = tokenOf(req);
    const found = presented && (await signedIn(access, sessions, presented.token));
    if (!presented || !found)
      throw new HttpProblem(
        'AUTHENTICATION_REQUIRED',
        'Authorization',
        presented ? '(expired or unknown token)' : '',
        { headers: { 'WWW-Authenticate': 'Bearer realm="kasdesa"' } },
      );
    if ('inactiveUserId' in found)
      throw new HttpProblem('AUTHENTICATION_REQUIRED', 'userId', found.inactiveUserId);
    const { session, user, mustEnroll } = found;
    if (presented.via === 'cookie' && !SAFE_METHODS.has(req.method)) {
      const echoed = req.headers[CSRF_HEADER];
      if (typeof echoed !== 'string' || !sameText(echoed, session.csrfToken))
        throw new HttpProblem(
          'CSRF_TOKEN',
          'X-CSRF-Token',
          typeof echoed === 'string' ? '(mismatch)' : '',
        );
    }
    if (mustEnroll && !duringEnrollment)
      throw new HttpProblem('TWO_FACTOR_ENROLLMENT_REQUIRED', 'role', user.role);
    Object.assign(context(res), { user, session, via: presented.via });
    next();
  };
}
