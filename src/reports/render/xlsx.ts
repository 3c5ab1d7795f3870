import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { amountCellValue, quantityCellValue } from './cell-number';
import type { PaperSize } from '../../domain/reference/reference-data';
import {
  EXCEL_PAPER,
  PAGE_MARGINS,
  PAPER_POINTS,
  POINTS_PER_INCH,
  SIGNING_SPACE_LINES,
  signatureColumns,
  signatureSlots,
  type ReportDocument,
  type SignatureColumn,
} from './document';
import {
  numberedTable,
  type CellRef,
  type Column,
  type Formula,
  type ReportTable,
  type TableRow,
} from './table';

/**
 * Whole rupiah, `.` thousands and negatives in brackets as the annexes show
 * them: `[$-421]` (Indonesian) makes a spreadsheet use Indonesian separators
 * whatever its own locale, while the cell stays a number that sums.
 */
export const RUPIAH_FORMAT = '[$-421]#,##0;(#,##0)';
/** Percentages (12,34) and volumes (1.234,5) in Indonesian separators. */
export const PERCENT_FORMAT = '[$-421]#,##0.00;(#,##0.00)';
export const QUANTITY_FORMAT = '[$-421]#,##0.##;(#,##0.##)';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const PAGE_FOOTER = '&CHalaman &P dari &N';
const SHEET_NAME_LIMIT = 31;
/** The title's first line is in 13-point bold: its lines are this much taller. */
const TITLE_LINE_FACTOR = 1.2;
/** The signature block's rows: a blank one, place/heading, title, signing space, name. */
const SIGNATURE_ROWS = SIGNING_SPACE_LINES + 4;
/** Rows of slack in the page estimate: better a page of its own than a block torn in two. */
const SAFETY_ROWS = 2;
/** How much wider LibreOffice prints a column of the same width than Excel (measured on its PDFs). */
const LIBREOFFICE_COLUMN_FACTOR = 1.22;
const PAGE_ESTIMATE_SLACK = 0.05;
/** Points per line of 11-point text: what a row needs for each wrapped line. */
const LINE_POINTS = 15;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type WorkbookTarget = { filename: string } | { stream: Writable };

interface Placed {
  table: ReportTable;
  sheetName: string;
  headerRow: number;
  rowNumbers: Map<string, number>;
}

/**
 * Writes the tables as one workbook with exceljs's streaming writer: one sheet
 * per table, its detail rows numbered (numberedTable), frozen headers, Indonesian number and date formats, totals as
 * formulas with the read model's value cached, print setup (paper, fit to
 * width, header row on every page, "Halaman 1 dari 3") and, with a document
 * frame, the signature block under each table.
 */
export async function writeWorkbook(
  tables: ReportTable[],
  target: WorkbookTarget,
  document?: ReportDocument,
): Promise<void> {
  const placed = place(tables);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...target,
    useStyles: true,
    useSharedStrings: true,
  });
  workbook.creator = 'Kasdesa';
  for (const sheet of placed.values()) writeSheet(workbook, sheet, placed, document);
  await workbook.commit();
}

/** Excel's rules for sheet names: at most 31 characters, none of []:*?/\ */
export function sheetNameOf(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '-').slice(0, SHEET_NAME_LIMIT);
}

function place(tables: ReportTable[]): Map<string, Placed> {
  const placed = new Map<string, Placed>();
  for (const table of tables.map(numberedTable)) {
    const headerRow = table.title.length + 2;
    const rowNumbers = new Map<string, number>();
    table.rows.forEach((row, index) => {
      if (row.id !== undefined) rowNumbers.set(row.id, headerRow + 1 + index);
    });
    placed.set(table.name, { table, sheetName: sheetNameOf(table.name), headerRow, rowNumbers });
  }
  return placed;
}

/**
 * Lines a text takes in a column `width` characters wide, wrapped at words;
 * `widthFactor` > 1 for bold text, which is wider. Neither Excel nor exceljs
 * sizes a row to wrapped text, so rows get the height this estimates.
 */
export function wrappedLines(text: string, width: number, widthFactor = 1): number {
  const perLine = Math.max(1, Math.floor(width / widthFactor) - 1);
  return text.split(/\r?\n/).reduce((lines, paragraph) => {
    let count = 1;
    let used = 0;
    for (const word of paragraph.split(' ')) {
      const needed = used === 0 ? word.length : used + 1 + word.length;
      if (needed <= perLine) {
        used = needed;
        continue;
      }
      if (used > 0) count += 1;
      // A word longer than a line is broken across lines.
      const extra = Math.floor(Math.max(0, word.length - 1) / perLine);
      count += extra;
      used = word.length - extra * perLine;
    }
    return lines + count;
  }, 0);
}

function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: Placed,
  all: Map<string, Placed>,
  document: ReportDocument | undefined,
) {
  const { table, headerRow } = sheet;
  const worksheet = workbook.addWorksheet(sheet.sheetName, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: {
      paperSize: EXCEL_PAPER[document?.paper ?? 'A4'],
      orientation: table.landscape ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: PAGE_MARGINS,
      horizontalCentered: true,
    },
    headerFooter: { oddFooter: PAGE_FOOTER, evenFooter: PAGE_FOOTER },
  });
  worksheet.columns = table.columns.map((column) => ({ key: column.key, width: column.width }));
  const lastColumn = table.columns.length;
  const tableWidth = table.columns.reduce((total, column) => total + column.width, 0);
  // Heights in points of what prints above the rows: the title lines, a blank row, the column headings.
  const heights: number[] = [];
  table.title.forEach((line, index) => {
    const row = worksheet.getRow(index + 1);
    const cell = row.getCell(1);
    cell.value = line;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    row.font = { bold: index === 0, size: index === 0 ? 13 : 11 };
    const lines = wrappedLines(line, tableWidth, index === 0 ? 1.3 : 1);
    row.height = lines * LINE_POINTS * (index === 0 ? TITLE_LINE_FACTOR : 1);
    heights.push(row.height);
    if (lastColumn > 1) worksheet.mergeCells(index + 1, 1, index + 1, lastColumn);
    row.commit();
  });
  const header = worksheet.getRow(headerRow);
  table.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN_BOX;
  });
  header.height =
    Math.max(...table.columns.map((column) => wrappedLines(column.header, column.width, 1.15))) *
    LINE_POINTS;
  header.commit();
  heights.push(LINE_POINTS, header.height);
  const rowHeights = table.rows.map((row, index) =>
    writeRow(worksheet.getRow(headerRow + 1 + index), row, sheet, all),
  );
  if (document) {
    const firstRow = headerRow + table.rows.length + 2;
    const page = { table, paper: document.paper, headerHeight: header.height };
    if (!fitsOnLastPage(page, heights, rowHeights)) worksheet.getRow(firstRow - 1).addPageBreak();
    writeSignatures(worksheet, firstRow, table, document);
  }
  worksheet.commit();
}

/**
 * Whether the signature block still fits under the table on the page the
 * table ends on, as a spreadsheet fitting the sheet to the paper's width
 * would cut pages; if not, it goes to a page of its own rather than being
 * torn in two. An estimate from the row heights this writer sets.
 */
function fitsOnLastPage(
  page: { table: ReportTable; paper: PaperSize; headerHeight: number },
  above: number[],
  rows: number[],
): boolean {
  const paper = PAPER_POINTS[page.paper];
  const [paperWidth, paperHeight] = page.table.landscape
    ? [paper.height, paper.width]
    : [paper.width, paper.height];
  const printableWidth = paperWidth - (PAGE_MARGINS.left + PAGE_MARGINS.right) * POINTS_PER_INCH;
  // Both print the rows between the top and bottom margins (header and footer lines sit inside them).
  const printableHeight = paperHeight - (PAGE_MARGINS.top + PAGE_MARGINS.bottom) * POINTS_PER_INCH;
  const sheetWidth = page.table.columns.reduce((sum, c) => sum + columnPoints(c.width), 0);
  const aboveHeight = above.reduce((sum, height) => sum + height, 0);
  // LibreOffice prints columns ~20 % wider than Excel (so it shrinks more): the block must fit
  // however the rows fall in either, also on a page 5 % shorter or longer than estimated;
  // else it starts a new page.
  return [1, LIBREOFFICE_COLUMN_FACTOR].every((factor) =>
    [1 - PAGE_ESTIMATE_SLACK, 1 + PAGE_ESTIMATE_SLACK].every((slack) => {
      const scale = Math.min(1, printableWidth / (sheetWidth * factor));
      const room = (printableHeight * slack) / scale;
      let used = aboveHeight;
      for (const height of rows) {
        if (used + height > room) used = page.headerHeight;
        used += height;
      }
      return used + (SIGNATURE_ROWS + SAFETY_ROWS) * LINE_POINTS <= room;
    }),
  );
}

/** Excel's column width (characters) in points: 7 pixels a character and 5 of padding, 96 pixels an inch. */
const columnPoints = (width: number) => ((width * 7 + 5) * POINTS_PER_INCH) / 96;

const THIN = { style: 'thin' } as const;
const THIN_BOX = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** Writes a row; returns the height it takes, in points. */
function writeRow(
  target: ExcelJS.Row,
  row: TableRow,
  sheet: Placed,
  all: Map<string, Placed>,
): number {
  let lines = 1;
  sheet.table.columns.forEach((column, index) => {
    const cell = target.getCell(index + 1);
    const text = row.cells[column.key] ?? null;
    const formula = row.formulas?.[column.key];
    cell.value = cellValue(column, text, formula && formulaText(formula, column, sheet, all));
    const format = CELL_FORMATS[column.kind];
    if (format) cell.numFmt = format;
    if (column.kind === 'text') {
      const indent = column.indented && row.depth ? row.depth : 0;
      cell.alignment = { vertical: 'top', wrapText: true, ...(indent ? { indent } : {}) };
      if (text) lines = Math.max(lines, wrappedLines(text, column.width - indent * 2));
    } else
      cell.alignment = { vertical: 'top', ...(column.centered ? { horizontal: 'center' } : {}) };
    if (row.style !== 'detail') cell.font = { bold: true };
    cell.border =
      row.style === 'total'
        ? { ...THIN_BOX, top: { style: 'double' } }
        : { left: THIN, right: THIN };
  });
  // Every row's height is set, so that the page estimate (fitsOnLastPage) is what a spreadsheet prints.
  target.height = lines * LINE_POINTS;
  target.commit();
  return target.height;
}

const CELL_FORMATS: Partial<Record<Column['kind'], string>> = {
  amount: RUPIAH_FORMAT,
  percent: PERCENT_FORMAT,
  quantity: QUANTITY_FORMAT,
  date: DATE_FORMAT,
};

/** The signature block under a table: each officer's column spread over a part of the sheet's width. */
function writeSignatures(
  worksheet: ExcelJS.Worksheet,
  firstRow: number,
  table: ReportTable,
  document: ReportDocument,
) {
  const columns = signatureColumns(document);
  const slots = signatureSlots(table.columns.length, columns.length);
  const lines = (column: SignatureColumn) => [
    column.top,
    column.title,
    ...Array.from({ length: SIGNING_SPACE_LINES }, () => ''),
    column.name,
  ];
  for (let line = 0; line < SIGNATURE_ROWS - 1; line += 1) {
    const row = worksheet.getRow(firstRow + line);
    columns.forEach((column, index) => {
      const [from, to] = slots[index]!;
      const cell = row.getCell(from + 1);
      cell.value = lines(column)[line] ?? '';
      cell.alignment = { horizontal: 'center' };
      if (line === SIGNATURE_ROWS - 2) cell.font = { bold: true, underline: true };
      if (to > from) worksheet.mergeCells(firstRow + line, from + 1, firstRow + line, to + 1);
    });
    row.commit();
  }
}

/** A date cell holds a real date (midnight UTC, which Excel shows as that calendar day). */
function dateValue(text: string): Date | string {
  const match = ISO_DATE.exec(text);
  return match
    ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    : text;
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
      : column.kind === 'date'
        ? dateValue(text)
        : column.kind === 'text'
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
