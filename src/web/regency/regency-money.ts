import type { Request, Response } from 'express';
import type { ReferenceData } from '../../domain/reference/reference-data';
import type { RegencyState } from '../../domain/regency/state';
import { regencyOf } from '../../domain/shared/region-codes';
import { HttpProblem } from '../../http/problem';
import { awaitReadModels } from '../../http/read-your-writes';
import { reportSources } from '../../http/report-endpoints';
import {
  fundFlowReport,
  type FundFlowReport,
  type VillageStates,
} from '../../reports/fund-flow/fund-flow-report';
import { villageStatesOf } from '../../reports/village-ledgers';
import { pageUser, type PageServices } from '../page-kit';
import { REGENCY_MONEY_ROLES } from './regency-paths';
import { defaultRegencyYear } from '../default-years';

export const YEAR_FIELD = 'tahun';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** What the regency's money pages show: its year's stream as it stands and the fund flow beside the villages' books. */
export interface RegencyMoney {
  regencyCode: string;
  years: number[];
  fiscalYear: number;
  reference: ReferenceData;
  /** The regency stream's state: allocations, stage plans and the rules' view of them. */
  state: RegencyState;
  /** Allocation → transfers → what each village recorded receiving, with the mismatches. */
  flow: FundFlowReport;
  /** Each village's books of the year (undefined: not opened yet). */
  villages: VillageStates;
}

/**
 * The regency year a money page shows, for the regency's finance office and
 * administrators of the regency: the year asked (`?tahun=`), else the latest
 * with reference data; with `?after=` once the read models have seen it.
 */
export function regencyMoneyReader(services: PageServices) {
  const { reference, readModels, store, ledger } = services;
  const sources = readModels && reportSources(readModels, store, reference);
  return async (req: Request, res: Response): Promise<RegencyMoney> => {
    const { user } = pageUser(res);
    if (!REGENCY_MONEY_ROLES.includes(user.role))
      throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', user.role, {
        detail: { id: 'halaman dana kabupaten', en: "the regency's fund pages" },
      });
    const regencyCode = regencyOf(user.scope);
    const years = [...reference.fiscalYears(regencyCode)].sort((a, b) => a - b);
    const asked = text(req.query[YEAR_FIELD]);
    const fiscalYear = asked
      ? years.find((year) => String(year) === asked)
      : await defaultRegencyYear(services.ledger, reference, regencyCode);
    if (fiscalYear === undefined || !sources)
      throw new HttpProblem('QUERY_PARAMETER', YEAR_FIELD, asked, {
        detail: {
          id: `tahun dengan data referensi: ${years.join(', ')}`,
          en: `years with reference data: ${years.join(', ')}`,
        },
      });
    await awaitReadModels(req, sources.models);
    const yearReference = reference.get(fiscalYear, regencyCode);
    const loaded = await ledger.loadRegency(regencyCode, fiscalYear);
    const ledgers = sources.models.state(sources.projections.villageLedger);
    const villages = villageStatesOf(ledgers, fiscalYear);
    const flow = fundFlowReport(
      sources.models.state(sources.projections.fundFlow),
      yearReference,
      villages,
    );
    return {
      regencyCode,
      years,
      fiscalYear,
      reference: yearReference,
      state: loaded.state.domain as RegencyState,
      flow,
      villages,
    };
  };
}
