import type { Request, Response } from 'express';
import { apbdesVersion } from '../../projections/read-models/apbdes-documents';
import { diffVersions } from '../reports/apbdes/apbdes-diff';
import {
  activityRealisation,
  danaDesaAbsorption,
} from '../reports/activity-realisation/activity-realisation';
import { monthBooks, type MonthBooks } from '../reports/books/books-report';
import { fundFlowReport, villageFundFlowReport } from '../reports/fund-flow/fund-flow-report';
import { monitoringReport } from '../reports/monitoring/monitoring-report';
import { completeTrail } from '../reports/planning-trail/planning-trail-report';
import type { Projection } from '../../projections/engine/projection';
import {
  readModelProjections,
  type ReadModelProjections,
} from '../../projections/read-models/read-models';
import {
  fullYear,
  regencyRealisation,
  semesterOne,
  villageRealisation,
  type Period,
} from '../reports/realisation/realisation-report';
import { villageIdentity } from '../../projections/folds/reference-lookup';
import { projectAt, type Clocks } from '../../projections/engine/two-clocks';
import {
  villageLedger,
  type VillageLedgerState,
} from '../../projections/read-models/village-ledger';
import { villageModel } from '../../projections/read-models/village-stream-projection';
import type { Role } from '../access/roles';
import { ROLES, scopeCovers } from '../access/roles';
import type { ReferenceCatalog } from '../app/load-reference-data';
import { prefixAt } from '../domain/reference/codes';
import type { ReferenceData } from '../domain/reference/reference-data';
import type { EventStore } from '../eventstore/port';
import { apbdesTables, versionDiffTable } from '../reports/apbdes/apbdes-tables';
import { monthBookTables } from '../reports/books/book-tables';
import { renderCsv } from '../reports/render/csv';
import { fundFlowTables, villageFundFlowTables } from '../reports/fund-flow/fund-flow-tables';
import { renderJson } from '../reports/render/json';
import { RenderedReportCache, type Revisioned } from '../reports/render/rendered-cache';
import { monitoringTables } from '../reports/monitoring/monitoring-tables';
import { planningTrailTable } from '../reports/planning-trail/planning-trail-tables';
import {
  activityRealisationTable,
  regencyRealisationTables,
  villageRealisationTable,
} from '../reports/realisation/realisation-tables';
import { sppRegisterTable } from '../reports/spp-register/spp-register-tables';
import type { ReportTable } from '../reports/render/table';
import { writeWorkbook } from '../reports/render/xlsx';
import type { Endpoint } from './endpoint';
import { HttpProblem } from './problem';
import { currentUser } from './request-context';
import { awaitReadModels } from './read-your-writes';

/** The live read models: the projection engine that follows the store (states by projection name). */
export interface ReadModels {
  state<State>(projection: Projection<State>): State;
  waitForPosition(position: bigint): Promise<void>;
}

/** Who reads reports: everyone in the finance cycle within their scope; not the administrator. */
const REPORT_READERS: readonly Role[] = ROLES.filter((role) => role !== 'administrator');

const FORMATS = ['json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const REGENCY_CODE = /^\d{2}\.\d{2}$/;
const YEAR = /^\d{4}$/;
const REGENCY_LEVEL = 2;
const DISTRICT_LEVEL = 3;

/** A rendered report: the read model as JSON and its tables (CSV, xlsx). */
interface Rendered {
  name: string;
  json: () => string;
  tables: () => ReportTable[];
}

const badQuery = (parameter: string, value: string) =>
  new HttpProblem(400, 'PATH_PARAMETER', parameter, value, {
    detail: { id: 'parameter kueri', en: 'query parameter' },
  });

function query(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw badQuery(name, JSON.stringify(value));
  return value;
}

function dateQuery(req: Request, name: string): string | undefined {
  const value = query(req, name);
  if (value !== undefined && !DATE.test(value)) throw badQuery(name, value);
  return value;
}

function clocksOf(req: Request): Clocks {
  const asOf = dateQuery(req, 'asOf');
  const knownAt = query(req, 'knownAt');
  if (knownAt !== undefined && Number.isNaN(Date.parse(knownAt)))
    throw badQuery('knownAt', knownAt);
  return { ...(asOf ? { asOf } : {}), ...(knownAt ? { knownAt } : {}) };
}

function formatOf(req: Request): Format {
  const format = query(req, 'format') ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format)) throw badQuery('format', format);
  return format as Format;
}

/** `period=semester1|year` or `from`/`to` within the year; the year by default. */
function periodOf(req: Request, fiscalYear: number): Period {
  const period = query(req, 'period');
  const from = dateQuery(req, 'from');
  const to = dateQuery(req, 'to');
  if (period !== undefined && period !== 'semester1' && period !== 'year')
    throw badQuery('period', period);
  const base = period === 'semester1' ? semesterOne(fiscalYear) : fullYear(fiscalYear);
  const chosen = { from: from ?? base.from, to: to ?? base.to };
  if (chosen.from > chosen.to) throw badQuery('to', chosen.to);
  return chosen;
}

function monthOf(req: Request, fiscalYear: number, required: boolean): string | undefined {
  const month = query(req, 'month');
  if (month === undefined) {
    if (required) throw badQuery('month', '');
    return undefined;
  }
  const number = /^\d{1,2}$/.test(month) ? Number.parseInt(month, 10) : 0;
  if (number < 1 || number > 12) throw badQuery('month', month);
  return `${fiscalYear}-${String(number).padStart(2, '0')}`;
}

/** Live state, or the state at the two clocks folded from the store; live reads share the rendered-report cache. */
function stateReader(
  models: ReadModels,
  store: EventStore,
  clocks: Clocks,
  cache: RenderedReportCache,
) {
  const live = clocks.asOf === undefined && clocks.knownAt === undefined;
  const read = <State>(projection: Projection<State>): Promise<State> =>
    live ? Promise.resolve(models.state(projection)) : projectAt(store, projection, clocks);
  return Object.assign(read, { cache: live ? cache : undefined });
}

/** A report built at most once per request; its JSON from the cache when read live at an unchanged position. */
function regencyRendered<Model>(
  read: ReturnType<typeof stateReader>,
  states: readonly Revisioned[],
  key: string,
  build: () => Model,
  tables: (model: Model) => ReportTable[],
): Omit<Rendered, 'name'> {
  let model: Model | undefined;
  const built = () => (model ??= build());
  return {
    json: () => read.cache?.render(states, key, built) ?? renderJson(built()),
    tables: () => tables(built()),
  };
}

async function send(res: Response, format: Format, rendered: Rendered): Promise<void> {
  const filename = `${rendered.name}.${format}`;
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  if (format === 'json') {
    res.type('application/json').send(rendered.json());
    return;
  }
  if (format === 'csv') {
    res.type('text/csv; charset=utf-8').send(rendered.tables().map(renderCsv).join('\r\n'));
    return;
  }
  res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  await writeWorkbook(rendered.tables(), { stream: res });
}

function requireReader(res: Response, region: string, parameter: string): void {
  const user = currentUser(res);
  if (!REPORT_READERS.includes(user.role))
    throw new HttpProblem(403, 'ROLE_NOT_PERMITTED', 'role', user.role);
  if (!scopeCovers(user.scope, region))
    throw new HttpProblem(403, 'OUT_OF_SCOPE', parameter, region, {
      detail: { id: `cakupan Anda ${user.scope}`, en: `your scope is ${user.scope}` },
    });
}

interface Target {
  code: string;
  fiscalYear: number;
  reference: ReferenceData;
}

function resolve(
  req: Request,
  catalog: ReferenceCatalog,
  kind: 'village' | 'regency',
): Omit<Target, 'reference'> & { regency: string; known: boolean } {
  const parameter = kind === 'village' ? 'villageCode' : 'regencyCode';
  const code = String(req.params[parameter]);
  const year = String(req.params.fiscalYear);
  if (!(kind === 'village' ? VILLAGE_CODE : REGENCY_CODE).test(code))
    throw new HttpProblem(404, 'PATH_PARAMETER', parameter, code);
  if (!YEAR.test(year)) throw new HttpProblem(404, 'PATH_PARAMETER', 'fiscalYear', year);
  const fiscalYear = Number.parseInt(year, 10);
  const regency = prefixAt(code, REGENCY_LEVEL);
  const known =
    catalog.exists(fiscalYear, regency) &&
    (kind === 'regency' || catalog.get(fiscalYear, regency).villages.has(code));
  return { code, fiscalYear, regency, known };
}

type VillageReport = (
  target: Target,
  req: Request,
  read: ReturnType<typeof stateReader>,
  projections: ReadModelProjections,
) => Promise<Rendered>;

const notFound = (what: string, value: string) =>
  new HttpProblem(404, 'PATH_PARAMETER', what, value);

async function ledgerOf(
  target: Target,
  read: ReturnType<typeof stateReader>,
  p: ReadModelProjections,
) {
  const ledger = villageLedger(await read(p.villageLedger), target.code, target.fiscalYear);
  if (!ledger) throw notFound('villageCode/fiscalYear', `${target.code}/${target.fiscalYear}`);
  return ledger;
}

const BOOKS: Record<
  string,
  { key: keyof Omit<MonthBooks, 'identity' | 'month' | 'activities'> | 'activities'; index: number }
> = {
  bku: { key: 'bku', index: 0 },
  bank: { key: 'bank', index: 1 },
  tax: { key: 'tax', index: 2 },
  panjar: { key: 'panjar', index: 3 },
  'revenue-detail': { key: 'revenueDetail', index: 4 },
  kegiatan: { key: 'activities', index: 5 },
};

function bookReport(name: string): VillageReport {
  const { key, index } = BOOKS[name]!;
  return async (target, req, read, p) => {
    const month = monthOf(req, target.fiscalYear, true)!;
    const books = monthBooks(await ledgerOf(target, read, p), target.reference, month);
    const tables = monthBookTables(books);
    return {
      name: `${name}-${target.code}-${month}`,
      json: () => renderJson({ identity: books.identity, month, [key]: books[key] }),
      tables: () => (key === 'activities' ? tables.slice(index) : [tables[index]!]),
    };
  };
}

const villageStatesOf = (state: VillageLedgerState, fiscalYear: number) => (villageCode: string) =>
  villageLedger(state, villageCode, fiscalYear)?.fold;

const VILLAGE_REPORTS: Record<string, VillageReport> = {
  ...Object.fromEntries(Object.keys(BOOKS).map((name) => [name, bookReport(name)])),
  async apbdes(target, req, read, p) {
    const state = villageModel(await read(p.apbdesDocuments), target.code, target.fiscalYear);
    const label = query(req, 'label') ?? state?.versions.at(-1)?.label ?? '';
    const doc = apbdesVersion(await read(p.apbdesDocuments), target.code, target.fiscalYear, label);
    if (!state || !doc) throw badQuery('label', label);
    return {
      name: `apbdes-${target.code}`,
      json: () => renderJson(doc),
      tables: () => apbdesTables(doc, state.identity),
    };
  },
  async 'apbdes-diff'(target, req, read, p) {
    const state = villageModel(await read(p.apbdesDocuments), target.code, target.fiscalYear);
    const versions = state?.versions ?? [];
    const pick = (parameter: string, fallback: number) => {
      const label = query(req, parameter) ?? versions.at(fallback)?.label ?? '';
      const found = versions.find((v) => v.label === label);
      if (!found) throw badQuery(parameter, label);
      return found;
    };
    const diff = diffVersions(pick('fromLabel', 0), pick('toLabel', -1));
    return {
      name: `apbdes-diff-${target.code}`,
      json: () => renderJson(diff),
      tables: () => [versionDiffTable(diff, state!.identity)],
    };
  },
  async 'spp-register'(target, req, read, p) {
    const month = monthOf(req, target.fiscalYear, false);
    const { fold } = await ledgerOf(target, read, p);
    const identity = villageIdentity(target.reference, target.code, target.fiscalYear);
    const table = sppRegisterTable(fold, identity, month);
    return {
      name: `spp-register-${target.code}`,
      json: () =>
        renderJson({ identity, month: month ?? null, rows: table.rows.map((r) => r.cells) }),
      tables: () => [table],
    };
  },
  async realisation(target, req, read, p) {
    const report = villageRealisation(
      (await ledgerOf(target, read, p)).fold,
      target.reference,
      periodOf(req, target.fiscalYear),
    );
    return {
      name: `realisation-${target.code}`,
      json: () => renderJson(report),
      tables: () => [villageRealisationTable(report)],
    };
  },
  async 'activity-realisation'(target, req, read, p) {
    const report = activityRealisation(
      (await ledgerOf(target, read, p)).fold,
      target.reference,
      periodOf(req, target.fiscalYear),
    );
    return {
      name: `activity-realisation-${target.code}`,
      json: () => renderJson(report),
      tables: () => [activityRealisationTable(report)],
    };
  },
  async 'dana-desa-absorption'(target, req, read, p) {
    const report = danaDesaAbsorption(
      (await ledgerOf(target, read, p)).fold,
      target.reference,
      periodOf(req, target.fiscalYear),
    );
    return {
      name: `dana-desa-absorption-${target.code}`,
      json: () => renderJson(report),
      tables: () => [activityRealisationTable(report, true)],
    };
  },
  async 'fund-flow'(target, _req, read, p) {
    const ledgers = await read(p.villageLedger);
    const report = villageFundFlowReport(
      await read(p.fundFlow),
      target.reference,
      target.code,
      villageStatesOf(ledgers, target.fiscalYear),
    );
    if (!report) throw notFound('villageCode', target.code);
    return {
      name: `fund-flow-${target.code}-${target.fiscalYear}`,
      json: () => renderJson(report),
      tables: () => villageFundFlowTables(report),
    };
  },
  async 'planning-trail'(target, _req, read, p) {
    const trail = villageModel(await read(p.planningTrail), target.code, target.fiscalYear);
    if (!trail) throw notFound('villageCode/fiscalYear', `${target.code}/${target.fiscalYear}`);
    const ledger = villageLedger(await read(p.villageLedger), target.code, target.fiscalYear);
    const model = completeTrail(trail, ledger?.fold);
    return {
      name: `planning-trail-${target.code}`,
      json: () => renderJson(model),
      tables: () => [planningTrailTable(model)],
    };
  },
};

type RegencyReport = VillageReport;

const REGENCY_REPORTS: Record<string, RegencyReport> = {
  async 'fund-flow'(target, _req, read, p) {
    const ledgers = await read(p.villageLedger);
    const flow = await read(p.fundFlow);
    const name = `fund-flow-${target.code}-${target.fiscalYear}`;
    return {
      name,
      ...regencyRendered(
        read,
        [ledgers, flow],
        name,
        () => fundFlowReport(flow, target.reference, villageStatesOf(ledgers, target.fiscalYear)),
        fundFlowTables,
      ),
    };
  },
  async realisation(target, req, read, p) {
    const district = query(req, 'district');
    if (district !== undefined && !target.reference.districts.has(district))
      throw badQuery('district', district);
    const ledgers = await read(p.villageLedger);
    const period = periodOf(req, target.fiscalYear);
    const name = `realisation-${district ?? target.code}-${target.fiscalYear}`;
    return {
      name,
      ...regencyRendered(
        read,
        [ledgers],
        `${name}:${period.from}:${period.to}`,
        () =>
          regencyRealisation(
            villageStatesOf(ledgers, target.fiscalYear),
            target.reference,
            period,
            district,
          ),
        regencyRealisationTables,
      ),
    };
  },
  async monitoring(target, req, read, p) {
    const asOf = dateQuery(req, 'asOf') ?? new Date().toISOString().slice(0, 10);
    const villages = villageStatesOf(await read(p.villageLedger), target.fiscalYear);
    const report = monitoringReport(
      await read(p.regencyMonitoring),
      target.reference,
      asOf,
      undefined,
      villages,
    );
    return {
      name: `monitoring-${target.code}-${target.fiscalYear}`,
      json: () => renderJson(report),
      tables: () => monitoringTables(report),
    };
  },
};

/** The region a caller must cover: the regency, or for a district head the district asked for. */
function regionOf(
  req: Request,
  kind: 'village' | 'regency',
  code: string,
): { region: string; parameter: string } {
  const district = kind === 'regency' ? query(req, 'district') : undefined;
  if (
    district !== undefined &&
    /^\d{2}\.\d{2}\.\d{2}$/.test(district) &&
    prefixAt(district, REGENCY_LEVEL) === code
  )
    return { region: prefixAt(district, DISTRICT_LEVEL), parameter: 'district' };
  return { region: code, parameter: kind === 'village' ? 'villageCode' : 'regencyCode' };
}

function reportEndpoint(
  kind: 'village' | 'regency',
  reports: Record<string, VillageReport>,
  dependencies: {
    readModels: ReadModels;
    projections: ReadModelProjections;
    store: EventStore;
    reference: ReferenceCatalog;
    cache: RenderedReportCache;
  },
): Endpoint {
  const base = kind === 'village' ? '/villages/:villageCode' : '/regencies/:regencyCode';
  return {
    method: 'get',
    path: `${base}/years/:fiscalYear/reports/:report`,
    tag: 'reports',
    summary: `Laporan ${kind === 'village' ? 'desa' : 'kabupaten'} (${Object.keys(reports).join(', ')}) sebagai JSON, CSV atau xlsx / ${kind} reports as JSON, CSV or xlsx`,
    access: REPORT_READERS,
    status: 200,
    async handler(req, res) {
      const target = resolve(req, dependencies.reference, kind);
      const { region, parameter } = regionOf(req, kind, target.code);
      requireReader(res, region, parameter);
      if (!target.known)
        throw notFound(`${kind}Code/fiscalYear`, `${target.code}/${target.fiscalYear}`);
      const name = String(req.params.report);
      const report = Object.hasOwn(reports, name) ? reports[name] : undefined;
      if (!report) throw notFound('report', name);
      const format = formatOf(req);
      await awaitReadModels(req, dependencies.readModels);
      const read = stateReader(
        dependencies.readModels,
        dependencies.store,
        clocksOf(req),
        dependencies.cache,
      );
      const reference = dependencies.reference.get(target.fiscalYear, target.regency);
      await send(
        res,
        format,
        await report({ ...target, reference }, req, read, dependencies.projections),
      );
    },
  };
}

/** Read-only report endpoints over the live read models (or the store at the two clocks). */
export function reportEndpoints(dependencies: {
  readModels: ReadModels | undefined;
  store: EventStore;
  reference: ReferenceCatalog;
}): Endpoint[] {
  const { readModels } = dependencies;
  if (!readModels) return [];
  // The same projections the engine runs (it finds states by name); projectAt folds them from the store.
  const projections = readModelProjections((fiscalYear, regency) =>
    dependencies.reference.get(fiscalYear, regency),
  );
  const deps = { ...dependencies, readModels, projections, cache: new RenderedReportCache() };
  return [
    reportEndpoint('village', VILLAGE_REPORTS, deps),
    reportEndpoint('regency', REGENCY_REPORTS, deps),
  ];
}

/** The report names per scope, as the endpoints serve them (the CLI lists them in its help). */
export const REPORT_NAMES = {
  village: Object.keys(VILLAGE_REPORTS),
  regency: Object.keys(REGENCY_REPORTS),
};
