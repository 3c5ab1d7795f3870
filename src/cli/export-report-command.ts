import type { Command } from 'commander';
import express from 'express';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import pino from 'pino';
import type { User } from '../access/state';
import { ReferenceCatalog } from '../app/load-reference-data';
import type { Config } from '../composition/config';
import { runConfiguration } from '../composition/demo-settings';
import { prefixAt } from '../domain/reference/codes';
import type { EventStore } from '../eventstore/port';
import { API_BASE } from '../http/app';
import { routeEndpoints } from '../http/endpoint';
import { problemHandler, routeNotFound } from '../http/problem';
import { REPORT_NAMES, reportEndpoints } from '../http/report-endpoints';
import { context } from '../http/request-context';
import { openReadModels } from '../composition/read-model-runtime';
import { withConfiguredStore } from './open-access';

const REGENCY_LEVEL = 2;

export interface ReportRequest {
  name: string;
  /** `villages/{code}` or `regencies/{code}`. */
  region: string;
  fiscalYear: string;
  /** The report endpoint's query parameters: format, month, period, asOf, district. */
  query: Record<string, string>;
}

/** The operator, as a reader of the whole regency the report belongs to. */
function operator(regencyCode: string): User {
  return {
    userId: 'cli',
    username: 'kasdesa-cli',
    displayName: 'kasdesa export-report',
    role: 'auditor',
    scope: regencyCode,
    passwordHash: '',
    active: true,
  };
}

/**
 * Writes a report to `out` exactly as `GET /api/v1/{region}/years/{year}/reports/{name}`
 * serves it: the report endpoints themselves answer, in this process, on a
 * loopback port, over the read models caught up from the configured store.
 */
export async function exportReport(
  store: EventStore,
  config: Pick<Config, 'store' | 'dataDir'>,
  request: ReportRequest,
  out: string,
): Promise<void> {
  const readModels = openReadModels(store, config);
  await readModels.engine.start();
  const reader = operator(prefixAt(request.region.split('/')[1]!, REGENCY_LEVEL));
  const app = express();
  routeEndpoints(
    app,
    API_BASE,
    reportEndpoints({ readModels: readModels.engine, store, reference: new ReferenceCatalog() }),
    {
      authenticate: (_req, res, next) => {
        context(res).user = reader;
        next();
      },
      bodyLimit: '1kb',
    },
  );
  app.use(routeNotFound);
  app.use(problemHandler(pino({ level: 'silent' })));
  const server = app.listen(0, '127.0.0.1');
  try {
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const query = new URLSearchParams(request.query);
    const response = await fetch(
      `http://127.0.0.1:${port}${API_BASE}/${request.region}/years/${request.fiscalYear}/reports/${request.name}?${query}`,
    );
    if (!response.ok || !response.body) {
      const problem = (await response.json()) as {
        rule?: string;
        messages?: { id: string; en: string };
      };
      throw new Error(
        `${response.status} ${problem.rule ?? ''}: ${problem.messages?.id ?? ''} / ${problem.messages?.en ?? ''}`,
      );
    }
    await pipeline(Readable.fromWeb(response.body as ReadableStream), createWriteStream(out));
  } finally {
    server.close();
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

function reportRequest(name: string, options: ExportOptions): ReportRequest {
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
    region: options.village ? `villages/${options.village}` : `regencies/${options.regency}`,
    fiscalYear: options.year,
    query: {
      format: options.format,
      ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    } as Record<string, string>,
  };
}

/** `kasdesa export-report`: any report endpoint's answer as an xlsx, csv or json file. */
export function registerExportReport(program: Command): void {
  program
    .command('export-report <name>')
    .description(
      `Ekspor laporan / export a report (village: ${REPORT_NAMES.village.join(', ')}; regency: ${REPORT_NAMES.regency.join(', ')})`,
    )
    .option('--regency <code>', 'laporan kabupaten / a regency report, e.g. 35.99')
    .option('--village <code>', 'laporan desa / a village report, e.g. 35.99.01.2001')
    .requiredOption('--year <year>', 'tahun anggaran / fiscal year')
    .option('--month <month>', 'bulan / month 1–12 (books)')
    .option('--period <period>', 'semester1 | year (realisation)')
    .option('--as-of <date>', 'per tanggal / as of a business date (YYYY-MM-DD)')
    .option('--district <code>', 'satu kecamatan / one district (regency realisation)')
    .option('--format <format>', 'xlsx | csv | json', 'xlsx')
    .requiredOption('--out <file>', 'berkas tujuan / output file')
    .action((name: string, options: ExportOptions) =>
      withConfiguredStore(async (store) => {
        const { config } = runConfiguration();
        await exportReport(store, config, reportRequest(name, options), options.out);
        console.log(`Laporan ditulis / report written: ${options.out}`);
      }),
    );
}
