import express, { type Router } from 'express';
import { actorOf } from '../../access/state';
import { clearSessionCookies, setSessionCookies } from '../../http/auth-cookies';
import { logIn } from '../../http/auth-routes';
import { HttpProblem } from '../../http/problem';
import {
  formBody,
  pageUser,
  requireSessionForm,
  requireSignedIn,
  send,
  sendRefusal,
  type PageServices,
} from '../page-kit';
import { HOME_PATH, LOGIN_PATH, LOGOUT_PATH } from '../paths';
import { LoginPage } from './login-page';
import {
  clearLoginFormCookie,
  expectedLoginFormToken,
  formField,
  loginFormToken,
  pageSession,
  requireFormToken,
} from './web-session';

/** Login and logout over the API's own login, sessions and throttle. */
export function sessionRoutes(services: PageServices): Router {
  const { access, sessions } = services;
  const router = express.Router();

  router.get('/', async (req, res) => {
    res.redirect(303, (await pageSession(access, sessions, req)) ? HOME_PATH : LOGIN_PATH);
  });

  router.get(LOGIN_PATH, async (req, res) => {
    if (await pageSession(access, sessions, req)) return res.redirect(303, HOME_PATH);
    send(res, 200, 'Masuk', <LoginPage csrfToken={loginFormToken(req, res)} />);
  });

  router.post(LOGIN_PATH, formBody, async (req, res) => {
    try {
      requireFormToken(req, expectedLoginFormToken(req));
    } catch (error) {
      return sendRefusal(req, res, error, LOGIN_PATH);
    }
    const username = formField(req, 'username');
    try {
      const { token, session } = await logIn(
        services,
        req.ip ?? '',
        username,
        formField(req, 'password'),
        formField(req, 'code'),
      );
      clearLoginFormCookie(res);
      setSessionCookies(req, res, token, session, 'lax');
      res.redirect(303, HOME_PATH);
    } catch (error) {
      if (!(error instanceof HttpProblem)) throw error;
      const { status, field, title, headers } = error.problem;
      res.set(headers ?? {});
      send(
        res,
        status,
        'Masuk',
        <LoginPage
          csrfToken={loginFormToken(req, res)}
          username={username}
          error={{ field, message: title.id }}
        />,
      );
    }
  });

  router.post(
    LOGOUT_PATH,
    formBody,
    requireSignedIn(services),
    requireSessionForm,
    async (_req, res) => {
      const current = pageUser(res);
      await sessions.end(current.token, 'logout', actorOf(current.user));
      clearSessionCookies(res);
      res.redirect(303, LOGIN_PATH);
    },
  );
  return router;
}
