import express, { type Router } from 'express';
import { villageIdentity } from '../../../projections/folds/reference-lookup';
import type { VillagePlanningTrail } from '../../../projections/read-models/planning-trail';
import { villageLedger } from '../../../projections/read-models/village-ledger';
import { isRegionCode, regencyOf } from '../../domain/shared/region-codes';
import { reportSources } from '../../http/report-endpoints';
import { HttpProblem } from '../../http/problem';
import { PUBLIC_POSTER_CACHE_ENTRIES_MAX } from '../../limits';
import type { ActivityRealisationReport } from '../../reports/activity-realisation/activity-realisation';
import { findReport } from '../../reports/catalog';
import type { VillageFundFlowReport } from '../../reports/fund-flow/fund-flow-report';
import type { VillageRealisation } from '../../reports/realisation/village-realisation';
import type { ReportDefinition } from '../../reports/report-definition';
import { runReport } from '../../reports/run-report';
import { send, sendRefusal, type PageServices } from '../page-kit';
import { renderPage } from '../render-page';
import { apbdesPoster } from './apbdes-poster';
import { DEFAULT_COMPLAINTS_CONTACT } from './complaints-contact';
import { PublicPage } from './public-page';
import { PublicPageCache } from './public-page-cache';
import { POSTER_FILE, PUBLIC_PATH, publicYearPath } from './public-paths';
import { publicYear, type PublicYear } from './public-year';
import { VillageDirectory, type ListedVillage } from './village-directory';

/** A minute: a popular page is served from caches on the way, and a receipt shows within it. */
const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

const YEAR_PATTERN = /^\d{4}$/;

/**
 * The public transparency pages, without login: the villages that keep their
 * books here, and each village's APBDes and its realisation per year, built
 * from the catalogue reports' aggregate figures only. None without read models.
 */
export function publicRoutes(services: PageServices): Router {
  const { reference, readModels, store } = services;
  const router = express.Router();
  if (!readModels) return router;
  const sources = reportSources(readModels, store, reference);
  const ledgers = () => readModels.state(sources.projections.villageLedger);
  const trails = () => readModels.state(sources.projections.planningTrail);
  const flows = () => readModels.state(sources.projections.fundFlow);
  /** The read-model states a village year's page and poster are built from. */
  const pageStates = () => [ledgers(), trails(), flows()];
  const cache = new PublicPageCache();
  const posters = new PublicPageCache<Buffer>(PUBLIC_POSTER_CACHE_ENTRIES_MAX);
  const complaintsContact = services.complaintsContact ?? DEFAULT_COMPLAINTS_CONTACT;
  const realisation = findReport('village', 'realisation')!;
  const activityRealisation = findReport('village', 'activity-realisation')!;
  const planningTrail = findReport('village', 'planning-trail')!;
  const fundFlow = findReport('village', 'fund-flow')!;

  /** Every village with a recorded year, the years it has, by district and village code. */
  function listedVillages(): ListedVillage[] {
    const years = new Map<string, number[]>();
    for (const books of ledgers().streams.values()) {
      const opened = books.fiscalYear;
      if (opened)
        years.set(opened.villageCode, [
          ...(years.get(opened.villageCode) ?? []),
          opened.fiscalYear,
        ]);
    }
    return [...years]
      .map(([code, recorded]) => {
        const latest = Math.max(...recorded);
        return {
          identity: villageIdentity(reference.get(latest, regencyOf(code)), code, latest),
          years: recorded.sort((a, b) => a - b),
        };
      })
      .sort(
        (a, b) =>
          a.identity.districtCode.localeCompare(b.identity.districtCode) ||
          a.identity.villageCode.localeCompare(b.identity.villageCode),
      );
  }

  const yearsOf = (villageCode: string) =>
    listedVillages().find((listed) => listed.identity.villageCode === villageCode)?.years ?? [];

  /** A village code of a regency with reference data; else 404 naming it. */
  function requireVillage(villageCode: string): void {
    const regency = isRegionCode(villageCode, 'village') ? regencyOf(villageCode) : '';
    if (!regency || reference.fiscalYears(regency).length === 0)
      throw new HttpProblem('PATH_PARAMETER', 'villageCode', villageCode);
  }

  /** The village's year with reference data (else the years that have it) and a recorded ledger. */
  function requireVillageYear(villageCode: string, yearText: string): number {
    requireVillage(villageCode);
    if (!YEAR_PATTERN.test(yearText))
      throw new HttpProblem('PATH_PARAMETER', 'fiscalYear', yearText);
    const fiscalYear = Number(yearText);
    const regency = regencyOf(villageCode);
    reference.requireYear(fiscalYear, regency);
    const known =
      reference.get(fiscalYear, regency).villages.has(villageCode) &&
      villageLedger(ledgers(), villageCode, fiscalYear) !== undefined;
    if (!known)
      throw new HttpProblem(
        'PATH_PARAMETER',
        'villageCode/fiscalYear',
        `${villageCode}/${fiscalYear}`,
      );
    return fiscalYear;
  }

  async function reportOf<T>(report: ReportDefinition, code: string, fiscalYear: number) {
    const { built } = await runReport(
      { report, code, fiscalYear, query: {}, now: services.clock() },
      sources,
      reference,
    );
    return JSON.parse(built.json()) as T;
  }

  async function yearOf(villageCode: string, fiscalYear: number): Promise<PublicYear> {
    return publicYear({
      realisation: await reportOf<VillageRealisation>(realisation, villageCode, fiscalYear),
      activities: await reportOf<ActivityRealisationReport>(
        activityRealisation,
        villageCode,
        fiscalYear,
      ),
      trail: await reportOf<VillagePlanningTrail>(planningTrail, villageCode, fiscalYear),
      fundFlow: await reportOf<VillageFundFlowReport>(fundFlow, villageCode, fiscalYear),
    });
  }

  async function buildPage(villageCode: string, fiscalYear: number): Promise<string> {
    const year = await yearOf(villageCode, fiscalYear);
    return renderPage(
      `Transparansi ${year.identity.villageName} ${fiscalYear}`,
      <PublicPage year={year} years={yearsOf(villageCode)} complaintsContact={complaintsContact} />,
    );
  }

  router.get(PUBLIC_PATH, (_req, res) => {
    res.set('Cache-Control', PUBLIC_CACHE_CONTROL);
    send(res, 200, 'Transparansi keuangan desa', <VillageDirectory villages={listedVillages()} />);
  });

  router.get(`${PUBLIC_PATH}/:villageCode`, (req, res) => {
    const { villageCode } = req.params;
    try {
      requireVillage(villageCode);
      const latest = Math.max(...yearsOf(villageCode));
      if (!Number.isFinite(latest))
        throw new HttpProblem('PATH_PARAMETER', 'villageCode', villageCode);
      res.redirect(302, publicYearPath(villageCode, latest));
    } catch (error) {
      sendRefusal(req, res, error, PUBLIC_PATH);
    }
  });

  router.get(`${PUBLIC_PATH}/:villageCode/:fiscalYear`, async (req, res) => {
    const { villageCode } = req.params;
    try {
      const fiscalYear = requireVillageYear(villageCode, req.params.fiscalYear);
      const html = await cache.render(`${villageCode}/${fiscalYear}`, pageStates(), () =>
        buildPage(villageCode, fiscalYear),
      );
      res.status(200).type('html').set('Cache-Control', PUBLIC_CACHE_CONTROL).send(html);
    } catch (error) {
      sendRefusal(req, res, error, PUBLIC_PATH);
    }
  });

  router.get(`${PUBLIC_PATH}/:villageCode/:fiscalYear/${POSTER_FILE}`, async (req, res) => {
    const { villageCode } = req.params;
    try {
      const fiscalYear = requireVillageYear(villageCode, req.params.fiscalYear);
      const pdf = await posters.render(`${villageCode}/${fiscalYear}`, pageStates(), async () =>
        apbdesPoster(await yearOf(villageCode, fiscalYear), complaintsContact),
      );
      res
        .status(200)
        .type('application/pdf')
        .set('Cache-Control', PUBLIC_CACHE_CONTROL)
        .attachment(`baliho-apbdes-${villageCode}-${fiscalYear}.pdf`)
        .send(pdf);
    } catch (error) {
      sendRefusal(req, res, error, PUBLIC_PATH);
    }
  });
  return router;
}
