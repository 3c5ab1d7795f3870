import express, { type NextFunction, type Request, type Response } from 'express';
import type { VNode } from 'preact';
import type { AppServices } from '../http/app';
import { problemFor } from '../http/problem';
import { REQUEST_BODY_MAX_BYTES } from '../limits';
import { MessagePage } from './message-page';
import type { MapTiles } from './projects/map-tiles';
import { renderPage } from './render-page';
import { HOME_PATH, LOGIN_PATH, LOGOUT_PATH, TWO_FACTOR_PATH } from './paths';
import { pageSession, requireFormToken, type PageSession } from './session/web-session';

/** What every page handler is built over: the API's own services, and the installation's page settings. */
export interface PageServices extends AppServices {
  /** Where citizens take a complaint (KASDESA_COMPLAINTS_CONTACT); a village office default when unset. */
  complaintsContact?: string;
  /** The project map's basemap (KASDESA_MAP_TILES); none: villages drawn without one. */
  mapTiles?: MapTiles;
}

export function send(res: Response, status: number, title: string, page: VNode): void {
  res.status(status).type('html').send(renderPage(title, page));
}

/**
 * A refusal the user caused (a form's CSRF token, a role, a scope, a
 * ledger rule) as a page with the rule's message, not the API's JSON;
 * anything else is the server's fault and goes on to the error handler.
 */
export function sendRefusal(req: Request, res: Response, error: unknown, back: string): void {
  const problem = problemFor(error, req);
  if (!problem || problem.status >= 500) throw error;
  res.set(problem.headers ?? {});
  send(
    res,
    problem.status,
    problem.title.id,
    <MessagePage title={problem.title} detail={problem.messages} back={back} />,
  );
}

/** A posted form's fields, as the browser sends them (no script needed). */
export const formBody = express.urlencoded({ extended: false, limit: REQUEST_BODY_MAX_BYTES });

const signedInPages = new WeakMap<Response, PageSession>();

/** The signed-in user of a page that `requireSignedIn` let through. */
export function pageUser(res: Response): PageSession {
  const found = signedInPages.get(res);
  if (!found) throw new Error('pageUser outside requireSignedIn');
  return found;
}

/** What a user who must still enroll in two-factor sign-in may reach. */
const DURING_ENROLLMENT_PATHS: readonly string[] = [TWO_FACTOR_PATH, LOGOUT_PATH];

/**
 * Lets a signed-in user through; anybody else goes to the login page, and
 * a user who must enroll in two-factor sign-in to the enrollment page.
 */
export function requireSignedIn(services: PageServices) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const found = await pageSession(services.access, services.sessions, req);
    if (!found) return res.redirect(303, LOGIN_PATH);
    if (found.mustEnroll && !DURING_ENROLLMENT_PATHS.includes(req.path))
      return res.redirect(303, TWO_FACTOR_PATH);
    signedInPages.set(res, found);
    next();
  };
}

/** A signed-in user's posted form: its `_csrf` field must match the session, else a 403 page. */
export function requireSessionForm(req: Request, res: Response, next: NextFunction): void {
  try {
    requireFormToken(req, pageUser(res).session.csrfToken);
  } catch (error) {
    return sendRefusal(req, res, error, HOME_PATH);
  }
  next();
}
