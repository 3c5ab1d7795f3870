import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { amountCellValue, quantityCellValue } from './cell-number';
import type { CellRef, Column, Formula, ReportTable, TableRow } from './table';

/** Whole rupiah with thousands separators: shows 1.500.000 in an Indonesian-locale Excel. */
export const RUPIAH_FORMAT = '#,##0';
const A4 = 9;
const SHEET_NAME_LIMIT = 31;

export type WorkbookTarget = { filename: string } | { stream: Writable };

interface Placed {
  table: ReportTable;
  sheetName: string;
  headerRow: number;
  rowNumbers: Map<string, number>;
}

/**
 * Writes the tables as one workbook with exceljs's streaming writer: one sheet
 * per table, frozen headers, Rupiah formats, totals as formulas with the read
 * model's value cached, A4 print setup.
 */
export async function writeWorkbook(tables: ReportTable[], target: WorkbookTarget): Promise<void> {
  const placed = place(tables);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...target,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'Kasdesa';
  for (const sheet of placed.values()) writeSheet(workbook, sheet, placed);
  await workbook.commit();
}

/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\ */
export function sheetNameOf(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '-').slice(0, SHEET_NAME_LIMIT);
}

function place(tables: ReportTable[]): Map<string, Placed> {
  const placed = new Map<string, Placed>();
  for (const table of tables) {
    const headerRow = table.title.length + 2;
    const rowNumbers = new Map<string, number>();
    table.rows.forEach((row, index) => {
      if (row.id !== undefined) rowNumbers.set(row.id, headerRow + 1 + index);
    });
    placed.set(table.name, { table, sheetName: sheetNameOf(table.name), headerRow, rowNumbers });
  }
  return placed;
}

function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: Placed,
  all: Map<string, Placed>,
) {
  const { table, headerRow } = sheet;
  const worksheet = workbook.addWorksheet(sheet.sheetName, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: {
      paperSize: A4,
      orientation: table.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });
  worksheet.columns = table.columns.map((column) => ({ key: column.key, width: column.width }));
  table.title.forEach((line, index) => {
    const row = worksheet.getRow(index + 1);
    row.getCell(1).value = line;
    row.font = { bold: index === 0, size: index === 0 ? 13 : 11 };
    row.commit();
  });
  const header = worksheet.getRow(headerRow);
  table.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' }, top: { style: 'thin' } };
  });
  header.commit();
  table.rows.forEach((row, index) =>
    writeRow(worksheet.getRow(headerRow + 1 + index), row, sheet, all),
  );
  worksheet.commit();
}

function writeRow(target: ExcelJS.Row, row: TableRow, sheet: Placed, all: Map<string, Placed>) {
  sheet.table.columns.forEach((column, index) => {
    const cell = target.getCell(index + 1);
    const text = row.cells[column.key] ?? null;
    const formula = row.formulas?.[column.key];
    cell.value = cellValue(column, text, formula && formulaText(formula, column, sheet, all));
    if (column.kind === 'amount') cell.numFmt = RUPIAH_FORMAT;
    if (column.indented && row.depth) cell.alignment = { indent: row.depth };
    if (row.style !== 'detail') cell.font = { bold: true };
    if (row.style === 'total') cell.border = { top: { style: 'thin' } };
  });
  target.commit();
}

function cellValue(
  column: Column,
  text: string | null,
  formula: string | undefined,
): ExcelJS.CellValue {
  if (text === null) return null;
  const value =
    column.kind === 'amount'
      ? amountCellValue(text)
      : column.kind === 'text' || column.kind === 'date'
        ? text
        : quantityCellValue(text);
  return formula === undefined ? value : { formula, result: value };
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function address(ref: CellRef, column: Column, sheet: Placed, all: Map<string, Placed>): string {
  const target = ref.table === undefined ? sheet : all.get(ref.table);
  const rowNumber = target?.rowNumbers.get(ref.rowId);
  const columnIndex = target?.table.columns.findIndex((c) => c.key === column.key) ?? -1;
  if (!target || rowNumber === undefined || columnIndex < 0) {
    throw new Error(
      `Rujukan sel tidak dikenal / unknown cell reference: ${ref.table ?? sheet.table.name}/${ref.rowId}`,
    );
  }
  const cell = `${columnLetter(columnIndex)}${rowNumber}`;
  return target === sheet ? cell : `'${target.sheetName.replaceAll("'", "''")}'!${cell}`;
}

function formulaText(
  formula: Formula,
  column: Column,
  sheet: Placed,
  all: Map<string, Placed>,
): string {
  if ('terms' in formula) {
    return formula.terms
      .map(
        ({ ref, sign }, index) =>
          `${sign < 0 ? '-' : index > 0 ? '+' : ''}${address(ref, column, sheet, all)}`,
      )
      .join('');
  }
  if (formula.sum.length === 0) return '0';
  return `SUM(${compressRanges(formula.sum.map((ref) => address(ref, column, sheet, all))).join(',')})`;
}

/** Consecutive cells of one column and sheet become a range: E5,E6,E7 → E5:E7. */
function compressRanges(addresses: string[]): string[] {
  const parsed = addresses.map((text) => {
    const match = /^(.*?)(\d+)$/.exec(text)!;
    return { prefix: match[1]!, row: Number.parseInt(match[2]!, 10) };
  });
  const out: string[] = [];
  let start = 0;
  for (let index = 1; index <= parsed.length; index += 1) {
    const previous = parsed[index - 1]!;
    const current = parsed[index];
    if (current && current.prefix === previous.prefix && current.row === previous.row + 1) continue;
    const first = parsed[start]!;
    out.push(
      first.row === previous.row
        ? `${first.prefix}${first.row}`
        : `${first.prefix}${first.row}:${columnPart(previous.prefix)}${previous.row}`,
    );
    start = index;
  }
  return out;
}

/** The column letters of an address prefix (without its sheet), for the end of a range. */
function columnPart(prefix: string): string {
  return prefix.slice(prefix.lastIndexOf('!') + 1);
}

export interface FormulaCell {
  sheetName: string;
  /** A1-style address within the sheet. */
  address: string;
  formula: string;
  /** The read model's value the formula must reproduce (amount or count text). */
  value: string;
}

/** Every formula cell the workbook of these tables holds, with the value it must compute. */
export function formulaCells(tables: ReportTable[]): FormulaCell[] {
  const placed = place(tables);
  return [...placed.values()].flatMap((sheet) =>
    sheet.table.rows.flatMap((row, index) =>
      sheet.table.columns.flatMap((column, columnIndex) => {
        const formula = row.formulas?.[column.key];
        const value = row.cells[column.key];
        if (!formula || value === undefined || value === null) return [];
        return [
          {
            sheetName: sheet.sheetName,
            address: `${columnLetter(columnIndex)}${sheet.headerRow + 1 + index}`,
            formula: formulaText(formula, column, sheet, placed),
            value,
          },
        ];
      }),
    ),
  );
}
