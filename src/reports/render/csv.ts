import { numberedTable, type ReportTable } from './table';

const NEEDS_QUOTES = /[",\r\n]/;
/** What a spreadsheet opening the CSV would take as the start of a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: quote a field holding a comma, quote or line break; double inner quotes. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Free text as a spreadsheet must show it: text that would start a formula
 * (`=HYPERLINK(…)` in a description) gets a leading `'`, so it stays text.
 */
export function inertText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The table as CSV (numbered, as every rendering): the header row, then one line per row with the read
 * model's values (amounts as exact text, no formulas; text never read as
 * one), CRLF line ends.
 */
export function renderCsv(source: ReportTable): string {
  const table = numberedTable(source);
  const lines = [
    table.columns.map((column) => csvField(column.header)),
    ...table.rows.map((row) =>
      table.columns.map((column) => {
        const value = row.cells[column.key] ?? '';
        return csvField(column.kind === 'text' ? inertText(value) : value);
      }),
    ),
  ];
  return lines.map((fields) => `${fields.join(',')}\r\n`).join('');
}
