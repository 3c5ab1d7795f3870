import express, { type Request, type Router } from 'express';
import type { Role } from '../../access/roles';
import { localDate } from '../../domain/shared/local-date';
import { regencyOf } from '../../domain/shared/region-codes';
import { toAmountText } from '../../domain/shared/money';
import { balanceOf } from '../../domain/village/books';
import type { VillageState } from '../../domain/village/state';
import { reportSources } from '../../http/report-endpoints';
import { findReport } from '../../reports/catalog';
import type { VillageFundFlowReport } from '../../reports/fund-flow/fund-flow-report';
import type { ReportDefinition } from '../../reports/report-definition';
import type { VillageRealisation } from '../../reports/realisation/village-realisation';
import { runReport } from '../../reports/run-report';
import { pageUser, requireSignedIn, send, type PageServices } from '../page-kit';
import { HOME_PATH } from '../paths';
import type { PageSession } from '../session/web-session';
import { budgetByBidang } from './budget-by-bidang';
import { findForm } from '../forms/form-catalog';
import { ReportSubjectMissingError } from '../../reports/parameters';
import { defaultVillageYear } from '../default-years';
import { HomePage, type VillageHome } from './home-page';
import type { TreasurerFigures } from './treasurer-section';
import { waitingWork } from './waiting-work';
import { villageAttention } from './village-attention';
import { nodeSyncStatus } from '../../sync/node-sync-status';

/** The roles whose home shows their village's year. */
const VILLAGE_ROLES: readonly Role[] = [
  'treasurer',
  'secretary',
  'villageHead',
  'activityExecutor',
];

/** The home of each role: what it looks after and what waits for it. */
export function homeRoutes(services: PageServices): Router {
  const { reference, readModels, store, ledger } = services;
  const router = express.Router();
  const sources = readModels && reportSources(readModels, store, reference);
  const fundFlow = findReport('village', 'fund-flow')!;
  const realisation = findReport('village', 'realisation')!;

  /** A catalogue report of the village's year as the API serves it; none without read models. */
  async function villageReport<T>(
    report: ReportDefinition,
    code: string,
    fiscalYear: number,
    now: Date,
  ): Promise<T | undefined> {
    if (!sources) return undefined;
    try {
      const { built } = await runReport(
        { report, code, fiscalYear, query: {}, now },
        sources,
        reference,
      );
      return JSON.parse(built.json()) as T;
    } catch (error) {
      // A year with reference data that nothing was recorded in yet has no report to show.
      if (error instanceof ReportSubjectMissingError) return undefined;
      throw error;
    }
  }

  async function treasurerFigures(
    code: string,
    fiscalYear: number,
    state: VillageState,
    now: Date,
  ): Promise<TreasurerFigures> {
    const realised = await villageReport<VillageRealisation>(realisation, code, fiscalYear, now);
    return {
      fiscalYear,
      cashOnHand: toAmountText(balanceOf(state.books, 'cash', 'cashOnHand')),
      bank: toAmountText(balanceOf(state.books, 'cash', 'bank')),
      fundFlow: await villageReport<VillageFundFlowReport>(fundFlow, code, fiscalYear, now),
      bidang: realised && budgetByBidang(realised),
    };
  }

  /** The village's year asked (`?tahun=`) or the latest with reference data, and its work for the role. */
  async function villageHome(current: PageSession, req: Request): Promise<VillageHome | undefined> {
    const { role, scope } = current.user;
    if (!VILLAGE_ROLES.includes(role)) return undefined;
    const asked = Number.parseInt(String(req.query.tahun ?? ''), 10);
    const years = reference.fiscalYears(regencyOf(scope));
    const fiscalYear = years.includes(asked)
      ? asked
      : await defaultVillageYear(ledger, reference, scope);
    if (fiscalYear === undefined) return undefined;
    const state = await ledger.villageState(scope, fiscalYear);
    const { policy, timeZone } = reference.get(fiscalYear, regencyOf(scope));
    const now = services.clock();
    const today = localDate(now, timeZone);
    const sync = await nodeSyncStatus(store, scope, years);
    return {
      fiscalYear,
      waiting: waitingWork(state, role, today, policy),
      attention: await villageAttention(sources, store, scope, fiscalYear),
      ...(role === 'treasurer' && {
        treasurer: await treasurerFigures(scope, fiscalYear, state, now),
      }),
      ...((role === 'secretary' || role === 'villageHead') && { budget: state.budget }),
      ...(role === 'activityExecutor' && {
        activities: [...state.planning.activities.values()],
      }),
      ...(sync && { sync: { status: sync, timeZone } }),
    };
  }

  router.get(HOME_PATH, requireSignedIn(services), async (req, res) => {
    const current = pageUser(res);
    send(
      res,
      200,
      'Beranda',
      <HomePage
        signedIn={current}
        village={await villageHome(current, req)}
        recorded={findForm(String(req.query.tercatat ?? ''))?.title}
      />,
    );
  });
  return router;
}
