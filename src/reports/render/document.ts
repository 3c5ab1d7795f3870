import type { PaperSize } from '../../domain/reference/reference-data';

/** One officer's place in a signature block: "Mengetahui, / Kepala Desa Sukamaju / (name)". */
export interface Signatory {
  /** The line above the title ("Mengetahui,"), or empty. */
  heading: string;
  /** The office as it signs: "Kepala Desa Sukamaju", "Kaur Keuangan". */
  title: string;
  /** Who held the office on the report's date, as the access ledger records it; null when no one did. */
  name: string | null;
}

/**
 * What turns a report's tables into a document to print, sign and file: the
 * paper the regency prints on, and the signature block — place, date and the
 * officers who held the roles on the report's date. Screen, xlsx and PDF read
 * the same frame.
 */
export interface ReportDocument {
  paper: PaperSize;
  /** Where it is signed: the village or regency name. */
  place: string;
  /** The date of signing (`yyyy-mm-dd`). */
  date: string;
  /** Left to right; the last one writes the place and date above its title. */
  signatories: Signatory[];
}

/** Paper in points (1/72 inch): A4 210 × 297 mm, F4 (folio) 215 × 330 mm as Indonesian offices use it. */
export const PAPER_POINTS: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  F4: { width: 609.45, height: 935.43 },
};

/**
 * Page margins in inches, for xlsx and PDF alike: a wider left one for the
 * binding of a filed copy; header and footer lines inside top and bottom.
 */
export const PAGE_MARGINS = {
  left: 0.7,
  right: 0.4,
  top: 0.6,
  bottom: 0.7,
  header: 0.3,
  footer: 0.3,
};
export const POINTS_PER_INCH = 72;

/**
 * Excel's paperSize codes: 9 is A4; F4 has no code of its own, 14 (Folio,
 * 8.5 × 13 in, 216 × 330 mm) is the nearest and is what Indonesian offices pick.
 */
export const EXCEL_PAPER: Record<PaperSize, number> = { A4: 9, F4: 14 };

export const MONTH_NAMES = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

const monthName = (month: number): string => MONTH_NAMES[month - 1] ?? String(month);

/** `2025-04` → "Bulan April 2025". */
export function monthInWords(yearMonth: string): string {
  const [year, month] = yearMonth.split('-');
  return `Bulan ${monthName(Number(month))} ${year}`;
}

/** `2025-04-30` → "30 April 2025". */
export function dateInWords(date: string): string {
  const [year, month, day] = date.split('-');
  return `${Number(day)} ${monthName(Number(month))} ${year}`;
}

/**
 * A period as the annexes name it: "Semester I Tahun 2025", "Tahun Anggaran
 * 2025", a whole month, else "1 Januari s.d. 15 Maret 2025".
 */
export function periodInWords(period: { from: string; to: string }): string {
  const year = period.from.slice(0, 4);
  if (period.to.slice(0, 4) === year && period.from === `${year}-01-01`) {
    if (period.to === `${year}-06-30`) return `Semester I Tahun ${year}`;
    if (period.to === `${year}-12-31`) return `Tahun Anggaran ${year}`;
  }
  if (period.from === `${year}-07-01` && period.to === `${year}-12-31`)
    return `Semester II Tahun ${year}`;
  return `${dateInWords(period.from)} s.d. ${dateInWords(period.to)}`;
}

/** What an office without a recorded holder shows: a line to write the name on by hand. */
export const UNNAMED_SIGNATORY = '(..............................)';

/** One column of the signature block, top to bottom, with room to sign between title and name. */
export interface SignatureColumn {
  top: string;
  title: string;
  name: string;
}

/**
 * The signature block's columns, left to right: the last one carries the
 * place and date ("Sukamaju, 30 April 2025") above its title, the others
 * their heading ("Mengetahui,").
 */
export function signatureColumns(document: ReportDocument): SignatureColumn[] {
  const last = document.signatories.length - 1;
  return document.signatories.map((signatory, index) => ({
    top: index === last ? `${document.place}, ${dateInWords(document.date)}` : signatory.heading,
    title: signatory.title,
    name: signatory.name ?? UNNAMED_SIGNATORY,
  }));
}

/** Blank lines between an office's title and the name, where the officer signs and stamps. */
export const SIGNING_SPACE_LINES = 3;

/**
 * Which of `parts` equal parts of the page width (table columns in xlsx,
 * points in PDF) each signature column spans, as [first, last] inclusive:
 * the page is cut in at least two, and a lone signatory signs on the right.
 */
export function signatureSlots(parts: number, signatories: number): [number, number][] {
  const slots = Math.max(2, signatories);
  const cut = (slot: number) => Math.round((slot * parts) / slots);
  return Array.from({ length: signatories }, (_, index) => {
    const slot = slots - signatories + index;
    return [cut(slot), Math.max(cut(slot), cut(slot + 1) - 1)];
  });
}
