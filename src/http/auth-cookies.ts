import type { Request, Response } from 'express';
import type { Session } from '../access/sessions';

export const SESSION_COOKIE = 'kasdesa_session';
/** Readable by the page's script, which echoes it in X-CSRF-Token (double submit). */
export const CSRF_COOKIE = 'kasdesa_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function readCookie(req: Request, name: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) {
      const value = pair.slice(separator + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

export function setSessionCookies(
  req: Request,
  res: Response,
  token: string,
  session: Session,
  /** 'lax' for the web pages, so a link into Kasdesa from elsewhere arrives signed in. */
  sameSite: 'strict' | 'lax' = 'strict',
): void {
  const common = {
    sameSite,
    secure: req.secure,
    expires: session.expiresAt,
    path: '/',
  } as const;
  res.cookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  res.cookie(CSRF_COOKIE, session.csrfToken, common);
}

export function clearSessionCookies(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { path: '/' });
  res.clearCookie(CSRF_COOKIE, { path: '/' });
}
