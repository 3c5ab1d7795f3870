import express, { type Request, type Response, type Router } from 'express';
import type { User } from '../../access/state';
import { isRegionCode, regencyOf } from '../../domain/shared/region-codes';
import { waitsForEvaluation } from '../../domain/village/queries/budget-steps';
import { HttpProblem } from '../../http/problem';
import { awaitReadModels } from '../../http/read-your-writes';
import {
  reportProblem,
  reportSources,
  requireReader,
  requireReport,
  sendReport,
} from '../../http/report-endpoints';
import type { MonitoringReport } from '../../reports/monitoring/monitoring-report';
import { runReport } from '../../reports/run-report';
import { DOWNLOAD_FORMATS, type DownloadFormat } from '../books/report-paths';
import { pageUser, requireSignedIn, send, sendRefusal, type PageServices } from '../page-kit';
import { MonitoringPage } from './monitoring-page';
import { RegencySync } from '../../sync/regency-sync';
import { syncStatusView } from '../../sync/sync-record';
import { isSortOrder, monitoringRows } from './monitoring-rows';
import { DISTRICT_FIELD, MONITORING_PATH, SORT_FIELD } from './regency-paths';
import { defaultRegencyYear } from '../default-years';

const YEAR_FIELD = 'tahun';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * The region a page shows, as the API's regency reports judge it: the
 * district asked (`?kecamatan=`), else a district head's own district, else
 * the regency. The report's readers and the user's scope then decide.
 */
function regionOf(req: Request, user: Pick<User, 'scope'>) {
  const regency = regencyOf(user.scope);
  const asked = text(req.query[DISTRICT_FIELD]);
  const own = isRegionCode(user.scope, 'district') ? user.scope : undefined;
  const district = asked || own;
  if (
    district !== undefined &&
    !(isRegionCode(district, 'district') && regencyOf(district) === regency)
  )
    throw new HttpProblem('QUERY_PARAMETER', DISTRICT_FIELD, district, {
      detail: {
        id: `kecamatan di kabupaten ${regency}`,
        en: `a district of the regency ${regency}`,
      },
    });
  return { regency, district };
}

/** The regency's monitoring page and its reports as files, for the regency and district users. */
export function regencyRoutes(services: PageServices): Router {
  const { reference, readModels, store, ledger } = services;
  const router = express.Router();
  const sources = readModels && reportSources(readModels, store, reference);

  /** The catalogue's regency report, for the region the user may read, as the API runs it. */
  async function regencyReport(req: Request, res: Response, name: string, format?: DownloadFormat) {
    const { user } = pageUser(res);
    const report = requireReport('regency', name);
    const { regency, district } = regionOf(req, user);
    requireReader(user, report, district ?? regency, district ? DISTRICT_FIELD : 'regencyCode');
    const years = [...reference.fiscalYears(regency)].sort((a, b) => a - b);
    const asked = text(req.query[YEAR_FIELD]);
    const chosen = asked
      ? years.find((year) => String(year) === asked)
      : await defaultRegencyYear(ledger, reference, regency);
    if (chosen === undefined || !sources)
      throw new HttpProblem('QUERY_PARAMETER', YEAR_FIELD, asked, {
        detail: {
          id: `tahun dengan data referensi: ${years.join(', ')}`,
          en: `years with reference data: ${years.join(', ')}`,
        },
      });
    await awaitReadModels(req, sources.models);
    const query = {
      ...(district && { district }),
      ...(format && { format }),
      ...(req.query.asOf !== undefined && { asOf: req.query.asOf }),
    };
    const { built } = await runReport(
      { report, code: regency, fiscalYear: chosen, query, now: services.clock() },
      sources,
      reference,
    );
    return { built, regency, district, years, chosen };
  }

  router.get(MONITORING_PATH, requireSignedIn(services), async (req, res) => {
    const current = pageUser(res);
    try {
      const { built, regency, district, years, chosen } = await regencyReport(
        req,
        res,
        'monitoring',
      );
      const report = JSON.parse(built.json()) as MonitoringReport;
      const sort = text(req.query[SORT_FIELD]);
      const order = isSortOrder(sort) ? sort : 'kode';
      const rows = monitoringRows(report, district, order);
      const evaluations =
        current.user.role === 'districtHead'
          ? await awaitingEvaluation(
              rows.map((row) => row.villageCode),
              chosen,
            )
          : undefined;
      const districts = report.districts
        .filter(
          (shown) =>
            !isRegionCode(current.user.scope, 'district') || shown.districtCode === district,
        )
        .map((shown) => ({ code: shown.districtCode, name: shown.districtName }));
      send(
        res,
        200,
        'Pemantauan desa',
        <MonitoringPage
          signedIn={current}
          regencyName={report.regency.name}
          years={years}
          chosen={chosen}
          asOf={report.asOf}
          districts={districts}
          district={district}
          order={order}
          rows={rows}
          lastSync={await villageLastSyncs(regency)}
          timeZone={reference.get(chosen, regency).timeZone}
          evaluations={evaluations && rows.filter((row) => evaluations.has(row.villageCode))}
        />,
      );
    } catch (error) {
      sendRefusal(req, res, reportProblem(error), MONITORING_PATH);
    }
  });

  /** Each village with a node and its last sync, as the regency's sync status gives them. */
  async function villageLastSyncs(regency: string): Promise<Map<string, string | null>> {
    const sync = new RegencySync({
      store,
      regencyCode: regency,
      fiscalYears: () => reference.fiscalYears(regency),
    });
    const { nodes } = syncStatusView(await sync.status());
    return new Map(nodes.map((node) => [node.villageCode, node.lastSync]));
  }

  /** The villages whose APBDes draft is with the camat for evaluation. */
  async function awaitingEvaluation(villages: string[], fiscalYear: number): Promise<Set<string>> {
    const waiting = new Set<string>();
    for (const village of villages) {
      const state = await ledger.villageState(village, fiscalYear);
      if (waitsForEvaluation(state.budget)) waiting.add(village);
    }
    return waiting;
  }

  for (const format of DOWNLOAD_FORMATS)
    router.get(
      `${MONITORING_PATH}/laporan/:name/unduh.${format}`,
      requireSignedIn(services),
      async (req, res) => {
        try {
          const { built } = await regencyReport(req, res, String(req.params.name), format);
          await sendReport(res, format, built);
        } catch (error) {
          sendRefusal(req, res, reportProblem(error), MONITORING_PATH);
        }
      },
    );
  return router;
}
