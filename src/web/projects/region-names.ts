import type { ReferenceCatalog } from '../../app/load-reference-data';
import { isRegionCode, isWithinRegion, regencyOf } from '../../domain/shared/region-codes';

export interface RegionNames {
  /** "Kabupaten …", "Kecamatan …" or "Desa …": the scope as the page names it. */
  scopeName: string;
  /** The districts a user scoped to the regency may narrow to, by name. */
  districts: { code: string; name: string }[];
  villageName: (code: string) => string;
}

/**
 * The names of the regency's districts and villages from its latest year of
 * reference data (registered regions included); a code without a name
 * shows as itself.
 */
export function regionNames(reference: ReferenceCatalog, scope: string): RegionNames {
  const regency = regencyOf(scope);
  const latest = Math.max(...reference.fiscalYears(regency));
  const data = Number.isFinite(latest) ? reference.get(latest, regency) : undefined;
  const villageName = (code: string) => data?.villages.get(code)?.name ?? code;
  const districtName = (code: string) => data?.districts.get(code)?.name ?? code;
  const scopeName = isRegionCode(scope, 'village')
    ? `Desa ${villageName(scope)}`
    : isRegionCode(scope, 'district')
      ? `Kecamatan ${districtName(scope)}`
      : (data?.regency.name ?? `Kabupaten ${scope}`);
  const districts = isRegionCode(scope, 'regency')
    ? [...(data?.districts.values() ?? [])]
        .filter((district) => isWithinRegion(district.code, scope))
        .map(({ code, name }) => ({ code, name }))
        .sort((a, b) => a.code.localeCompare(b.code))
    : [];
  return { scopeName, districts, villageName };
}
