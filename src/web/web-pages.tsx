import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import helmet from 'helmet';
import type { VNode } from 'preact';
import { actorOf } from '../access/state';
import type { AppServices } from '../http/app';
import { clearSessionCookies, setSessionCookies } from '../http/auth-cookies';
import { logIn } from '../http/auth-routes';
import { HttpProblem } from '../http/problem';
import { REQUEST_BODY_MAX_BYTES } from '../limits';
import { regencyOf } from '../domain/shared/region-codes';
import { reportSources } from '../http/report-endpoints';
import { findReport } from '../reports/catalog';
import type { VillageFundFlowReport } from '../reports/fund-flow/fund-flow-report';
import { runReport } from '../reports/run-report';
import { HomePage, type TreasurerFigures } from './home-page';
import { LoginPage } from './login-page';
import { MessagePage } from './message-page';
import { ASSETS_PATH, renderPage } from './render-page';
import {
  clearLoginFormCookie,
  expectedLoginFormToken,
  formField,
  loginFormToken,
  pageSession,
  requireFormToken,
  type PageSession,
} from './web-session';

const LOGIN_PATH = '/masuk';
const HOME_PATH = '/beranda';

/** Only Kasdesa's own files, no inline script or style, no framing, forms post only here. */
const CONTENT_SECURITY_POLICY = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
    },
  },
});

function send(res: Response, status: number, title: string, page: VNode): void {
  res.status(status).type('html').send(renderPage(title, page));
}

/** A form refused for its CSRF token: the rule's message as a page, not the API's JSON. */
function refusedForm(res: Response, error: unknown, back: string): void {
  if (!(error instanceof HttpProblem)) throw error;
  send(
    res,
    error.problem.status,
    error.problem.title.id,
    <MessagePage title={error.problem.title} back={back} />,
  );
}

/**
 * The village web UI: pages rendered on the server, every form a plain POST
 * answered with a redirect, over the same login, sessions and throttle as the API.
 */
export function webPages(services: AppServices): Router {
  const { access, sessions } = services;
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: REQUEST_BODY_MAX_BYTES });
  const signedIn = (req: Request) => pageSession(access, sessions, req);
  const { reference, readModels, store } = services;
  const sources = readModels && reportSources(readModels, store, reference);
  const fundFlow = findReport('village', 'fund-flow')!;

  /** The village fund-flow report the API serves, for the year asked (`?tahun=`) or the latest. */
  async function treasurerFigures(
    current: PageSession,
    req: Request,
  ): Promise<TreasurerFigures | undefined> {
    if (!sources || current.user.role !== 'treasurer') return undefined;
    const asked = Number.parseInt(String(req.query.tahun ?? ''), 10);
    const years = reference.fiscalYears(regencyOf(current.user.scope));
    const fiscalYear = years.includes(asked) ? asked : Math.max(...years);
    if (!Number.isFinite(fiscalYear)) return undefined;
    const { built } = await runReport(
      { report: fundFlow, code: current.user.scope, fiscalYear, query: {} },
      sources,
      reference,
    );
    return { fiscalYear, report: JSON.parse(built.json()) as VillageFundFlowReport };
  }

  router.use(ASSETS_PATH, express.static(path.join(__dirname, 'assets'), { fallthrough: false }));
  router.get('/', async (req, res) => {
    res.redirect(303, (await signedIn(req)) ? HOME_PATH : LOGIN_PATH);
  });

  router.get(LOGIN_PATH, CONTENT_SECURITY_POLICY, async (req, res) => {
    if (await signedIn(req)) return res.redirect(303, HOME_PATH);
    send(res, 200, 'Masuk', <LoginPage csrfToken={loginFormToken(req, res)} />);
  });

  router.post(LOGIN_PATH, CONTENT_SECURITY_POLICY, form, async (req, res) => {
    try {
      requireFormToken(req, expectedLoginFormToken(req));
    } catch (error) {
      return refusedForm(res, error, LOGIN_PATH);
    }
    const username = formField(req, 'username');
    try {
      const { token, session } = await logIn(
        services,
        req.ip ?? '',
        username,
        formField(req, 'password'),
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

  router.post('/keluar', CONTENT_SECURITY_POLICY, form, async (req, res) => {
    const current = await signedIn(req);
    if (!current) return res.redirect(303, LOGIN_PATH);
    try {
      requireFormToken(req, current.session.csrfToken);
    } catch (error) {
      return refusedForm(res, error, HOME_PATH);
    }
    await sessions.end(current.token, 'logout', actorOf(current.user));
    clearSessionCookies(res);
    res.redirect(303, LOGIN_PATH);
  });

  router.get(HOME_PATH, CONTENT_SECURITY_POLICY, async (req, res) => {
    const current = await signedIn(req);
    if (!current) return res.redirect(303, LOGIN_PATH);
    send(
      res,
      200,
      'Beranda',
      <HomePage signedIn={current} figures={await treasurerFigures(current, req)} />,
    );
  });
  return router;
}
