import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { AccessService } from '../../access/access-service';
import { csrfTokenFor, type Session, type SessionStore } from '../../access/sessions';
import type { User } from '../../access/state';
import { readCookie, SESSION_COOKIE } from '../../http/auth-cookies';
import { sameText, signedIn } from '../../http/auth-middleware';
import { HttpProblem } from '../../http/problem';
import { LOGIN_FORM_TTL_MS } from '../../limits';

/** Before login there is no session: the login form's CSRF token derives from this cookie instead. */
const LOGIN_FORM_COOKIE = 'kasdesa_login';

export interface PageSession {
  token: string;
  session: Session;
  user: User;
  /** The user must enroll in two-factor sign-in before reaching any other page. */
  mustEnroll: boolean;
}

/** The signed-in user of a page request: the session cookie only (a browser sends no bearer token). */
export async function pageSession(
  access: AccessService,
  sessions: SessionStore,
  req: Request,
): Promise<PageSession | undefined> {
  const token = readCookie(req, SESSION_COOKIE);
  const found = token === undefined ? undefined : await signedIn(access, sessions, token);
  return found && 'user' in found ? { token: token!, ...found } : undefined;
}

/** The CSRF token of the login form, setting its cookie on the first visit. */
export function loginFormToken(req: Request, res: Response): string {
  let nonce = readCookie(req, LOGIN_FORM_COOKIE);
  if (!nonce) {
    nonce = randomBytes(32).toString('base64url');
    res.cookie(LOGIN_FORM_COOKIE, nonce, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      maxAge: LOGIN_FORM_TTL_MS,
      path: '/masuk',
    });
  }
  return csrfTokenFor(nonce);
}

export function clearLoginFormCookie(res: Response): void {
  res.clearCookie(LOGIN_FORM_COOKIE, { path: '/masuk' });
}

/** A posted form's `_csrf` field as text ('' when absent or repeated). */
export function formField(req: Request, name: string): string {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}

/**
 * Refuses a form whose `_csrf` field is not the token derived (as the API
 * derives it, csrfTokenFor) from the cookie it came with: the session's, or
 * before login the login form's.
 */
export function requireFormToken(req: Request, expected: string | undefined): void {
  const presented = formField(req, '_csrf');
  if (!expected || !presented || !sameText(presented, expected))
    throw new HttpProblem('CSRF_FORM_FIELD', '_csrf', presented ? '(mismatch)' : '');
}

/** The login form's expected token, from its cookie. */
export function expectedLoginFormToken(req: Request): string | undefined {
  const nonce = readCookie(req, LOGIN_FORM_COOKIE);
  return nonce && csrfTokenFor(nonce);
}
