import PDFDocument from 'pdfkit';
import type { Figures } from '../../reports/realisation/figures';
import { BAR_LENGTH_MAX, percentText, progressData } from '../charts/chart-data';
import { formatDate, formatRupiah } from '../format';
import type { PublicRow, PublicYear } from './public-year';

/** A1 in points is 1683.78 × 2383.94; everything is laid out inside these margins. */
const MARGIN = 72;
const WIDTH = 1683.78 - 2 * MARGIN;
const GREEN = '#2f6f4f';
const TRACK = '#dfe5dc';
const INK = '#1d211c';

/** Columns of a figures row: name, budget, realised, percent (x from the left margin, width). */
const COLUMNS = {
  name: { x: 0, width: 640 },
  budget: { x: 650, width: 330 },
  realised: { x: 990, width: 330 },
  percent: { x: 1330, width: WIDTH - 1330 },
} as const;
const ROW_TEXT = 30;
const BAR_GAP = 8;
const BAR_HEIGHT = 16;
const ROW_GAP = 18;
/**
 * Height the figures rows may take at full size: with the title, the three
 * section bands and the complaints box they fill the A1 page. More rows (a
 * village with every revenue type) are drawn smaller so the poster stays one page.
 */
const ROWS_HEIGHT_MAX = 1100;
const ROW_HEIGHT = ROW_TEXT + BAR_GAP + BAR_HEIGHT + ROW_GAP;

interface PosterRow {
  name: string;
  figures: Figures;
  bold?: boolean;
}

/** Draws the poster top to bottom, keeping the next free y. */
class PosterLayout {
  private y = MARGIN;
  /** 1, or less when the rows would not fit at full size. */
  private readonly scale: number;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    rowCount: number,
  ) {
    this.scale = Math.min(1, ROWS_HEIGHT_MAX / (rowCount * ROW_HEIGHT));
  }

  /** A centred line (wrapped when longer than the page is wide). */
  line(text: string, font: 'Helvetica' | 'Helvetica-Bold', size: number, gap: number): void {
    this.doc.font(font).fontSize(size).fillColor(INK);
    this.doc.text(text, MARGIN, this.y, { width: WIDTH, align: 'center' });
    this.y += this.doc.heightOfString(text, { width: WIDTH }) + gap;
  }

  /** A section's band and its column headings. */
  section(heading: string): void {
    this.y += 24;
    this.doc.rect(MARGIN, this.y, WIDTH, 64).fill(GREEN);
    this.doc.font('Helvetica-Bold').fontSize(40).fillColor('#ffffff');
    this.doc.text(heading, MARGIN + 20, this.y + 14, { width: WIDTH - 40 });
    this.y += 80;
    this.doc.font('Helvetica-Bold').fontSize(24).fillColor(INK);
    this.cell('Uraian', COLUMNS.name, 'left');
    this.cell('Anggaran', COLUMNS.budget, 'right');
    this.cell('Realisasi', COLUMNS.realised, 'right');
    this.cell('Capaian', COLUMNS.percent, 'right');
    this.y += 40;
  }

  private cell(text: string, column: { x: number; width: number }, align: 'left' | 'right') {
    this.doc.text(text, MARGIN + column.x, this.y, {
      width: column.width,
      align,
      lineBreak: false,
    });
  }

  /** Name (wrapped in its column), amounts and percent, and under them the realised share as a bar. */
  row({ name, figures, bold }: PosterRow): void {
    this.doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(ROW_TEXT * this.scale)
      .fillColor(INK);
    this.doc.text(name, MARGIN + COLUMNS.name.x, this.y, { width: COLUMNS.name.width });
    const nameHeight = this.doc.heightOfString(name, { width: COLUMNS.name.width });
    this.cell(formatRupiah(figures.budget), COLUMNS.budget, 'right');
    this.cell(formatRupiah(figures.realised), COLUMNS.realised, 'right');
    this.cell(percentText(figures.percent), COLUMNS.percent, 'right');
    const [bar] = progressData([{ label: name, percent: figures.percent }]);
    const barY = this.y + nameHeight + BAR_GAP * this.scale;
    const barHeight = BAR_HEIGHT * this.scale;
    this.doc.rect(MARGIN, barY, WIDTH, barHeight).fill(TRACK);
    // Coordinates only: the bar's share of the track, from the decimal percent.
    const filled = (bar!.length / BAR_LENGTH_MAX) * WIDTH;
    if (filled > 0) this.doc.rect(MARGIN, barY, filled, barHeight).fill(GREEN);
    this.y = barY + barHeight + ROW_GAP * this.scale;
  }

  rows(rows: readonly PublicRow[], totalName: string, total: Figures): void {
    for (const row of rows) this.row({ name: row.name, figures: row });
    this.row({ name: totalName, figures: total, bold: true });
  }

  /** The complaints box at the foot of the page. */
  footer(lines: readonly string[]): void {
    this.y += 32;
    const width = WIDTH - 48;
    const line = { size: 28, gap: 12 };
    this.doc.font('Helvetica').fontSize(line.size);
    // Measured as wrapped: a long contact (up to 300 characters) takes several lines.
    const heights = lines.map((text) => this.doc.heightOfString(text, { width }));
    const height = 68 + heights.reduce((total, each) => total + each + line.gap, 0) + 8;
    this.doc.rect(MARGIN, this.y, WIDTH, height).fill(TRACK);
    this.doc.font('Helvetica-Bold').fontSize(34).fillColor(INK);
    this.doc.text('Pengaduan', MARGIN + 24, this.y + 20, { width });
    this.doc.font('Helvetica').fontSize(line.size);
    let top = this.y + 68;
    lines.forEach((text, index) => {
      this.doc.text(text, MARGIN + 24, top, { width });
      top += heights[index]! + line.gap;
    });
    this.y += height;
  }
}

/**
 * The village's APBDes and its realisation as an A1 poster (baliho) to hang
 * at the village office: aggregate figures of the public page only, no names
 * of persons. Resolves to the PDF's bytes.
 */
export function apbdesPoster(year: PublicYear, complaintsContact: string): Promise<Buffer> {
  const { identity } = year;
  const title = `APBDes Desa ${identity.villageName} Tahun ${identity.fiscalYear}`;
  const doc = new PDFDocument({
    size: 'A1',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: title, Subject: 'Baliho transparansi APBDes', Creator: 'Kasdesa' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const financingRows = 3;
  const layout = new PosterLayout(
    doc,
    year.revenue.length + 1 + year.bidang.length + 1 + financingRows,
  );
  layout.line(title, 'Helvetica-Bold', 72, 24);
  layout.line(
    `Desa ${identity.villageName}, Kecamatan ${identity.districtName}` +
      (year.budgetLabel ? ` — ${year.budgetLabel}` : ''),
    'Helvetica',
    36,
    12,
  );
  layout.line(`Realisasi sampai ${formatDate(year.until)}`, 'Helvetica', 32, 8);
  layout.section('PENDAPATAN');
  layout.rows(year.revenue, 'Jumlah Pendapatan', year.revenueTotal);
  layout.section('BELANJA PER BIDANG');
  layout.rows(year.bidang, 'Jumlah Belanja', year.spendingTotal);
  layout.section('PEMBIAYAAN');
  layout.row({ name: 'Penerimaan Pembiayaan', figures: year.financingReceipts });
  layout.row({ name: 'Pengeluaran Pembiayaan', figures: year.financingExpenditures });
  layout.row({ name: 'SiLPA', figures: year.silpa, bold: true });
  layout.footer([
    `Pertanyaan atau pengaduan tentang APBDes Desa ${identity.villageName}:`,
    complaintsContact,
  ]);
  doc.end();
  return done;
}
