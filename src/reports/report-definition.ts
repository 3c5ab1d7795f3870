import { ROLES, type Role } from '../access/roles';
import type { ReferenceData } from '../domain/reference/reference-data';
import type { BilingualText } from '../domain/shared/domain-error';
import type { ReportParameter, ReportParameters } from './parameters';
import { renderJson } from './render/json';
import type { ReportDocument } from './render/document';
import type { Revisioned } from './render/rendered-cache';
import type { ReportTable } from './render/table';
import type { ReadModelName, ReportReader } from './state-reader';

export type ReportScope = 'village' | 'regency';

/** The village or regency a report is asked for, in a fiscal year with reference data. */
export interface ReportTarget {
  code: string;
  fiscalYear: number;
  reference: ReferenceData;
  /** The regency's local date when the report is asked: the default `asOf` of a report that needs one. */
  today: string;
}

/** A built report: its model as JSON and its tables (CSV, xlsx, PDF, screen). */
export interface RenderedReport {
  name: string;
  json(): string;
  tables(): ReportTable[];
  /** Paper and signature block, once the report is asked for a date (runReport adds it). */
  document?: ReportDocument;
}

/** One entry of the report catalogue: everything the API, the CLI and the web pages need of a report. */
export interface ReportDefinition {
  name: string;
  scope: ReportScope;
  title: BilingualText;
  /** The read models it reads; its reader refuses any other. */
  readModels: readonly ReadModelName[];
  readers: readonly Role[];
  parameters: readonly ReportParameter[];
  build(
    target: ReportTarget,
    params: ReportParameters,
    read: ReportReader,
  ): Promise<RenderedReport>;
}

/** A report whose model is built at most once, as JSON and as tables. */
export function rendered<Model>(
  name: string,
  model: Model,
  tables: (model: Model) => ReportTable[],
): RenderedReport {
  return { name, json: () => renderJson(model), tables: () => tables(model) };
}

/** A report built at most once per request; its JSON from the cache when read live at an unchanged position. */
export function cachedRendering<Model>(
  read: ReportReader,
  name: string,
  states: readonly Revisioned[],
  key: string,
  build: () => Model,
  tables: (model: Model) => ReportTable[],
): RenderedReport {
  let model: Model | undefined;
  const built = () => (model ??= build());
  return {
    name,
    json: () => read.cache?.render(states, key, built) ?? renderJson(built()),
    tables: () => tables(built()),
  };
}

/** Who reads reports: everyone in the finance cycle within their scope; not the administrator. */
export const FINANCE_READERS: readonly Role[] = ROLES.filter((role) => role !== 'administrator');
