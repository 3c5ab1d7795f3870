import path from 'node:path';
import compression from 'compression';
import express, { type Router } from 'express';
import helmet from 'helmet';
import { adminRoutes } from './admin/admin-routes';
import { regionsRoutes } from './admin/regions-routes';
import { twoFactorRoutes } from './account/two-factor-routes';
import { auditRoutes } from './audit/audit-routes';
import { formRoutes } from './forms/form-routes';
import { bookRoutes } from './books/book-routes';
import { districtRoutes } from './district/district-routes';
import { homeRoutes } from './home/home-routes';
import { regencyMoneyRoutes } from './regency/money-routes';
import { regencyRoutes } from './regency/regency-routes';
import type { PageServices } from './page-kit';
import { projectRoutes } from './projects/project-routes';
import { publicRoutes } from './public/public-routes';
import { ASSETS_PATH, SCRIPT_FILE } from './render-page';
import { sendPageScript } from './script-bundle';
import { sessionRoutes } from './session/session-routes';
import { syncStatusRoutes } from './sync/sync-status-routes';

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
  // Pages, stylesheet and script gzip-compressed: a village office's connection may be slow mobile data.
  router.use(compression());
  router.get(`${ASSETS_PATH}/${SCRIPT_FILE}`, sendPageScript);
  router.use(ASSETS_PATH, express.static(path.join(__dirname, 'assets'), { fallthrough: false }));
  router.use(CONTENT_SECURITY_POLICY);
  router.use(sessionRoutes(services));
  router.use(homeRoutes(services));
  router.use(formRoutes(services));
  router.use(bookRoutes(services));
  router.use(publicRoutes(services));
  router.use(auditRoutes(services));
  router.use(regencyRoutes(services));
  router.use(regencyMoneyRoutes(services));
  router.use(districtRoutes(services));
  router.use(adminRoutes(services));
  router.use(regionsRoutes(services));
  router.use(twoFactorRoutes(services));
  router.use(syncStatusRoutes(services));
  router.use(projectRoutes(services));
  return router;
}
