import express, { type Request, type Response, type Router } from 'express';
import type { User } from '../../access/state';
import { defaultVillageYear } from '../default-years';
import { isRegionCode, regencyOf } from '../../domain/shared/region-codes';
import { HttpProblem } from '../../http/problem';
import { awaitReadModels } from '../../http/read-your-writes';
import {
  reportProblem,
  reportSources,
  requireReader,
  requireReport,
  sendReport,
} from '../../http/report-endpoints';
import { runReport } from '../../reports/run-report';
import { pageUser, requireSignedIn, send, sendRefusal, type PageServices } from '../page-kit';
import { REPORTS_PATH } from '../paths';
import { villageAttention } from '../home/village-attention';
import { shelvesFor } from './book-shelves';
import { BooksPage } from './books-page';
import type { PageQuery } from './report-form';
import { ReportPage } from './report-page';
import { DOWNLOAD_FORMATS, type DownloadFormat } from './report-paths';

const YEAR_FIELD = 'tahun';

/**
 * The village a user's pages show: the one asked (`?desa=`, e.g. from the
 * regency's monitoring page; the report's readers and scope decide), else
 * their scope, when it is a village.
 */
function villageOf(user: Pick<User, 'scope'>, asked: unknown): string {
  if (typeof asked === 'string' && asked !== '') {
    if (isRegionCode(asked, 'village')) return asked;
    throw new HttpProblem('QUERY_PARAMETER', 'desa', asked);
  }
  if (isRegionCode(user.scope, 'village')) return user.scope;
  throw new HttpProblem('OUT_OF_SCOPE', 'scope', user.scope, {
    detail: {
      id: 'buku dan laporan desa di sini untuk pengguna desa',
      en: 'village books and reports here are for village users',
    },
  });
}

/** An empty field of a GET form means "not given": the report then uses its default. */
function filledQuery(req: Request): Record<string, unknown> {
  return Object.fromEntries(Object.entries(req.query).filter(([, value]) => value !== ''));
}

/** The text values of the query, for the page's links and form. */
function textQuery(query: Record<string, unknown>): PageQuery {
  return Object.fromEntries(
    Object.entries(query).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** Books and reports of the village, on screen and as files, through the API's report path. */
export function bookRoutes(services: PageServices): Router {
  const { reference, readModels, store } = services;
  const router = express.Router();
  const sources = readModels && reportSources(readModels, store, reference);

  /** The years with reference data for the scope's regency, and the one asked (`?tahun=`) or the latest. */
  async function yearsOf(req: Request, scope: string) {
    const years = [...reference.fiscalYears(regencyOf(scope))].sort((a, b) => a - b);
    const asked = req.query[YEAR_FIELD];
    if (asked === undefined || asked === '')
      return { years, chosen: await defaultVillageYear(services.ledger, reference, scope) };
    const chosen = years.find((year) => String(year) === asked);
    if (chosen === undefined)
      throw new HttpProblem('QUERY_PARAMETER', YEAR_FIELD, String(asked), {
        detail: {
          id: `tahun dengan data referensi: ${years.join(', ')}`,
          en: `years with reference data: ${years.join(', ')}`,
        },
      });
    return { years, chosen };
  }

  /** A report's page, or with `download` (or `?format=csv|xlsx|pdf`) its file, as the API renders it. */
  async function showReport(req: Request, res: Response, download?: DownloadFormat) {
    const current = pageUser(res);
    const name = String(req.params.name);
    try {
      const report = requireReport('village', name);
      const village = villageOf(current.user, req.query.desa);
      requireReader(current.user, report, village, 'villageCode');
      const { years, chosen } = await yearsOf(req, village);
      if (chosen === undefined || !sources)
        throw new HttpProblem('QUERY_PARAMETER', YEAR_FIELD, String(req.query[YEAR_FIELD] ?? ''));
      const query = filledQuery(req);
      const page = { signedIn: current, report, years, chosen, query: textQuery(query) };
      const waiting = report.parameters.some(
        (parameter) => parameter.required && query[parameter.name] === undefined,
      );
      if (waiting && !download)
        return send(res, 200, report.title.id, <ReportPage {...page} tables={undefined} />);
      await awaitReadModels(req, sources.models);
      const { built, format } = await runReport(
        {
          report,
          code: village,
          fiscalYear: chosen,
          query: download ? { ...query, format: download } : query,
          now: services.clock(),
        },
        sources,
        reference,
      );
      if (format !== 'json') return await sendReport(res, format, built);
      // A drill-down from the regency's monitoring opens with what needs its attention.
      const attention =
        req.query.desa === undefined
          ? undefined
          : await villageAttention(sources, store, village, chosen);
      send(
        res,
        200,
        report.title.id,
        <ReportPage
          {...page}
          tables={built.tables()}
          document={built.document}
          attention={attention}
        />,
      );
    } catch (error) {
      sendRefusal(req, res, reportProblem(error), REPORTS_PATH);
    }
  }

  router.get(REPORTS_PATH, requireSignedIn(services), async (req, res) => {
    const current = pageUser(res);
    const { scope, role } = current.user;
    const village = isRegionCode(scope, 'village');
    try {
      const { years, chosen } = village
        ? await yearsOf(req, scope)
        : { years: [], chosen: undefined };
      send(
        res,
        200,
        'Buku & laporan',
        <BooksPage
          signedIn={current}
          years={years}
          chosen={chosen}
          shelves={village ? shelvesFor(role) : undefined}
        />,
      );
    } catch (error) {
      sendRefusal(req, res, error, REPORTS_PATH);
    }
  });
  router.get(`${REPORTS_PATH}/:name`, requireSignedIn(services), (req, res) =>
    showReport(req, res),
  );
  for (const format of DOWNLOAD_FORMATS)
    router.get(`${REPORTS_PATH}/:name/unduh.${format}`, requireSignedIn(services), (req, res) =>
      showReport(req, res, format),
    );
  return router;
}
