import type { Ledger } from '../app/ledger';
import type { ReferenceCatalog } from '../app/load-reference-data';
import { isRegionCode, regencyOf } from '../domain/shared/region-codes';

/**
 * The year a village's pages show when none is asked: the latest it has
 * recorded anything in, else the latest with reference data (a new year
 * about to be opened). Undefined for a scope that is not a village.
 */
export async function defaultVillageYear(
  ledger: Ledger,
  reference: ReferenceCatalog,
  villageCode: string,
): Promise<number | undefined> {
  if (!isRegionCode(villageCode, 'village')) return undefined;
  const years = [...reference.fiscalYears(regencyOf(villageCode))].sort((a, b) => b - a);
  for (const year of years)
    if ((await ledger.loadVillage(villageCode, year)).revision !== undefined) return year;
  return years[0];
}

/**
 * The year the regency's pages show when none is asked: the latest whose
 * regency stream has anything (allocations, transfers), else the latest
 * with reference data. A year's reference data may come before its books.
 */
export async function defaultRegencyYear(
  ledger: Ledger,
  reference: ReferenceCatalog,
  regencyCode: string,
): Promise<number | undefined> {
  const years = [...reference.fiscalYears(regencyCode)].sort((a, b) => b - a);
  for (const year of years)
    if ((await ledger.loadRegency(regencyCode, year)).revision !== undefined) return year;
  return years[0];
}
