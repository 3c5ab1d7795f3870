import express, { type Request, type Router } from 'express';
import { scopeCovers } from '../../access/roles';
import type { User } from '../../access/state';
import { regencyOf } from '../../domain/shared/region-codes';
import { HttpProblem } from '../../http/problem';
import { requireMayIssue, resolveStreamTarget } from '../../http/stream-routes';
import { villageStream } from '../../http/stream-kinds';
import { pageUser, requireSignedIn, send, sendRefusal, type PageServices } from '../page-kit';
import { defaultVillageYear } from '../default-years';
import { EVALUATIONS_PATH, YEAR_FIELD } from './district-paths';
import { EvaluationListPage } from './evaluation-list-page';
import { EvaluationPage } from './evaluation-page';
import { evaluationView, villagesWaiting, type DistrictVillage } from './evaluation-view';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The camat's evaluation of his district's APBDes drafts: the list, and one draft to decide on. */
export function districtRoutes(services: PageServices): Router {
  const { ledger, reference, store } = services;
  const router = express.Router();

  /** The year asked (`?tahun=`), else the year the village's pages show. */
  async function yearOf(req: Request, villageCode: string): Promise<string> {
    const asked = text(req.query[YEAR_FIELD]);
    if (asked) return asked;
    return String((await defaultVillageYear(ledger, reference, villageCode)) ?? '');
  }

  /** Every village in the user's scope at the year its draft is read, if the reference data knows it then. */
  async function villagesOf(req: Request, user: User): Promise<DistrictVillage[]> {
    const regency = regencyOf(user.scope);
    const years = [...reference.fiscalYears(regency)];
    const asked = text(req.query[YEAR_FIELD]);
    if (asked && !years.some((year) => String(year) === asked))
      throw new HttpProblem('QUERY_PARAMETER', YEAR_FIELD, asked, {
        detail: {
          id: `tahun dengan data referensi: ${years.join(', ')}`,
          en: `years with reference data: ${years.join(', ')}`,
        },
      });
    const codes = new Set(
      years.flatMap((year) =>
        [...reference.get(year, regency).villages.keys()].filter((code) =>
          scopeCovers(user.scope, code),
        ),
      ),
    );
    const villages: DistrictVillage[] = [];
    for (const villageCode of [...codes].sort()) {
      const fiscalYear = Number(await yearOf(req, villageCode));
      const village = reference.get(fiscalYear, regency).villages.get(villageCode);
      if (village) villages.push({ villageCode, villageName: village.name, fiscalYear });
    }
    return villages;
  }

  router.get(EVALUATIONS_PATH, requireSignedIn(services), async (req, res) => {
    const current = pageUser(res);
    try {
      requireMayIssue(current.user, 'RecordApbdesEvaluation');
      const villages = await villagesOf(req, current.user);
      const waiting = await villagesWaiting(ledger, villages);
      send(
        res,
        200,
        'Evaluasi rancangan APBDes',
        <EvaluationListPage signedIn={current} waiting={waiting} villageCount={villages.length} />,
      );
    } catch (error) {
      sendRefusal(req, res, error, EVALUATIONS_PATH);
    }
  });

  router.get(`${EVALUATIONS_PATH}/:village`, requireSignedIn(services), async (req, res) => {
    const current = pageUser(res);
    try {
      requireMayIssue(current.user, 'RecordApbdesEvaluation');
      const villageCode = String(req.params.village);
      const target = resolveStreamTarget(
        villageStream,
        reference,
        current.user,
        villageCode,
        await yearOf(req, villageCode),
      );
      const view = await evaluationView(
        { ledger, reference, store },
        target.code,
        target.fiscalYear,
      );
      send(
        res,
        200,
        `Evaluasi APBDes ${view.villageName}`,
        <EvaluationPage signedIn={current} view={view} />,
      );
    } catch (error) {
      sendRefusal(req, res, error, EVALUATIONS_PATH);
    }
  });
  return router;
}
