import express, { type Express, type RequestHandler } from 'express';
import pino, { type Logger } from 'pino';
import type { AccessService } from '../access/access-service';
import { openSessionStream, type SessionStream } from '../access/session-stream';
import { createLedger, type Ledger } from '../app/ledger';
import { ReferenceCatalog } from '../app/load-reference-data';
import { createRegionService, type RegionService } from '../app/region-service';
import { createProjectService, type ProjectService } from '../app/project-service';
import { MemoryBlobStore, type BlobStore } from '../eventstore/blob-store';
import type { MonitoringPolicy } from '../domain/projects/policy';
import type { EventStore } from '../eventstore/port';
import { REQUEST_BODY_MAX_BYTES } from '../limits';
import type { ProjectionEngine } from '../../projections/engine/projection-engine';
import { auditEndpoints } from './audit-endpoints';
import { authenticate } from './auth-middleware';
import { authEndpoints } from './auth-routes';
import { docsPage } from './docs-page';
import { routeEndpoints, type Endpoint } from './endpoint';
import { healthCheck } from './health';
import { openApiDocument } from './openapi';
import { problemHandler, routeNotFound } from './problem';
import { reportEndpoints } from './report-endpoints';
import { readinessCheck, statesWarmed, storeReachable, type ReadinessCheck } from './readiness';
import { requestLog } from './request-log';
import { STREAM_KINDS } from './stream-kinds';
import { streamEndpoints } from './stream-routes';
import { twoFactorEndpoints } from './two-factor-routes';
import { userEndpoints } from './user-routes';
import { regionEndpoints } from './region-routes';
import { projectEndpoints } from './project-routes';
import { siskeudesImportEndpoints } from './siskeudes-import-endpoints';
import { RegencySync } from '../sync/regency-sync';
import { SYNC_ACTOR } from '../sync/sync-record';
import { syncEndpoints } from './sync-routes';
import { warmVillageStates } from '../app/warm-states';

export const API_BASE = '/api/v1';

export interface AppDependencies {
  store: EventStore;
  storeKind: string;
  access: AccessService;
  reference?: ReferenceCatalog;
  /** The regency's registered regions; default: a service over the store feeding `reference`. */
  regions?: RegionService;
  /** Default: a ledger whose SPPs pass the payment gate of `monitoringPolicy`. */
  ledger?: Ledger;
  /**
   * Sessions and login throttle over the regency's session stream. Default:
   * a follower of it that starts reading on first use.
   */
  sessionStream?: Pick<SessionStream, 'sessions' | 'throttle' | 'twoFactor'>;
  log?: Logger;
  /** Added to "the store answers"; projections add theirs when they are wired. */
  readinessChecks?: readonly ReadinessCheck[];
  /** Largest accepted request body: bytes, or body-parser syntax such as '1kb'. */
  bodyLimit?: number | string;
  shuttingDown?: () => boolean;
  /** The projection engine behind the report endpoints (read models, read-your-writes). */
  readModels?: ProjectionEngine;
  /** Pages served beside the API (the web UI), built over the app's own services. */
  pages?: (services: AppServices) => RequestHandler;
  /**
   * Reverse proxies in front whose X-Forwarded-For/-Proto are believed: then
   * a request that reached the proxy over TLS gets Secure cookies and the
   * login throttle counts the client's address, not the proxy's. Default 0.
   */
  trustProxyHops?: number;
  /** The clock a request's "today" is read from (a test sets the hour). Default: the system clock. */
  clock?: () => Date;
  /** Where project photos are kept; default: in memory. */
  blobs?: BlobStore;
  /** A project monitoring policy for every year; default: each year's reference policy row `monitoring`. */
  monitoringPolicy?: MonitoringPolicy;
  /**
   * Fold the regency's village year streams into the ledger's state cache at
   * start, `/readyz` waiting for it (the server does; tests start cold). Default false.
   */
  warmCommandStates?: boolean;
  /** The village this installation keeps the books of as its offline node; none on the regency's server. */
  villageNode?: string;
}

/** The services the API runs on, for pages that must call the same ones. */
export interface AppServices {
  store: EventStore;
  access: AccessService;
  reference: ReferenceCatalog;
  regions: RegionService;
  ledger: Ledger;
  sessions: SessionStream['sessions'];
  throttle: SessionStream['throttle'];
  twoFactor: SessionStream['twoFactor'];
  readModels?: ProjectionEngine;
  /** The regency's physical projects, the same service the API's project endpoints use. */
  projects: ProjectService;
  /** Read once per request, at the edge; the regency's time zone turns it into that day's date. */
  clock: () => Date;
}

function documentationEndpoints(listed: () => readonly Endpoint[]): Endpoint[] {
  return [
    {
      method: 'get',
      path: '/openapi.json',
      tag: 'docs',
      summary: 'Dokumen OpenAPI 3.1 / the OpenAPI 3.1 document',
      access: 'public',
      status: 200,
      handler(_req, res) {
        res.json(openApiDocument(listed(), API_BASE));
      },
    },
    {
      method: 'get',
      path: '/docs',
      tag: 'docs',
      summary: 'Daftar endpoint (halaman ini) / the endpoint list (this page)',
      access: 'public',
      status: 200,
      handler(_req, res) {
        res.type('html').send(docsPage(listed(), API_BASE));
      },
    },
  ];
}

/** The express application: every route Kasdesa serves. */
export function createApp(dependencies: AppDependencies): Express {
  const { store, storeKind, access } = dependencies;
  const reference = dependencies.reference ?? new ReferenceCatalog();
  const regions =
    dependencies.regions ??
    createRegionService({ store, regencyCode: access.regencyCode, reference });
  const sync = new RegencySync({
    store,
    regencyCode: access.regencyCode,
    fiscalYears: () => reference.fiscalYears(access.regencyCode),
    // The regency checks a node's projects for duplicates as they arrive: only it writes suspicions.
    onAppended: (streams) => projects.checkArrived(SYNC_ACTOR, streams),
  });
  const projects = createProjectService({
    store,
    blobs: dependencies.blobs ?? new MemoryBlobStore(),
    regions,
    reference,
    policy: dependencies.monitoringPolicy,
    checksDuplicates: dependencies.villageNode === undefined,
    villageNodes: sync,
  });
  // The ledger's SPP decisions read the same project read side the project endpoints write through.
  const ledger =
    dependencies.ledger ?? createLedger({ store, reference, projects, villageNodes: sync });
  const { sessions, throttle, twoFactor } =
    dependencies.sessionStream ?? openSessionStream({ store, regencyCode: access.regencyCode });
  const log = dependencies.log ?? pino({ name: 'kasdesa' });
  const shuttingDown = dependencies.shuttingDown ?? (() => false);
  const clock = dependencies.clock ?? (() => new Date());
  const warming = dependencies.warmCommandStates
    ? [statesWarmed(warmVillageStates(ledger, store, reference, access.regencyCode).progress)]
    : [];

  const endpoints: Endpoint[] = [
    ...authEndpoints({ access, sessions, throttle, twoFactor }),
    ...userEndpoints(access),
    ...regionEndpoints(regions, reference),
    ...twoFactorEndpoints({ access, twoFactor }),
    ...STREAM_KINDS.flatMap((kind) => streamEndpoints(kind, ledger, reference)),
    ...auditEndpoints(store, reference),
    ...reportEndpoints({ readModels: dependencies.readModels, store, reference, clock }),
    ...projectEndpoints(projects),
    ...siskeudesImportEndpoints({ store, ledger, reference, clock }),
    ...syncEndpoints(sync),
  ];
  endpoints.push(...documentationEndpoints(() => endpoints));

  const app = express();
  app.disable('x-powered-by');
  if (dependencies.trustProxyHops) app.set('trust proxy', dependencies.trustProxyHops);
  app.use(requestLog(log));
  // Routes on the app itself, not nested routers: each router would cost every API request a dispatch.
  app.get('/healthz', healthCheck(store, storeKind));
  app.get(
    '/readyz',
    readinessCheck(
      [storeReachable(store), ...warming, ...(dependencies.readinessChecks ?? [])],
      shuttingDown,
    ),
  );
  // Every request sees the regions registered so far, by this process or another (the CLI).
  app.use((_req, _res, next) => {
    regions.fresh().then(() => next(), next);
  });
  routeEndpoints(app, API_BASE, endpoints, {
    authenticate: authenticate(access, sessions),
    authenticateDuringEnrollment: authenticate(access, sessions, { duringEnrollment: true }),
    bodyLimit: dependencies.bodyLimit ?? REQUEST_BODY_MAX_BYTES,
  });
  if (dependencies.pages)
    app.use(
      dependencies.pages({
        store,
        access,
        reference,
        regions,
        ledger,
        sessions,
        throttle,
        twoFactor,
        readModels: dependencies.readModels,
        projects,
        clock,
      }),
    );
  app.use(routeNotFound);
  app.use(problemHandler(log));
  return app;
}
