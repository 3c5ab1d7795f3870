import type { ReportTable } from './table';

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: quote a field holding a comma, quote or line break; double inner quotes. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * The table as CSV: the header row, then one line per row with the read
 * model's values (amounts as exact text, no formulas), CRLF line ends.
 */
export function renderCsv(table: ReportTable): string {
  const lines = [
    table.columns.map((column) => csvField(column.header)),
    ...table.rows.map((row) =>
      table.columns.map((column) => csvField(row.cells[column.key] ?? '')),
    ),
  ];
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}
