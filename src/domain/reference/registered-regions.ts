import type { RegisteredRegion } from '../regions/region-commands';
import { regionParent } from '../shared/region-codes';
import type { Named, ReferenceData, Village } from './reference-data';

/**
 * The reference data with the regency's registered districts and villages
 * added. One rule: the reference file wins. Registration refuses a code the
 * reference has, so the two only meet when a later year's file adopts a
 * registered code; then that year reads the file, and earlier years keep
 * the registered region their events were recorded against.
 */
export function withRegisteredRegions(
  reference: ReferenceData,
  registered: readonly RegisteredRegion[],
): ReferenceData {
  const districts = new Map<string, Named>(reference.districts);
  const villages = new Map<string, Village>(reference.villages);
  for (const region of registered) {
    if (regionParent(region.code) === reference.regency.code && region.level === 'district') {
      if (!districts.has(region.code))
        districts.set(region.code, { code: region.code, name: region.name });
    }
  }
  for (const region of registered) {
    const districtCode = regionParent(region.code) ?? '';
    if (region.level !== 'village' || villages.has(region.code) || !districts.has(districtCode))
      continue;
    villages.set(region.code, {
      code: region.code,
      name: region.name,
      districtCode,
      status: region.status ?? '',
      demo: false,
    });
  }
  return { ...reference, districts, villages };
}
