import type { Request, Response } from 'express';
import { readModelProjections } from '../../projections/read-models/read-models';
import { scopeCovers } from '../access/roles';
import type { User } from '../access/state';
import type { ReferenceCatalog } from '../app/load-reference-data';
import { FISCAL_YEAR_PATTERN } from '../domain/shared/fiscal-year';
import { isRegionCode, regencyOf } from '../domain/shared/region-codes';
import type { EventStore } from '../eventstore/port';
import { findReport, reportNames, reportsOf } from '../reports/catalog';
import {
  COMMON_PARAMETERS,
  ReportParameterError,
  ReportSubjectMissingError,
  type Format,
} from '../reports/parameters';
import type { RenderedReport, ReportDefinition, ReportScope } from '../reports/report-definition';
import { CONTENT_TYPES, renderText } from '../reports/render/formats';
import { RenderedReportCache } from '../reports/render/rendered-cache';
import { writePdf } from '../reports/render/pdf';
import { writeWorkbook } from '../reports/render/xlsx';
import { runReport } from '../reports/run-report';
import type { ReaderSources, ReadModels } from '../reports/state-reader';
import type { Endpoint, QueryParameterDoc } from './endpoint';
import { HttpProblem } from './problem';
import { awaitReadModels } from './read-your-writes';
import { currentUser } from './request-context';

export type { ReadModels } from '../reports/state-reader';

const CODE_PARAMETER: Record<ReportScope, string> = {
  village: 'villageCode',
  regency: 'regencyCode',
};

/** The report's own refusals as problems: a query parameter names the values allowed. */
export function reportProblem(error: unknown): unknown {
  if (error instanceof ReportParameterError)
    return new HttpProblem('QUERY_PARAMETER', error.parameter, error.value, {
      detail: {
        id: `nilai yang boleh: ${error.allowed}`,
        en: `allowed: ${error.allowed}`,
      },
    });
  if (error instanceof ReportSubjectMissingError)
    return new HttpProblem('PATH_PARAMETER', error.field, error.value);
  return error;
}

function targetOf(req: Request, scope: ReportScope) {
  const parameter = CODE_PARAMETER[scope];
  const code = String(req.params[parameter]);
  const year = String(req.params.fiscalYear);
  if (!isRegionCode(code, scope)) throw new HttpProblem('PATH_PARAMETER', parameter, code);
  if (!FISCAL_YEAR_PATTERN.test(year)) throw new HttpProblem('PATH_PARAMETER', 'fiscalYear', year);
  return { code, fiscalYear: Number.parseInt(year, 10), regency: regencyOf(code) };
}

/** The region a caller must cover: the regency, or for a district head the district asked for. */
function regionOf(req: Request, scope: ReportScope, code: string) {
  const district = scope === 'regency' ? req.query.district : undefined;
  if (
    typeof district === 'string' &&
    isRegionCode(district, 'district') &&
    regencyOf(district) === code
  )
    return { region: district, parameter: 'district' };
  return { region: code, parameter: CODE_PARAMETER[scope] };
}

/** The catalogue's report of the scope by name, or a 404 naming the reports there are. */
export function requireReport(scope: ReportScope, name: string): ReportDefinition {
  const report = findReport(scope, name);
  if (report) return report;
  const names = reportNames(scope);
  throw new HttpProblem('PATH_PARAMETER', 'report', name, {
    detail: { id: `laporan yang ada: ${names.join(', ')}`, en: `reports: ${names.join(', ')}` },
  });
}

/** Authorisation from the catalogue: the report's readers, within the caller's scope. */
export function requireReader(
  user: Pick<User, 'role' | 'scope'>,
  report: ReportDefinition,
  region: string,
  parameter: string,
): void {
  if (!report.readers.includes(user.role))
    throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', user.role);
  if (!scopeCovers(user.scope, region))
    throw new HttpProblem('OUT_OF_SCOPE', parameter, region, {
      detail: { id: `cakupan Anda ${user.scope}`, en: `your scope is ${user.scope}` },
    });
}

/** A built report as a download (attachment named after it) in CSV, xlsx or PDF, or as JSON. */
export async function sendReport(
  res: Response,
  format: Format,
  report: RenderedReport,
): Promise<void> {
  res.setHeader('Content-Disposition', `attachment; filename="${report.name}.${format}"`);
  res.type(CONTENT_TYPES[format]);
  if (format === 'xlsx') await writeWorkbook(report.tables(), { stream: res }, report.document);
  else if (format === 'pdf') await writePdf(report.tables(), res, report.document);
  else res.send(renderText(report, format));
}

/** Every query parameter any report of the scope takes, with the reports that take it. */
function queryDocs(scope: ReportScope): QueryParameterDoc[] {
  const docs = new Map<string, QueryParameterDoc>();
  for (const parameter of COMMON_PARAMETERS)
    docs.set(parameter.name, { ...parameter, usedBy: 'all reports' });
  for (const report of reportsOf(scope))
    for (const parameter of report.parameters) {
      const before = docs.get(parameter.name);
      docs.set(parameter.name, {
        ...parameter,
        required: false,
        usedBy: before ? `${before.usedBy}, ${report.name}` : report.name,
      });
    }
  return [...docs.values()];
}

function reportEndpoint(
  scope: ReportScope,
  sources: ReaderSources,
  reference: ReferenceCatalog,
  clock: () => Date,
): Endpoint {
  const base = scope === 'village' ? '/villages/:villageCode' : '/regencies/:regencyCode';
  const names = reportNames(scope);
  return {
    method: 'get',
    path: `${base}/years/:fiscalYear/reports/:report`,
    tag: 'reports',
    summary: `Laporan ${scope === 'village' ? 'desa' : 'kabupaten'} (${names.join(', ')}) sebagai JSON, CSV, xlsx atau PDF / ${scope} reports as JSON, CSV, xlsx or PDF`,
    access: [...new Set(reportsOf(scope).flatMap((report) => report.readers))],
    status: 200,
    pathValues: { report: names },
    query: queryDocs(scope),
    async handler(req, res) {
      const target = targetOf(req, scope);
      const name = String(req.params.report);
      const report = requireReport(scope, name);
      const { region, parameter } = regionOf(req, scope, target.code);
      requireReader(currentUser(res), report, region, parameter);
      await awaitReadModels(req, sources.models);
      try {
        const { built, format } = await runReport(
          {
            report,
            code: target.code,
            fiscalYear: target.fiscalYear,
            query: req.query,
            now: clock(),
          },
          sources,
          reference,
        );
        await sendReport(res, format, built);
      } catch (error) {
        throw reportProblem(error);
      }
    },
  };
}

/** What reports read: the live read models, or the same projections folded from the store at two clocks. */
export function reportSources(
  readModels: ReadModels,
  store: EventStore,
  reference: ReferenceCatalog,
): ReaderSources {
  // The same projections the engine runs (it finds states by name); projectAt folds them from the store.
  const projections = readModelProjections((fiscalYear, regency) =>
    reference.get(fiscalYear, regency),
  );
  return { models: readModels, projections, store, cache: new RenderedReportCache() };
}

/** Read-only report endpoints over the live read models (or the store at the two clocks). */
export function reportEndpoints(dependencies: {
  readModels: ReadModels | undefined;
  store: EventStore;
  reference: ReferenceCatalog;
  clock: () => Date;
}): Endpoint[] {
  const { readModels, store, reference, clock } = dependencies;
  if (!readModels) return [];
  const sources = reportSources(readModels, store, reference);
  return [
    reportEndpoint('village', sources, reference, clock),
    reportEndpoint('regency', sources, reference, clock),
  ];
}
