import type { ReferenceData } from '../../domain/reference/reference-data';
import type { VillageIdentity } from '../../../projections/folds/reference-lookup';
import type { VillageView } from '../../../projections/folds/village-books';
import { consolidate } from './consolidation';
import type { SectionTotals } from './figures';
import type { Period } from './periods';
import type { RealisationSections } from './tree';
import { realisationItems, type RealisationItems } from './village-realisation';

export interface VillageRealisationSummary {
  identity: VillageIdentity;
  totals: SectionTotals;
}

export interface DistrictRealisation extends RealisationSections {
  districtCode: string;
  districtName: string;
  villages: VillageRealisationSummary[];
}

export interface RegencyRealisation extends RealisationSections {
  regency: { code: string; name: string };
  fiscalYear: number;
  period: Period;
  districts: DistrictRealisation[];
}

/** Per district and for the regency, consolidated from every village with a ledger (optionally one district). */
export function regencyRealisation(
  villageStates: (villageCode: string) => VillageView | undefined,
  reference: ReferenceData,
  period: Period,
  districtCode?: string,
): RegencyRealisation {
  const everyVillage: RealisationItems[] = [];
  const districts = [...reference.districts.values()]
    .filter((district) => districtCode === undefined || district.code === districtCode)
    .map((district): DistrictRealisation => {
      const villages = [...reference.villages.values()]
        .filter((village) => village.districtCode === district.code)
        .flatMap((village) => {
          const state = villageStates(village.code);
          return state?.fiscalYear ? [realisationItems(state, reference, period)] : [];
        });
      everyVillage.push(...villages);
      return {
        districtCode: district.code,
        districtName: district.name,
        villages: villages.map(({ identity, totals }) => ({ identity, totals })),
        ...consolidate(villages),
      };
    });
  return {
    regency: reference.regency,
    fiscalYear: reference.fiscalYear,
    period,
    districts,
    ...consolidate(everyVillage),
  };
}
