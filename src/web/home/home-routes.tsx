import express, { type Request, type Router } from 'express';
import { regencyOf } from '../../domain/shared/region-codes';
import { reportSources } from '../../http/report-endpoints';
import { findReport } from '../../reports/catalog';
import type { VillageFundFlowReport } from '../../reports/fund-flow/fund-flow-report';
import { runReport } from '../../reports/run-report';
import { pageUser, requireSignedIn, send, type PageServices } from '../page-kit';
import { HOME_PATH } from '../paths';
import type { PageSession } from '../session/web-session';
import { HomePage, type TreasurerFigures } from './home-page';

/** The home of each role: what it looks after and what waits for it. */
export function homeRoutes(services: PageServices): Router {
  const { reference, readModels, store } = services;
  const router = express.Router();
  const sources = readModels && reportSources(readModels, store, reference);
  const fundFlow = findReport('village', 'fund-flow')!;

  /** The village fund-flow report the API serves, for the year asked (`?tahun=`) or the latest. */
  async function treasurerFigures(
    current: PageSession,
    req: Request,
  ): Promise<TreasurerFigures | undefined> {
    if (!sources || current.user.role !== 'treasurer') return undefined;
    const asked = Number.parseInt(String(req.query.tahun ?? ''), 10);
    const years = reference.fiscalYears(regencyOf(current.user.scope));
    const fiscalYear = years.includes(asked) ? asked : Math.max(...years);
    if (!Number.isFinite(fiscalYear)) return undefined;
    const { built } = await runReport(
      { report: fundFlow, code: current.user.scope, fiscalYear, query: {} },
      sources,
      reference,
    );
    return { fiscalYear, report: JSON.parse(built.json()) as VillageFundFlowReport };
  }

  router.get(HOME_PATH, requireSignedIn(services), async (req, res) => {
    const current = pageUser(res);
    send(
      res,
      200,
      'Beranda',
      <HomePage signedIn={current} figures={await treasurerFigures(current, req)} />,
    );
  });
  return router;
}
