import { rupiah, sum, toAmountText } from '../../domain/shared/money';

/**
 * A report laid out as a table: what CSV and xlsx both render. Amount cells
 * hold amount text ("1500000.00"); a row may say how a spreadsheet should
 * compute a cell from other rows, so that totals stay formulas in Excel.
 */
export type ColumnKind = 'text' | 'amount' | 'quantity' | 'count' | 'date' | 'percent';

export interface Column {
  key: string;
  /** Indonesian header, as the regulation's layout names it. */
  header: string;
  kind: ColumnKind;
  width: number;
  /** Indent by the row's depth (the Uraian column of a tree). */
  indented?: boolean;
  /** Centred in its cell, as the annexes centre the row number. */
  centered?: boolean;
}

/** A cell in another row (of another table, when `table` is given). */
export interface CellRef {
  rowId: string;
  table?: string;
}

/** Sum of rows (`sum`) or signed sum of rows (`terms`, e.g. Pendapatan − Belanja). */
export type Formula = { sum: CellRef[] } | { terms: { ref: CellRef; sign: 1 | -1 }[] };

export type RowStyle = 'heading' | 'group' | 'detail' | 'total';

export interface TableRow {
  /** Needed when a formula refers to this row. */
  id?: string;
  style: RowStyle;
  /** Indentation of the description (tree depth). */
  depth?: number;
  cells: Record<string, string | null>;
  formulas?: Record<string, Formula>;
}

export interface ReportTable {
  /** Sheet name; unique within a workbook. */
  name: string;
  /** Lines above the header: title, village, year, document. */
  title: string[];
  columns: Column[];
  rows: TableRow[];
  landscape: boolean;
}

/** Every same-table reference in `refs`, so callers can sum a list of rows. */
export const refsTo = (rowIds: readonly string[]): CellRef[] => rowIds.map((rowId) => ({ rowId }));

export function sumOf(rowIds: readonly string[]): Formula {
  return { sum: refsTo(rowIds) };
}

export function difference(plus: string, minus: string): Formula {
  return {
    terms: [
      { ref: { rowId: plus }, sign: 1 },
      { ref: { rowId: minus }, sign: -1 },
    ],
  };
}

/** The sum of a column's amount cells over rows (blank cells count as zero). */
export function columnTotal(rows: readonly TableRow[], key: string): string {
  return toAmountText(sum(rows.map((row) => rupiah(row.cells[key] ?? '0'))));
}

/** The annexes' first column: the detail rows' running number. */
export const ROW_NUMBER_COLUMN: Column = {
  key: 'rowNumber',
  header: 'No.',
  kind: 'count',
  width: 5,
  centered: true,
};

/**
 * A table as every rendering shows it (screen, CSV, xlsx, PDF): "No." first,
 * the detail rows numbered 1..n as the Permendagri 20/2018 annexes number
 * them; headings, subtotals and totals carry no number.
 */
export function numberedTable(table: ReportTable): ReportTable {
  let number = 0;
  return {
    ...table,
    columns: [ROW_NUMBER_COLUMN, ...table.columns],
    rows: table.rows.map((row) =>
      row.style === 'detail'
        ? { ...row, cells: { ...row.cells, [ROW_NUMBER_COLUMN.key]: String((number += 1)) } }
        : row,
    ),
  };
}
