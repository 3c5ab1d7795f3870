import { z } from 'zod';
import type { LineString, Position } from 'geojson';
import { PROJECT_GEOMETRY_POSITIONS_MAX } from '../../limits';

const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);

/** GeoJSON order (RFC 7946): longitude first, WGS84; a third number (altitude) is not accepted. */
const position = z.tuple([longitude, latitude]);

const line = z.array(position).min(2).max(PROJECT_GEOMETRY_POSITIONS_MAX);

const ring = z
  .array(position)
  .min(4)
  .max(PROJECT_GEOMETRY_POSITIONS_MAX)
  .refine((points) => {
    const [first, last] = [points[0], points.at(-1)];
    return (
      first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1]
    );
  }, 'expected a closed ring: the last position equal to the first');

/**
 * Where a project lies, GeoJSON in WGS84: a point for small works, a line
 * (or one line per segment) for roads, channels and bridges, a polygon for areas.
 */
export const projectGeometrySchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Point'), coordinates: position }),
  z.strictObject({ type: z.literal('LineString'), coordinates: line }),
  z.strictObject({
    type: z.literal('MultiLineString'),
    coordinates: z.array(line).min(1).max(PROJECT_GEOMETRY_POSITIONS_MAX),
  }),
  z.strictObject({
    type: z.literal('Polygon'),
    coordinates: z.array(ring).min(1).max(PROJECT_GEOMETRY_POSITIONS_MAX),
  }),
]);

export type ProjectGeometry = z.infer<typeof projectGeometrySchema>;

/** Every position of a geometry, in order. */
export function positionsOf(geometry: ProjectGeometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
  }
}

/** The lines of a geometry: a line's segments, a polygon's rings; none for a point. */
export function linesOf(geometry: ProjectGeometry): LineString[] {
  switch (geometry.type) {
    case 'Point':
      return [];
    case 'LineString':
      return [geometry];
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.map((coordinates) => ({ type: 'LineString', coordinates }));
  }
}

/** [west, south, east, north] of a geometry. */
export function boundsOf(geometry: ProjectGeometry): [number, number, number, number] {
  const positions = positionsOf(geometry);
  const longitudes = positions.map((p) => p[0] ?? 0);
  const latitudes = positions.map((p) => p[1] ?? 0);
  return [
    Math.min(...longitudes),
    Math.min(...latitudes),
    Math.max(...longitudes),
    Math.max(...latitudes),
  ];
}
