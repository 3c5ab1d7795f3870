import { documentCellText } from '../../reports/render/cell-text';
import { signatureColumns, type ReportDocument } from '../../reports/render/document';
import {
  numberedTable,
  type Column,
  type ReportTable,
  type TableRow,
} from '../../reports/render/table';
import { formatDate, formatRupiahCell } from '../format';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
/** Deeper rows of a tree are indented no further than this many steps (CSS classes depth-1…). */
const DEPTH_MAX = 5;

/** A cell as a reader expects it: Rupiah (negatives in brackets), dd/mm/yyyy, numbers as the printed report writes them, or the text as recorded. */
function cellText(column: Column, value: string): string {
  if (column.kind === 'amount') return formatRupiahCell(value);
  if (column.kind === 'date' && ISO_DATE.test(value)) return formatDate(value);
  if (column.kind === 'percent' || column.kind === 'quantity')
    return documentCellText(column, value);
  return value;
}

function rowClass(row: TableRow, column: Column): string | undefined {
  const classes = [
    column.kind === 'amount' ? 'amount' : '',
    column.centered ? 'centered' : '',
    column.indented && row.depth ? `depth-${Math.min(row.depth, DEPTH_MAX)}` : '',
  ].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}

/**
 * One table of a report, as CSV and xlsx render it, for a screen: its title
 * lines, a heading per column, and on a phone a card per row with each value
 * under its column's heading (`data-label`).
 */
export function ReportTableView({ table: source }: { table: ReportTable }) {
  const table = numberedTable(source);
  const [heading, ...subtitles] = table.title;
  return (
    <section class="report-table">
      <h2>{heading ?? table.name}</h2>
      {subtitles.map((line, index) => (
        <p key={index}>{line}</p>
      ))}
      <table class="cards">
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.key} scope="col">
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={row.id ?? index} class={`row-${row.style}`}>
              {table.columns.map((column) => {
                const value = row.cells[column.key];
                return (
                  <td key={column.key} data-label={column.header} class={rowClass(row, column)}>
                    {value === null || value === undefined ? '' : cellText(column, value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The signature block the printed report carries, the same officers, place and date. */
export function SignatureBlock({ document }: { document: ReportDocument }) {
  return (
    <div class="signatures">
      {signatureColumns(document).map((column, index) => (
        <div key={index} class="signatory">
          <p>{column.top || '\u00a0'}</p>
          <p>{column.title}</p>
          <div class="signing-space" />
          <p class="signatory-name">{column.name}</p>
        </div>
      ))}
    </div>
  );
}
