import { ROLE_SCOPE_LEVELS, ROLES, type Role } from '../../access/roles';
import { withQuery } from '../books/report-paths';

/** The regency's projects: a table, and a map over it when the browser runs the script. */
export const PROJECT_MAP_PATH = '/proyek/peta';
/** The map's data: the table's projects, filtered the same way, as GeoJSON (a dot: never a project id). */
export const PROJECTS_GEOJSON_PATH = '/proyek/peta.geojson';
/** The villages of the user's scope: centres and boundaries, drawn when there is no basemap. */
export const VILLAGES_GEOJSON_PATH = '/proyek/desa.geojson';
/** Leaflet's stylesheet and images, served from Kasdesa itself: the map needs no internet. */
export const LEAFLET_ASSETS_PATH = '/web/leaflet';
/** The map page's own script, bundled from src/web/browser/project-map.ts. */
export const MAP_SCRIPT_PATH = '/web/peta-proyek.js';

/** The table's query fields: fiscal year, fund source, channel and district. */
export const FILTER_FIELDS = {
  year: 'tahun',
  fundSource: 'sumber',
  channel: 'jalur',
  district: 'kecamatan',
} as const;

/**
 * Who reads the projects of their scope: everyone working with village
 * money; an administrator manages users and regions, not their projects.
 */
export const PROJECT_READERS: readonly Role[] = ROLES.filter((role) => role !== 'administrator');

export const projectMapPath = (query: Readonly<Record<string, string>> = {}) =>
  withQuery(PROJECT_MAP_PATH, query);

export const projectsGeoJsonPath = (query: Readonly<Record<string, string>> = {}) =>
  withQuery(PROJECTS_GEOJSON_PATH, query);

/** One project's page. */
export const projectPath = (projectId: string) => `/proyek/${encodeURIComponent(projectId)}`;

/** A progress photo of the project, read from the blob store for a signed-in reader. */
export const projectPhotoPath = (projectId: string, sha256: string) =>
  `${projectPath(projectId)}/foto/${sha256}`;

/** Who the menu offers the map: the project readers whose scope can be wider than a village. */
export const PROJECT_MAP_MENU_ROLES: readonly Role[] = PROJECT_READERS.filter((role) =>
  ROLE_SCOPE_LEVELS[role].some((level) => level !== 'village'),
);
