import type { ReferenceCatalog } from '../app/load-reference-data';
import { localDate } from '../domain/shared/local-date';
import { regencyOf } from '../domain/shared/region-codes';
import { parseParameters, ReportSubjectMissingError, type Format } from './parameters';
import type { RenderedReport, ReportDefinition } from './report-definition';
import { reportDocument } from './signatories';
import { clocksOf, reportReader, type ReaderSources } from './state-reader';

export interface ReportRequest {
  report: ReportDefinition;
  /** The village or regency code. */
  code: string;
  fiscalYear: number;
  query: Readonly<Record<string, unknown>>;
  /** When it is asked, read once at the edge: its date in the regency's time zone is the report's "today". */
  now: Date;
}

/**
 * A catalogue report built for a village or regency of a year with
 * reference data, its query checked against the report's parameters.
 */
export async function runReport(
  request: ReportRequest,
  sources: ReaderSources,
  reference: ReferenceCatalog,
): Promise<{ built: RenderedReport; format: Format }> {
  const { report, code, fiscalYear } = request;
  const regency = regencyOf(code);
  reference.requireYear(fiscalYear, regency);
  const known =
    reference.exists(fiscalYear, regency) &&
    (report.scope === 'regency' || reference.get(fiscalYear, regency).villages.has(code));
  if (!known)
    throw new ReportSubjectMissingError(`${report.scope}Code/fiscalYear`, `${code}/${fiscalYear}`);
  const params = parseParameters(report.parameters, request.query);
  const read = reportReader(sources, clocksOf(params), report.readModels);
  const yearReference = reference.get(fiscalYear, regency);
  const target = {
    code,
    fiscalYear,
    reference: yearReference,
    today: localDate(request.now, yearReference.timeZone),
  };
  const built = await report.build(target, params, read);
  const document = await reportDocument(sources.store, {
    scope: report.scope,
    code,
    reference: yearReference,
    date: params.asOf ?? target.today,
  });
  return { built: { ...built, document }, format: (params.format ?? 'json') as Format };
}
