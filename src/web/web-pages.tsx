import path from 'node:path';
import compression from 'compression';
import express, { type Router } from 'express';
import helmet from 'helmet';
import { homeRoutes } from './home/home-routes';
import type { PageServices } from './page-kit';
import { ASSETS_PATH } from './render-page';
import { sessionRoutes } from './session/session-routes';

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

/**
 * The village web UI: pages rendered on the server, every form a plain POST
 * answered with a redirect, over the same login, sessions, command handlers
 * and report catalogue as the API. One router per area of the UI.
 */
export function webPages(services: PageServices): Router {
  const router = express.Router();
  // Pages and stylesheet gzip-compressed: a village office's connection may be slow mobile data.
  router.use(compression());
  router.use(ASSETS_PATH, express.static(path.join(__dirname, 'assets'), { fallthrough: false }));
  router.use(CONTENT_SECURITY_POLICY);
  router.use(sessionRoutes(services));
  router.use(homeRoutes(services));
  return router;
}
