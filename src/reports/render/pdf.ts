import PDFDocument from 'pdfkit';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { documentCellText } from './cell-text';
import {
  PAGE_MARGINS,
  PAPER_POINTS,
  POINTS_PER_INCH,
  SIGNING_SPACE_LINES,
  signatureColumns,
  signatureSlots,
  type ReportDocument,
} from './document';
import { numberedTable, type Column, type ReportTable, type TableRow } from './table';

/** The xlsx print setup's margins, in points. */
const MARGIN = {
  left: PAGE_MARGINS.left * POINTS_PER_INCH,
  right: PAGE_MARGINS.right * POINTS_PER_INCH,
  top: PAGE_MARGINS.top * POINTS_PER_INCH,
  bottom: PAGE_MARGINS.bottom * POINTS_PER_INCH,
};
const BODY_SIZE = 8;
const TITLE_SIZE = 11;
/** Padding inside a cell, and the indentation step of a tree's depth. */
const PAD = 2.5;
const INDENT = 6;
/** Deeper rows of a tree are indented no further than this many steps. */
const DEPTH_MAX = 5;
const LINE_WIDTH = 0.5;
const REGULAR = 'Helvetica';
const BOLD = 'Helvetica-Bold';

/**
 * PDF's standard fonts (no font file to ship) draw only the Windows-1252
 * characters: the few others reports use are written the way a typist would,
 * and anything else becomes "?" rather than a wrong glyph.
 */
const TYPED: Readonly<Record<string, string>> = {
  '→': '–',
  '−': '-',
  '≤': '<=',
  '≥': '>=',
  Σ: 'Jumlah',
};
const WINDOWS_1252 = /[^\n\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/gu;
export const printable = (text: string): string =>
  text.normalize('NFC').replace(WINDOWS_1252, (character) => TYPED[character] ?? '?');

type Doc = PDFKit.PDFDocument;
type Align = 'left' | 'right' | 'center';

/** A row as drawn: each cell's text, indentation and alignment. */
interface DrawnRow {
  texts: string[];
  bold: boolean;
  indents: number[];
  aligns: Align[];
}

/** Where a table's columns fall across the printable width, and the text size that fits them. */
interface Layout {
  left: number;
  widths: number[];
  size: number;
  pad: number;
}

/**
 * Points a character of a column's xlsx width takes at BODY_SIZE: a table
 * wider than the page is shrunk as a whole, as the xlsx is fitted to the
 * page width, so figures never wrap inside their cells.
 */
const CHARACTER_POINTS = 4.6;

const isNumeric = (column: Column) => column.kind !== 'text' && column.kind !== 'date';

function layoutOf(doc: Doc, table: ReportTable): Layout {
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  const scale = Math.min(1, width / (total * CHARACTER_POINTS));
  return {
    left: MARGIN.left,
    widths: table.columns.map((c) => (c.width / total) * width),
    size: BODY_SIZE * scale,
    pad: PAD * scale,
  };
}

const bottomOf = (doc: Doc) => doc.page.height - MARGIN.bottom;

/** Cell texts of a row, and the height its tallest wrapped cell needs. */
function measure(doc: Doc, layout: Layout, { texts, bold, indents }: DrawnRow) {
  const { size, pad } = layout;
  doc.font(bold ? BOLD : REGULAR).fontSize(size);
  const heights = texts.map((text, index) =>
    text === ''
      ? 0
      : doc.heightOfString(text, { width: layout.widths[index]! - 2 * pad - indents[index]! }),
  );
  return Math.max(size * 1.25, ...heights) + 2 * pad;
}

function drawRow(doc: Doc, layout: Layout, y: number, cells: DrawnRow, height: number) {
  const { size, pad } = layout;
  let x = layout.left;
  doc.lineWidth(LINE_WIDTH);
  cells.texts.forEach((text, index) => {
    const width = layout.widths[index]!;
    doc.rect(x, y, width, height).stroke();
    if (text !== '')
      doc
        .font(cells.bold ? BOLD : REGULAR)
        .fontSize(size)
        .text(text, x + pad + cells.indents[index]!, y + pad, {
          width: width - 2 * pad - cells.indents[index]!,
          align: cells.aligns[index],
        });
    x += width;
  });
}

/** A table on as many pages as it needs, its column headings repeated at the top of each. */
class TableWriter {
  private y = 0;
  private readonly layout: Layout;
  private readonly header: DrawnRow;
  private readonly headerHeight: number;

  constructor(
    private readonly doc: Doc,
    private readonly table: ReportTable,
    private readonly size: [number, number],
  ) {
    this.newPage();
    this.layout = layoutOf(doc, table);
    this.header = {
      texts: table.columns.map((column) => printable(column.header)),
      bold: true,
      indents: table.columns.map(() => 0),
      aligns: table.columns.map(() => 'center'),
    };
    this.headerHeight = measure(doc, this.layout, this.header);
    this.title();
    this.headings();
  }

  private newPage() {
    this.doc.addPage({
      size: this.size,
      layout: this.table.landscape ? 'landscape' : 'portrait',
      margins: MARGIN,
    });
    this.y = MARGIN.top;
  }

  private title() {
    const width = this.layout.widths.reduce((sum, w) => sum + w, 0);
    this.table.title.forEach((line, index) => {
      this.doc
        .font(index === 0 ? BOLD : REGULAR)
        .fontSize(index === 0 ? TITLE_SIZE : BODY_SIZE + 1)
        .text(printable(line), this.layout.left, this.y, { width, align: 'center' });
      this.y = this.doc.y + 1;
    });
    this.y += 6;
  }

  private headings() {
    drawRow(this.doc, this.layout, this.y, this.header, this.headerHeight);
    this.y += this.headerHeight;
  }

  row(row: TableRow) {
    const { columns } = this.table;
    const cells: DrawnRow = {
      texts: columns.map((column) => printable(documentCellText(column, row.cells[column.key]))),
      bold: row.style !== 'detail',
      indents: columns.map((column) =>
        column.indented && row.depth
          ? (Math.min(row.depth, DEPTH_MAX) * INDENT * this.layout.size) / BODY_SIZE
          : 0,
      ),
      aligns: columns.map((column) =>
        column.centered ? 'center' : isNumeric(column) ? 'right' : 'left',
      ),
    };
    const height = measure(this.doc, this.layout, cells);
    if (this.y + height > bottomOf(this.doc)) {
      this.newPage();
      this.headings();
    }
    drawRow(this.doc, this.layout, this.y, cells, height);
    this.y += height;
  }

  /** The officers' block under the table, kept whole on one page. */
  signatures(document: ReportDocument) {
    const columns = signatureColumns(document);
    const width = this.layout.widths.reduce((sum, w) => sum + w, 0);
    const parts = 100;
    const slots = signatureSlots(parts, columns.length);
    const lineHeight = (BODY_SIZE + 1) * 1.3;
    const height = (SIGNING_SPACE_LINES + 4) * lineHeight;
    if (this.y + height > bottomOf(this.doc)) this.newPage();
    const top = this.y + lineHeight;
    columns.forEach((column, index) => {
      const [from, to] = slots[index]!;
      const x = this.layout.left + (from / parts) * width;
      const slotWidth = ((to - from + 1) / parts) * width;
      const at = (line: number) => top + line * lineHeight;
      const options = { width: slotWidth, align: 'center' as const, lineBreak: false };
      this.doc.font(REGULAR).fontSize(BODY_SIZE + 1);
      this.doc.text(printable(column.top), x, at(0), options);
      this.doc.text(printable(column.title), x, at(1), options);
      this.doc.font(BOLD).text(printable(column.name), x, at(2 + SIGNING_SPACE_LINES), {
        ...options,
        underline: true,
      });
    });
    this.y = top + height;
  }
}

/** "Halaman 1 dari 3" at the foot of every page, written once the page count is known. */
function numberPages(doc: Doc) {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Text below the bottom margin would make pdfkit open a page: the margin is lifted for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(REGULAR)
      .fontSize(BODY_SIZE)
      .text(`Halaman ${index + 1} dari ${count}`, 0, doc.page.height - bottom / 2 - BODY_SIZE / 2, {
        width: doc.page.width,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The tables as one PDF, each starting on a new page in its orientation on
 * the regency's paper: title block, detail rows numbered (numberedTable),
 * column headings repeated on every page,
 * text wrapped inside its cell, the signature block under each table, pages
 * numbered "Halaman 1 dari N". The same tables and frame as the xlsx.
 */
export async function writePdf(
  tables: ReportTable[],
  stream: Writable,
  document?: ReportDocument,
): Promise<void> {
  const paper = PAPER_POINTS[document?.paper ?? 'A4'];
  const size: [number, number] = [paper.width, paper.height];
  const doc = new PDFDocument({
    size,
    autoFirstPage: false,
    bufferPages: true,
    info: { Title: tables[0]?.title[0] ?? 'Laporan', Creator: 'Kasdesa' },
  });
  doc.pipe(stream);
  for (const table of tables.map(numberedTable)) {
    const writer = new TableWriter(doc, table, size);
    for (const row of table.rows) writer.row(row);
    if (document) writer.signatures(document);
  }
  if (tables.length === 0) doc.addPage({ size });
  numberPages(doc);
  doc.end();
  await finished(stream);
}
