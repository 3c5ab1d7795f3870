import type { Format } from '../parameters';
import type { RenderedReport } from '../report-definition';
import { renderCsv } from './csv';

export const CONTENT_TYPES: Record<Format, string> = {
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** A built report as JSON, or as CSV (its tables one after another); xlsx and PDF are streamed. */
export function renderText(report: RenderedReport, format: 'json' | 'csv'): string {
  return format === 'json' ? report.json() : report.tables().map(renderCsv).join('\r\n');
}
