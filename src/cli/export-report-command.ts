import type { Command } from 'commander';
import { createWriteStream, writeFileSync } from 'node:fs';
import { ReferenceCatalog } from '../app/load-reference-data';
import { runConfiguration } from '../composition/demo-settings';
import { openReadModels } from '../composition/read-model-runtime';
import { FISCAL_YEAR_PATTERN } from '../domain/shared/fiscal-year';
import type { EventStore } from '../eventstore/port';
import type { StoreLocation } from '../eventstore/store-location';
import { findReport, reportNames } from '../reports/catalog';
import { ReportParameterError, ReportSubjectMissingError } from '../reports/parameters';
import type { ReportScope } from '../reports/report-definition';
import { renderText } from '../reports/render/formats';
import { RenderedReportCache } from '../reports/render/rendered-cache';
import { writePdf } from '../reports/render/pdf';
import { writeWorkbook } from '../reports/render/xlsx';
import { runReport } from '../reports/run-report';
import { withConfiguredStore } from './open-access';

/** A report export as the CLI takes it: the report endpoint's query parameters as options. */
export interface ExportRequest {
  name: string;
  scope: ReportScope;
  code: string;
  fiscalYear: string;
  /** The report's query parameters: format, month, period, asOf, district. */
  query: Record<string, string>;
}

/** A refusal in the words the API uses: the parameter or subject, its value, and what is allowed. */
function refusal(error: unknown): unknown {
  if (error instanceof ReportParameterError)
    return new Error(
      `parameter ${error.parameter} = "${error.value}" tidak sah; nilai yang boleh / invalid; allowed: ${error.allowed}`,
    );
  if (error instanceof ReportSubjectMissingError)
    return new Error(`${error.field} = "${error.value}" tidak ada / not found`);
  return error;
}

/**
 * Writes a catalogue report to `out` as `GET /api/v1/{region}/years/{year}/reports/{name}`
 * serves it, over the read models caught up from the configured store.
 */
export async function exportReport(
  store: EventStore,
  config: StoreLocation,
  request: ExportRequest,
  out: string,
): Promise<void> {
  const report = findReport(request.scope, request.name);
  if (!report)
    throw new Error(
      `laporan tidak dikenal / unknown report: ${request.name} (${request.scope}: ${reportNames(request.scope).join(', ')})`,
    );
  if (!FISCAL_YEAR_PATTERN.test(request.fiscalYear))
    throw new Error(`--year ${request.fiscalYear}: tahun empat angka / a four-digit year`);
  const readModels = openReadModels(store, config);
  await readModels.engine.start();
  try {
    const sources = {
      models: readModels.engine,
      projections: readModels.projections,
      store,
      cache: new RenderedReportCache(),
    };
    const { built, format } = await runReport(
      {
        report,
        code: request.code,
        fiscalYear: Number(request.fiscalYear),
        query: request.query,
        now: new Date(),
      },
      sources,
      new ReferenceCatalog(),
    ).catch((error: unknown) => {
      throw refusal(error);
    });
    if (format === 'xlsx') await writeWorkbook(built.tables(), { filename: out }, built.document);
    else if (format === 'pdf')
      await writePdf(built.tables(), createWriteStream(out), built.document);
    else writeFileSync(out, renderText(built, format));
  } finally {
    await readModels.engine.stop();
    readModels.close();
  }
}

interface ExportOptions {
  regency?: string;
  village?: string;
  year: string;
  month?: string;
  period?: string;
  asOf?: string;
  district?: string;
  format: string;
  out: string;
}

function exportRequest(name: string, options: ExportOptions): ExportRequest {
  if ((options.regency === undefined) === (options.village === undefined))
    throw new Error('--regency <code> atau / or --village <code>, satu saja / exactly one');
  const optional = {
    month: options.month,
    period: options.period,
    asOf: options.asOf,
    district: options.district,
  };
  return {
    name,
    scope: options.village ? 'village' : 'regency',
    code: (options.village ?? options.regency)!,
    fiscalYear: options.year,
    query: {
      format: options.format,
      ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    } as Record<string, string>,
  };
}

/** `kasdesa export-report`: any report endpoint's answer as an xlsx, PDF, csv or json file. */
export function registerExportReport(program: Command): void {
  program
    .command('export-report <name>')
    .description(
      `Ekspor laporan / export a report (village: ${reportNames('village').join(', ')}; regency: ${reportNames('regency').join(', ')})`,
    )
    .option('--regency <code>', 'laporan kabupaten / a regency report, e.g. 35.99')
    .option('--village <code>', 'laporan desa / a village report, e.g. 35.99.01.2001')
    .requiredOption('--year <year>', 'tahun anggaran / fiscal year')
    .option('--month <month>', 'bulan / month 1–12 (books)')
    .option('--period <period>', 'semester1 | year (realisation)')
    .option('--as-of <date>', 'per tanggal / as of a business date (YYYY-MM-DD)')
    .option('--district <code>', 'satu kecamatan / one district (regency realisation)')
    .option('--format <format>', 'xlsx | pdf | csv | json', 'xlsx')
    .requiredOption('--out <file>', 'berkas tujuan / output file')
    .action((name: string, options: ExportOptions) =>
      withConfiguredStore(async (store) => {
        const { config } = runConfiguration();
        await exportReport(store, config, exportRequest(name, options), options.out);
        console.log(`Laporan ditulis / report written: ${options.out}`);
      }),
    );
}
