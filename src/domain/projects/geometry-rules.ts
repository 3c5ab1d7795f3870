import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import length from '@turf/length';
import pointToLineDistance from '@turf/point-to-line-distance';
import Decimal from 'decimal.js';
import type { Position } from 'geojson';
import { DomainError } from '../shared/domain-error';
import { linesOf, positionsOf } from './geometry';
import { metresBetween } from './geometry-distance';
import type { MonitoringPolicy } from './policy';
import {
  LENGTH_UNIT_METRES,
  type RegisterProjectPayload,
  type VillageArea,
} from './project-commands';

const whole = (metres: number) => Math.round(metres).toString();
const shown = (position: Position) => `[${position.join(', ')}]`;

/** Metres from a position to a village's boundary; zero inside it. */
function metresOutside(position: Position, boundary: NonNullable<VillageArea['boundary']>): number {
  if (booleanPointInPolygon(position, boundary)) return 0;
  return Math.min(
    ...boundary.coordinates.map((ring) =>
      pointToLineDistance(position, { type: 'LineString', coordinates: ring }, { units: 'meters' }),
    ),
  );
}

/**
 * Every position lies inside the village's boundary or within the margin of
 * it, or, when only its centre is known, within the centre's radius: a
 * swapped latitude and longitude, or a project typed in for the wrong
 * village, is caught before it reaches a map or a duplicate check.
 */
export function checkNearVillage(
  { geometry, villageCode }: RegisterProjectPayload,
  area: VillageArea | undefined,
  policy: MonitoringPolicy,
): DomainError | undefined {
  if (!area?.boundary && !area?.centre) return undefined;
  for (const position of positionsOf(geometry)) {
    if (area.boundary) {
      const outside = metresOutside(position, area.boundary);
      if (outside > policy.villageMarginMetres)
        return new DomainError('PROJECT_NEAR_VILLAGE', 'geometry.coordinates', shown(position), {
          id: `${whole(outside)} m di luar batas desa ${villageCode}; paling jauh ${whole(policy.villageMarginMetres)} m`,
          en: `${whole(outside)} m outside the boundary of village ${villageCode}; at most ${whole(policy.villageMarginMetres)} m`,
        });
    } else if (area.centre) {
      const [latitude, longitude] = area.centre;
      const away = metresBetween(position, [longitude, latitude]);
      if (away > policy.villageCentreRadiusMetres)
        return new DomainError('PROJECT_NEAR_VILLAGE', 'geometry.coordinates', shown(position), {
          id: `${whole(away)} m dari pusat desa ${villageCode}; paling jauh ${whole(policy.villageCentreRadiusMetres)} m`,
          en: `${whole(away)} m from the centre of village ${villageCode}; at most ${whole(policy.villageCentreRadiusMetres)} m`,
        });
    }
  }
  return undefined;
}

/**
 * A line's drawn length matches its volume in metres within the tolerance
 * (and never tighter than the slack): 250 m of road drawn as 2 km is a
 * mistake or a padded volume, and either must be seen before money flows.
 */
export function checkLineLength(
  { geometry, volume, unit }: RegisterProjectPayload,
  policy: MonitoringPolicy,
): DomainError | undefined {
  const metresPerUnit = LENGTH_UNIT_METRES[unit];
  if (metresPerUnit === undefined || geometry.type === 'Point' || geometry.type === 'Polygon')
    return undefined;
  const drawn = linesOf(geometry)
    .map((line) => length({ type: 'Feature', geometry: line, properties: {} }, { units: 'meters' }))
    .reduce((total, metres) => total + metres, 0);
  const stated = new Decimal(volume).times(metresPerUnit).toNumber();
  const allowed = Math.max(
    (stated * policy.lineLengthTolerancePercent) / 100,
    policy.lineLengthSlackMetres,
  );
  if (Math.abs(drawn - stated) <= allowed) return undefined;
  return new DomainError('PROJECT_LINE_LENGTH', 'volume', `${volume} ${unit}`, {
    id: `garis yang digambar ${whole(drawn)} m, volume ${whole(stated)} m; selisih paling banyak ${whole(allowed)} m`,
    en: `the line drawn is ${whole(drawn)} m, the volume ${whole(stated)} m; at most ${whole(allowed)} m apart`,
  });
}
