import { z } from 'zod';
import type { AccessService } from '../access/access-service';
import { loginThrottleKey, type LoginThrottle } from '../access/login-throttle';
import type { Session, SessionStore } from '../access/sessions';
import type { TwoFactorCodes } from '../access/two-factor-codes';
import { publicUser, type User } from '../access/state';
import { clearSessionCookies, setSessionCookies } from './auth-cookies';
import { tokenOf } from './auth-middleware';
import { parseBody, type Endpoint } from './endpoint';
import { HttpProblem } from './problem';
import { actorOf, context, currentUser } from './request-context';

const loginSchema = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
  /** The current two-factor code; needed by users enrolled in two-factor sign-in. */
  code: z.string().max(20).optional(),
});

const sessionSchema = z.object({
  tokenType: z.literal('Bearer'),
  token: z.string().optional(),
  expiresAt: z.string(),
  csrfToken: z.string(),
  user: z.record(z.string(), z.unknown()),
});

function sessionBody(user: User, session: Session, token?: string) {
  return {
    tokenType: 'Bearer',
    ...(token === undefined ? {} : { token }),
    expiresAt: session.expiresAt.toISOString(),
    csrfToken: session.csrfToken,
    user: publicUser(user),
  };
}

export interface AuthDependencies {
  access: AccessService;
  sessions: SessionStore;
  throttle: LoginThrottle;
  twoFactor: TwoFactorCodes;
}

/**
 * A login as the API and the web pages both do it: refused while the
 * address and username wait out their failures, each failure counted in the
 * session stream, a success starting a session there. A user enrolled in
 * two-factor sign-in also gives the current code; a wrong, missing or
 * replayed one is a failure like a wrong password.
 */
export async function logIn(
  { access, sessions, throttle, twoFactor }: AuthDependencies,
  address: string,
  username: string,
  password: string,
  code = '',
): Promise<{ user: User; token: string; session: Session }> {
  const throttleKey = loginThrottleKey(address, username);
  const wait = await throttle.retryAfterSeconds(throttleKey);
  if (wait > 0)
    throw new HttpProblem('LOGIN_RATE_LIMITED', 'username', username, {
      headers: { 'Retry-After': String(wait) },
    });
  const user = await access.authenticate(username, password);
  if (!user) {
    await throttle.recordFailure(throttleKey);
    throw new HttpProblem('LOGIN_FAILED', 'username', username);
  }
  const secret = user.twoFactorSecret;
  if (secret !== undefined && (await twoFactor.accept(user, secret, code)) === undefined) {
    await throttle.recordFailure(throttleKey);
    throw new HttpProblem('TWO_FACTOR_LOGIN_CODE', 'code', code);
  }
  return { user, ...(await sessions.create(user, throttleKey)) };
}

/** Login (bearer token and cookies), the current session, logout. */
export function authEndpoints(dependencies: AuthDependencies): Endpoint[] {
  const { sessions } = dependencies;
  return [
    {
      method: 'post',
      path: '/auth/login',
      tag: 'auth',
      summary: 'Masuk; memberi token sesi dan cookie / log in; gives a session token and cookies',
      access: 'public',
      body: loginSchema,
      response: sessionSchema,
      status: 200,
      async handler(req, res) {
        const { username, password, code } = parseBody('Login', loginSchema, req.body);
        const { user, token, session } = await logIn(
          dependencies,
          req.ip ?? '',
          username,
          password,
          code,
        );
        Object.assign(context(res), { user });
        setSessionCookies(req, res, token, session);
        res.json(sessionBody(user, session, token));
      },
    },
    {
      method: 'get',
      path: '/auth/session',
      tag: 'auth',
      summary: 'Sesi dan pengguna saat ini / the current session and user',
      access: 'authenticated',
      duringEnrollment: true,
      response: sessionSchema,
      status: 200,
      handler(_req, res) {
        res.json(sessionBody(currentUser(res), context(res).session!));
      },
    },
    {
      method: 'post',
      path: '/auth/logout',
      tag: 'auth',
      summary: 'Keluar; mengakhiri sesi / log out; ends the session',
      access: 'authenticated',
      duringEnrollment: true,
      status: 204,
      async handler(req, res) {
        const presented = tokenOf(req);
        if (presented) await sessions.end(presented.token, 'logout', actorOf(currentUser(res)));
        clearSessionCookies(res);
        res.status(204).end();
      },
    },
  ];
}
