import type { ReferenceCatalog } from '../../app/load-reference-data';
import { regencyOf } from '../../domain/shared/region-codes';
import { scopeCovers } from '../../access/roles';
import type { Choice } from '../forms/form-model';

/** The regions a scope may be given: the regency, its districts and villages known from reference data. */
export interface ScopeChoices {
  choices: Choice[];
  /** The region's name as a person reads it (`Desa Sukamaju (Kec. Ngadirojo)`), where known. */
  nameOf(code: string): string | undefined;
}

/**
 * The regions of the latest year with reference data that lie within
 * `scope`; regions are registered elsewhere, so these are the ones offered.
 */
export function scopeChoices(reference: ReferenceCatalog, scope: string): ScopeChoices {
  const regency = regencyOf(scope);
  const year = reference.fiscalYears(regency).at(-1);
  const names = new Map<string, string>();
  if (year !== undefined) {
    const data = reference.get(year, regency);
    names.set(data.regency.code, `Kabupaten ${data.regency.name}`);
    for (const district of data.districts.values())
      names.set(district.code, `Kec. ${district.name}`);
    for (const village of data.villages.values()) {
      const district = data.districts.get(village.districtCode)?.name ?? village.districtCode;
      names.set(village.code, `Desa ${village.name} (Kec. ${district})`);
    }
  }
  const choices = [...names]
    .filter(([code]) => scopeCovers(scope, code))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, name]) => ({ value: code, label: `${code} · ${name}` }));
  return { choices, nameOf: (code) => names.get(code) };
}
