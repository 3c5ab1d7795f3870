import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { ProjectSummary } from '../../app/project-read-side';
import type { RegisteredRegion } from '../../domain/regions/region-commands';
import { isWithinRegion } from '../../domain/shared/region-codes';
import { projectPath } from './project-paths';
import type { ProjectFeatureProperties, VillageFeatureProperties } from './map-features';
import { progressBand } from './progress-bands';

/** Whether a suspicion of the project (either side of the pair) is still open. */
export const hasOpenSuspicion = (summary: ProjectSummary) =>
  summary.suspicions.some((suspicion) => suspicion.status === 'open');

/** The projects as a GeoJSON FeatureCollection (RFC 7946, WGS84, longitude first). */
export function projectFeatures(
  summaries: readonly ProjectSummary[],
  villageName: (code: string) => string,
): FeatureCollection<Geometry, ProjectFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: summaries.map((summary): Feature<Geometry, ProjectFeatureProperties> => ({
      type: 'Feature',
      id: summary.project.projectId,
      geometry: summary.project.geometry,
      properties: {
        projectId: summary.project.projectId,
        title: summary.project.title,
        villageCode: summary.project.villageCode,
        villageName: villageName(summary.project.villageCode),
        fiscalYear: summary.project.fiscalYear,
        channel: summary.project.channel,
        fundSources: summary.project.budget.map((line) => line.fundSource),
        volume: summary.project.volume,
        unit: summary.project.unit,
        percent: summary.percent ?? null,
        band: progressBand(summary.percent),
        suspected: hasOpenSuspicion(summary),
        url: projectPath(summary.project.projectId),
      },
    })),
  };
}

/**
 * The registered villages within `region`: each boundary when known, and
 * each centre as a point, so the map has a frame without a basemap.
 */
export function villageFeatures(
  regions: readonly RegisteredRegion[],
  region: string,
): FeatureCollection<Geometry, VillageFeatureProperties> {
  const features: Feature<Geometry, VillageFeatureProperties>[] = [];
  for (const registered of regions) {
    if (registered.level !== 'village' || !isWithinRegion(registered.code, region)) continue;
    const properties = { code: registered.code, name: registered.name };
    if (registered.boundary)
      features.push({ type: 'Feature', geometry: registered.boundary, properties });
    if (registered.centre) {
      const [latitude, longitude] = registered.centre;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [longitude, latitude] },
        properties,
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
