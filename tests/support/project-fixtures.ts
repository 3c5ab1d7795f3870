import type { Express } from 'express';
import type { Position } from 'geojson';
import request from 'supertest';
import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { createProjectService } from '../../src/app/project-service';
import { createRegionService } from '../../src/app/region-service';
import type { RegisterProjectPayload } from '../../src/domain/projects/project-commands';
import type { MonitoringPolicy } from '../../src/domain/projects/policy';
import { MemoryBlobStore, type BlobStore } from '../../src/eventstore/blob-store';
import type { EventStore } from '../../src/eventstore/port';
import { jpegWithExif } from './jpeg-with-exif';
import { REGENCY } from './village-fixtures';

/** Kedungasri's centre as the regions stream records it: [latitude, longitude]. */
export const VILLAGE_CENTRE: [number, number] = [-8.62, 114.31];
export const CENTRE_POSITION: [number, number] = [VILLAGE_CENTRE[1], VILLAGE_CENTRE[0]];

const EARTH_RADIUS_METRES = 6_371_008.8;
const radians = (degrees: number) => (degrees * Math.PI) / 180;
const degrees = (radians: number) => (radians * 180) / Math.PI;

/** The position `metres` from `from` towards `bearing` degrees (0 north, 90 east), on turf's sphere. */
export function offset(from: Position, metres: number, bearing = 90): [number, number] {
  const [longitude = 0, latitude = 0] = from;
  const angle = metres / EARTH_RADIUS_METRES;
  const startLatitude = radians(latitude);
  const heading = radians(bearing);
  const endLatitude = Math.asin(
    Math.sin(startLatitude) * Math.cos(angle) +
      Math.cos(startLatitude) * Math.sin(angle) * Math.cos(heading),
  );
  const endLongitude =
    radians(longitude) +
    Math.atan2(
      Math.sin(heading) * Math.sin(angle) * Math.cos(startLatitude),
      Math.cos(angle) - Math.sin(startLatitude) * Math.sin(endLatitude),
    );
  return [degrees(endLongitude), degrees(endLatitude)];
}

/** A straight road of `metres` going east from `from`. */
export function roadEast(from: [number, number], metres: number) {
  return {
    type: 'LineString' as const,
    coordinates: [from, offset(from, metres)] as [number, number][],
  };
}

/** A 250 m concrete road in Dusun Krajan, paid by Dana Desa, as a village registers it. */
export function villageRoad(
  overrides: Partial<RegisterProjectPayload> = {},
): RegisterProjectPayload {
  return {
    projectId: 'rabat-krajan-2025',
    channel: 'apbdes',
    villageCode: '35.10.09.2004',
    fiscalYear: 2025,
    kegiatanCode: '3.1.01',
    title: 'Rabat beton jalan Dusun Krajan',
    outputType: 'rabat-beton',
    outputFamily: 'road',
    volume: '250',
    unit: 'm',
    geometry: roadEast(CENTRE_POSITION, 250),
    location: { dusun: 'Krajan', rt: '002' },
    budget: [{ fundSource: 'DDS', amount: '187500000.00' }],
    implementer: 'TPK Kedungasri',
    procurementMethod: 'swakelola',
    plannedStart: '2025-04-01',
    plannedEnd: '2025-06-30',
    ...overrides,
  };
}

/** The regency's asphalt laid 8 m beside the village's road: the duplicate suspected of it. */
export function regencyAsphalt(villageCode: string) {
  return {
    ...villageRoad({ villageCode, projectId: 'aspal-krajan-2025' }),
    channel: 'apbd' as const,
    kegiatanCode: '1.03.01',
    title: 'Pengaspalan jalan Krajan (PU)',
    budget: [{ fundSource: 'APBD', amount: '400000000.00' }],
    geometry: roadEast(offset(CENTRE_POSITION, 8, 0), 240),
    volume: '240',
  };
}

/** The road's report of 20 May 2025: halfway, 125.5 m, with one photo taken the day before. */
export function postHalfwayReport(app: Express, token: string, projectId: string) {
  return request(app)
    .post(`/api/v1/projects/${projectId}/progress`)
    .set({ Authorization: `Bearer ${token}` })
    .field('reportDate', '2025-05-20')
    .field('percent', '50')
    .field('realisedVolume', '125.5')
    .field('workers', '8')
    .field('workingDays', '20')
    .attach('photos', jpegWithExif({ takenAt: '2025:05:19 09:00:00' }), {
      filename: 'foto.jpg',
      contentType: 'image/jpeg',
    });
}

/** The project service over `store` as the server composes it: the regency's regions, photos in memory unless given. */
export function projectServiceOver(
  store: EventStore,
  {
    reference = new ReferenceCatalog(),
    blobs = new MemoryBlobStore(),
    policy,
  }: { reference?: ReferenceCatalog; blobs?: BlobStore; policy?: MonitoringPolicy } = {},
) {
  return createProjectService({
    store,
    blobs,
    reference,
    regions: createRegionService({ store, regencyCode: REGENCY, reference }),
    ...(policy ? { policy } : {}),
  });
}
