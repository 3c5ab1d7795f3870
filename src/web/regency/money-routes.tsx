import express, { type Router } from 'express';
import { mayIssue } from '../../access/command-permissions';
import { pageUser, requireSignedIn, send, sendRefusal, type PageServices } from '../page-kit';
import { allocationRows } from './allocation-rows';
import { AllocationsPage } from './allocations-page';
import { regencyMoneyReader } from './regency-money';
import { ALLOCATIONS_PATH, STAGES_PATH, TRANSFERS_PATH } from './regency-paths';
import { stageRows } from './stage-rows';
import { StagesPage } from './stages-page';
import { transferRows } from './transfer-rows';
import { TransfersPage } from './transfers-page';

/** The regency's money for its villages: pagu, Dana Desa stages, transfers beside receipts. */
export function regencyMoneyRoutes(services: PageServices): Router {
  const router = express.Router();
  const signedIn = requireSignedIn(services);
  const readMoney = regencyMoneyReader(services);

  router.get(ALLOCATIONS_PATH, signedIn, async (req, res) => {
    const current = pageUser(res);
    try {
      const money = await readMoney(req, res);
      const { rows, totals } = allocationRows(money.state, money.reference);
      send(
        res,
        200,
        'Pagu desa',
        <AllocationsPage
          signedIn={current}
          regencyName={money.reference.regency.name}
          years={money.years}
          fiscalYear={money.fiscalYear}
          rows={rows}
          totals={totals}
          mayChange={mayIssue(current.user.role, 'SetAllocation')}
        />,
      );
    } catch (error) {
      sendRefusal(req, res, error, ALLOCATIONS_PATH);
    }
  });

  router.get(STAGES_PATH, signedIn, async (req, res) => {
    const current = pageUser(res);
    try {
      const money = await readMoney(req, res);
      send(
        res,
        200,
        'Tahap Dana Desa',
        <StagesPage
          signedIn={current}
          regencyName={money.reference.regency.name}
          years={money.years}
          fiscalYear={money.fiscalYear}
          rows={stageRows(money.state, money.reference, money.flow)}
          mayTransfer={mayIssue(current.user.role, 'SendTransfer')}
        />,
      );
    } catch (error) {
      sendRefusal(req, res, error, STAGES_PATH);
    }
  });

  router.get(TRANSFERS_PATH, signedIn, async (req, res) => {
    const current = pageUser(res);
    try {
      const money = await readMoney(req, res);
      send(
        res,
        200,
        'Transfer & penerimaan',
        <TransfersPage
          signedIn={current}
          regencyName={money.reference.regency.name}
          years={money.years}
          fiscalYear={money.fiscalYear}
          rows={transferRows(money.flow)}
          mayTransfer={mayIssue(current.user.role, 'SendTransfer')}
        />,
      );
    } catch (error) {
      sendRefusal(req, res, error, TRANSFERS_PATH);
    }
  });
  return router;
}
