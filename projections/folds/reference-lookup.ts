import { regencyOf } from '../../src/domain/shared/region-codes';
import type { ReferenceData } from '../../src/domain/reference/reference-data';

/**
 * Reference data by fiscal year and regency, loaded by the caller at start:
 * projections look names and roles up here and never read files themselves.
 */
export type ReferenceLookup = (fiscalYear: number, regencyCode: string) => ReferenceData;

export function referenceLookup(datasets: Iterable<ReferenceData>): ReferenceLookup {
  const byKey = new Map<string, ReferenceData>();
  for (const data of datasets) byKey.set(`${data.fiscalYear}/${data.regency.code}`, data);
  return (fiscalYear, regencyCode) => {
    const found = byKey.get(`${fiscalYear}/${regencyCode}`);
    if (!found) {
      throw new Error(
        `Data referensi tidak dimuat / reference data not loaded: ${fiscalYear} ${regencyCode}`,
      );
    }
    return found;
  };
}

/** The reference data of a village's regency and year. */
export function referenceForVillage(
  lookup: ReferenceLookup,
  villageCode: string,
  fiscalYear: number,
): ReferenceData {
  return lookup(fiscalYear, regencyOf(villageCode));
}

export interface VillageIdentity {
  villageCode: string;
  villageName: string;
  districtCode: string;
  districtName: string;
  fiscalYear: number;
}

export function villageIdentity(
  reference: ReferenceData,
  villageCode: string,
  fiscalYear: number,
): VillageIdentity {
  const village = reference.villages.get(villageCode);
  const districtCode = village?.districtCode ?? '';
  return {
    villageCode,
    villageName: village?.name ?? villageCode,
    districtCode,
    districtName: reference.districts.get(districtCode)?.name ?? districtCode,
    fiscalYear,
  };
}
