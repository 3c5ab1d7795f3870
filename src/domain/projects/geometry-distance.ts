import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import distance from '@turf/distance';
import pointToLineDistance from '@turf/point-to-line-distance';
import type { Position } from 'geojson';
import { linesOf, type ProjectGeometry } from './geometry';

/** Metres between two WGS84 positions (great circle). */
export function metresBetween(a: Position, b: Position): number {
  return distance(a, b, { units: 'meters' });
}

/**
 * Metres from a position to the nearest part of a geometry; zero inside a
 * polygon. Planar in degrees, then measured along the rhumb line: near the
 * equator (Indonesia lies within 11° of it) a degree of longitude is within
 * 2 % of one of latitude, and the geodesic method costs ten times as much
 * in a duplicate scan that measures millions of samples.
 */
export function metresToGeometry(position: Position, geometry: ProjectGeometry): number {
  if (geometry.type === 'Point') return metresBetween(position, geometry.coordinates);
  if (geometry.type === 'Polygon' && booleanPointInPolygon(position, geometry)) return 0;
  return Math.min(
    ...linesOf(geometry).map((line) =>
      pointToLineDistance(position, line, { units: 'meters', method: 'planar' }),
    ),
  );
}
