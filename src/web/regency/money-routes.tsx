import express, { type Request, type Response, type Router } from 'express';
import type { VNode } from 'preact';
import { mayIssue } from '../../access/command-permissions';
import { pageUser, requireSignedIn, send, sendRefusal, type PageServices } from '../page-kit';
import type { PageSession } from '../session/web-session';
import { allocationRows } from './allocation-rows';
import { AllocationsPage } from './allocations-page';
import { regencyMoneyReader, type RegencyMoney } from './regency-money';
import { ALLOCATIONS_PATH, STAGES_PATH, TRANSFERS_PATH } from './regency-paths';
import { stageRows } from './stage-rows';
import { StagesPage } from './stages-page';
import { transferRows } from './transfer-rows';
import { TransfersPage } from './transfers-page';

/** What every money page shows above its table: who, the regency, its years and the year shown. */
function pageFrame(signedIn: PageSession, money: RegencyMoney) {
  return {
    signedIn,
    regencyName: money.reference.regency.name,
    years: money.years,
    fiscalYear: money.fiscalYear,
  };
}

/** The regency's money for its villages: pagu, Dana Desa stages, transfers beside receipts. */
export function regencyMoneyRoutes(services: PageServices): Router {
  const router = express.Router();
  const signedIn = requireSignedIn(services);
  const readMoney = regencyMoneyReader(services);

  /** One money page: read the regency's money for the year asked, render, or show the refusal. */
  function moneyPage(
    path: string,
    title: string,
    render: (frame: ReturnType<typeof pageFrame>, money: RegencyMoney) => VNode,
  ) {
    router.get(path, signedIn, async (req: Request, res: Response) => {
      const current = pageUser(res);
      try {
        const money = await readMoney(req, res);
        send(res, 200, title, render(pageFrame(current, money), money));
      } catch (error) {
        sendRefusal(req, res, error, path);
      }
    });
  }

  moneyPage(ALLOCATIONS_PATH, 'Pagu desa', (frame, money) => (
    <AllocationsPage
      {...frame}
      {...allocationRows(money.state, money.reference)}
      mayChange={mayIssue(frame.signedIn.user.role, 'SetAllocation')}
    />
  ));
  moneyPage(STAGES_PATH, 'Tahap Dana Desa', (frame, money) => (
    <StagesPage
      {...frame}
      rows={stageRows(money.state, money.reference, money.flow, money.villages)}
      mayTransfer={mayIssue(frame.signedIn.user.role, 'SendTransfer')}
    />
  ));
  moneyPage(TRANSFERS_PATH, 'Transfer & penerimaan', (frame, money) => (
    <TransfersPage
      {...frame}
      rows={transferRows(money.flow)}
      mayTransfer={mayIssue(frame.signedIn.user.role, 'SendTransfer')}
    />
  ));
  return router;
}
