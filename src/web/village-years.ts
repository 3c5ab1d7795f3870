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
