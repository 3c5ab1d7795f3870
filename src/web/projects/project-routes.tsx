import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import type { User } from '../../access/state';
import { scopeCovers } from '../../access/roles';
import type { ProjectSummary } from '../../app/project-read-side';
import { HttpProblem } from '../../http/problem';
import { projectOf, sendProjectPhoto } from '../../http/project-routes';
import { PROJECT_LIST_MAX } from '../../limits';
import { pageUser, requireSignedIn, send, sendRefusal, type PageServices } from '../page-kit';
import { scriptBundle } from '../script-bundle';
import { MapPage } from './map-page';
import { tileImageSource } from './map-tiles';
import { progressHistory } from './progress-history';
import { passes, readFilter, type ProjectFilter } from './project-filters';
import { projectFeatures, villageFeatures } from './project-geojson';
import { ProjectPage } from './project-page';
import {
  LEAFLET_ASSETS_PATH,
  MAP_SCRIPT_PATH,
  PROJECT_MAP_PATH,
  PROJECT_READERS,
  PROJECTS_GEOJSON_PATH,
  projectMapPath,
  VILLAGES_GEOJSON_PATH,
} from './project-paths';
import { regionNames } from './region-names';

const LEAFLET_FOLDER = path.dirname(require.resolve('leaflet/dist/leaflet.css'));
const mapScript = scriptBundle('project-map.ts');

/** Refuses (403) a role that does not read projects. */
function requireProjectReader(user: Pick<User, 'role'>): void {
  if (!PROJECT_READERS.includes(user.role))
    throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', user.role, {
      detail: { id: 'membaca proyek', en: 'reading projects' },
    });
}

const sendGeoJson = (res: Response, body: unknown) =>
  res.type('application/geo+json').set('Cache-Control', 'private, no-cache').send(body);

/**
 * The regency's projects for the web: the table with its map, the map's
 * GeoJSON, each project's page and its photos. Every reader sees the
 * projects of their own scope (a village, a district or the regency).
 */
export function projectRoutes(services: PageServices): Router {
  const { projects, reference } = services;
  const router = express.Router();
  router.use(LEAFLET_ASSETS_PATH, express.static(LEAFLET_FOLDER, { fallthrough: false }));
  router.get(MAP_SCRIPT_PATH, mapScript.send);

  /** The projects of the user's scope that pass the asked filter, and the filter. */
  async function listed(req: Request, user: User) {
    requireProjectReader(user);
    const filter: ProjectFilter = readFilter(req.query, user.scope);
    const all = await projects.within(user.scope);
    return { all, filter, matched: all.filter((summary) => passes(summary, filter)) };
  }

  router.get(PROJECT_MAP_PATH, requireSignedIn(services), async (req, res) => {
    const current = pageUser(res);
    try {
      const { all, filter, matched } = await listed(req, current.user);
      const names = regionNames(reference, current.user.scope);
      const tiles = services.mapTiles;
      const tileSource = tiles && tileImageSource(tiles.url);
      // The page's own CSP widened by exactly the configured tile server's images.
      if (tileSource)
        res.setHeader(
          'Content-Security-Policy',
          `${String(res.getHeader('Content-Security-Policy'))};img-src 'self' ${tileSource}`,
        );
      send(
        res,
        200,
        'Peta proyek',
        <MapPage
          signedIn={current}
          scopeName={names.scopeName}
          filter={filter}
          years={uniqueSorted(all.map((summary) => summary.project.fiscalYear))}
          fundSources={uniqueSorted(
            all.flatMap((summary) => summary.project.budget.map((line) => line.fundSource)),
          )}
          districts={names.districts}
          rows={matched.slice(0, PROJECT_LIST_MAX)}
          matched={matched.length}
          villageName={names.villageName}
          tiles={tiles}
        />,
      );
    } catch (error) {
      sendRefusal(req, res, error, projectMapPath());
    }
  });

  router.get(PROJECTS_GEOJSON_PATH, requireSignedIn(services), async (req, res) => {
    const { user } = pageUser(res);
    const { matched } = await listed(req, user);
    const names = regionNames(reference, user.scope);
    sendGeoJson(res, projectFeatures(matched.slice(0, PROJECT_LIST_MAX), names.villageName));
  });

  router.get(VILLAGES_GEOJSON_PATH, requireSignedIn(services), async (req, res) => {
    const { user } = pageUser(res);
    requireProjectReader(user);
    const { district } = readFilter(req.query, user.scope);
    const region = district && scopeCovers(user.scope, district) ? district : user.scope;
    sendGeoJson(res, villageFeatures(await services.regions.fresh(), region));
  });

  /** The project the path names, for a reader whose scope covers its village. */
  async function readableProject(req: Request, user: User): Promise<ProjectSummary> {
    requireProjectReader(user);
    return projectOf(projects, user, String(req.params.projectId));
  }

  router.get('/proyek/:projectId', requireSignedIn(services), async (req, res) => {
    const current = pageUser(res);
    try {
      const summary = await readableProject(req, current.user);
      const names = regionNames(reference, current.user.scope);
      send(
        res,
        200,
        summary.project.title,
        <ProjectPage
          signedIn={current}
          summary={summary}
          villageName={names.villageName(summary.project.villageCode)}
          history={await progressHistory(
            services.store,
            await projects.streamOf(summary.project.projectId),
          )}
        />,
      );
    } catch (error) {
      sendRefusal(req, res, error, projectMapPath());
    }
  });

  router.get('/proyek/:projectId/foto/:sha256', requireSignedIn(services), async (req, res) => {
    const { user } = pageUser(res);
    const summary = await readableProject(req, user);
    await sendProjectPhoto(projects, res, summary, String(req.params.sha256));
  });
  return router;
}

function uniqueSorted<T extends string | number>(values: readonly T[]): T[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
