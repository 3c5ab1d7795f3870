import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writePdf } from '../../../src/reports/render/pdf';
import type { ReportDocument } from '../../../src/reports/render/document';
import type { ReportTable } from '../../../src/reports/render/table';
import { tempDir } from '../../support/temp-dir';
import { testNeedingAll, testNeedingTool } from '../../support/test-needing-tool';
import { LIBREOFFICE_TIMEOUT_MS, printWithLibreOffice } from '../support/libreoffice';
import {
  generateWorkbooks,
  REGENCY_SIGNATORY_TITLE,
  type GeneratedWorkbook,
} from '../support/workbooks';

const testWithOffice = testNeedingAll(
  testNeedingTool('soffice', 'LibreOffice prints the xlsx reports to PDF (libreoffice-calc-nogui)'),
  testNeedingTool('pdftotext', 'poppler-utils reads the printed pages (pdfinfo, pdftotext)'),
  testNeedingTool('pdftoppm', 'poppler-utils draws the pages as PNG files to look at'),
);

/** Where the run keeps every page as a picture, to look at (the repository ignores .tmp/). */
const PAGES_DIR = join(__dirname, '..', '..', '..', '.tmp', 'report-pages');

/** Paper in points, either way up: A4; F4 as pdfkit draws it (215 × 330 mm) or Excel's Folio (8.5 × 13 in). */
const PAPERS: Record<ReportDocument['paper'], { width: number; height: number }[]> = {
  A4: [{ width: 595.3, height: 841.9 }],
  F4: [
    { width: 609.4, height: 935.4 },
    { width: 612, height: 936 },
  ],
};
const POINT_TOLERANCE = 1;
/** The signing dates of the test documents, in words as a reader writes them. */
const DATE_WORDS: Record<string, string> = {
  '2025-07-15': '15 Juli 2025',
  '2025-08-01': '1 Agustus 2025',
};

describe('reports as documents: printed by LibreOffice from the xlsx, and drawn as PDF', () => {
  testWithOffice(
    'every page on the paper, header rows repeated, figures as the JSON says, signature block on the last page',
    async () => {
      const temp = tempDir();
      try {
        const written = join(temp.dir, 'written');
        const printed = join(temp.dir, 'printed');
        const workbooks = await generateWorkbooks(written);
        // The regency reports are signed by the office the policy names (checked on their last pages).
        const regencyTitles = workbooks
          .filter((workbook) => workbook.document.paper === 'F4')
          .map((workbook) => workbook.document.signatories.map((s) => s.title));
        expect(regencyTitles).toEqual([1, 2, 3].map(() => [REGENCY_SIGNATORY_TITLE]));
        await printWithLibreOffice(
          workbooks.map((w) => join(written, w.file)),
          printed,
          temp.dir,
        );
        rmSync(PAGES_DIR, { recursive: true, force: true });
        const problems: string[] = [];
        for (const workbook of workbooks) {
          const base = workbook.file.replace(/\.xlsx$/, '');
          const fromOffice = join(printed, `${base}.pdf`);
          const drawn = join(temp.dir, `${base}-kasdesa.pdf`);
          await writeDrawnPdf(workbook, drawn);
          problems.push(
            ...checkDocument(`${base} (xlsx via LibreOffice)`, fromOffice, workbook, true),
            ...checkDocument(`${base} (PDF)`, drawn, workbook, false),
          );
          keepPages(fromOffice, join(PAGES_DIR, `${base}-xlsx`));
          keepPages(drawn, join(PAGES_DIR, `${base}-pdf`));
        }
        expect(problems).toEqual([]);
        // The bracket check above had negatives to look for.
        expect(workbooks.flatMap((workbook) => negativeAmounts(workbook.tables))).not.toEqual([]);
      } finally {
        temp.remove();
      }
    },
    LIBREOFFICE_TIMEOUT_MS + 120_000,
  );
});

async function writeDrawnPdf(workbook: GeneratedWorkbook, file: string): Promise<void> {
  await writePdf(workbook.tables, createWriteStream(file), workbook.document);
}

const poppler = (tool: string, args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** Each page's text, in reading order. */
function pageTexts(file: string): string[] {
  return poppler('pdftotext', ['-layout', file, '-'])
    .split('\f')
    .slice(0, -1)
    .map((text) => text.replace(/\s+/g, ' '));
}

function pageSizes(file: string): { width: number; height: number }[] {
  const info = poppler('pdfinfo', ['-f', '1', '-l', '100000', file]);
  return [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
}

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
}

/** Each page's words with their boxes, from pdftotext's word boxes. */
function pageWords(file: string): Word[][] {
  const html = poppler('pdftotext', ['-bbox', file, '-']);
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4]! })),
    );
}

/** The rightmost end of any word on each page. */
const rightmostWords = (pages: Word[][]): number[] =>
  pages.map((words) => Math.max(0, ...words.map((word) => word.xMax)));

/** How far a row number's centre may lie from the centre of the "No." heading above it, in points. */
const CENTRE_TOLERANCE = 3;
const centre = (word: Word) => (word.xMin + word.xMax) / 2;

/**
 * The numbers printed in the "No." column, page after page: the words under
 * each page's "No." heading, centred on it as the heading is.
 */
function rowNumbersPrinted(pages: Word[][]): string[] {
  return pages.flatMap((words) => {
    const heading = words.find((word) => word.text === 'No.');
    if (!heading) return [];
    return words
      .filter(
        (word) =>
          word.yMin > heading.yMin && Math.abs(centre(word) - centre(heading)) <= CENTRE_TOLERANCE,
      )
      .sort((a, b) => a.yMin - b.yMin)
      .map((word) => word.text);
  });
}

/** What the "No." columns must show: each table's detail rows numbered from 1. */
const expectedRowNumbers = (tables: ReportTable[]): string[] =>
  tables.flatMap((table) =>
    table.rows.filter((row) => row.style === 'detail').map((_, index) => String(index + 1)),
  );

/** Amount text as an Indonesian document prints it, by hand: whole rupiah, `.` thousands, (negative). */
function printedAmount(text: string): string {
  const negative = text.startsWith('-');
  const [whole, cents = '00'] = text.replace('-', '').split('.');
  let rupiah = BigInt(whole!);
  if (Number(cents.padEnd(2, '0').slice(0, 2)) >= 50) rupiah += 1n;
  const grouped = rupiah.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return negative && rupiah !== 0n ? `(${grouped})` : grouped;
}

/** Every negative amount of the tables, as printed: in brackets. */
function negativeAmounts(tables: ReportTable[]): string[] {
  return tables.flatMap((table) =>
    table.rows.flatMap((row) =>
      table.columns
        .filter((column) => column.kind === 'amount')
        .map((column) => row.cells[column.key])
        .filter((value): value is string => value?.startsWith('-') === true)
        .map(printedAmount)
        .filter((amount) => amount.startsWith('(')),
    ),
  );
}

/** The amounts of the tables' totals and groups: what a reader checks first. */
function headlineAmounts(tables: ReportTable[]): string[] {
  return tables.flatMap((table) =>
    table.rows
      .filter((row) => row.style === 'total' || row.style === 'group')
      .flatMap((row) =>
        table.columns
          .filter((column) => column.kind === 'amount')
          .flatMap((column) => {
            const value = row.cells[column.key];
            return value === null || value === undefined ? [] : [printedAmount(value)];
          }),
      ),
  );
}

function checkDocument(
  name: string,
  file: string,
  workbook: GeneratedWorkbook,
  headersRepeated: boolean,
): string[] {
  const problems: string[] = [];
  const { tables, document } = workbook;
  const texts = pageTexts(file);
  const sizes = pageSizes(file);
  const rows = tables.reduce((sum, table) => sum + table.rows.length, 0);
  // At least a page per table; a table running off to the right would take twice its pages.
  const most = tables.length + Math.ceil(rows / 12);
  if (texts.length < tables.length || texts.length > most)
    problems.push(`${name}: ${texts.length} pages, expected ${tables.length}..${most}`);
  const papers = PAPERS[document.paper];
  sizes.forEach((size, index) => {
    const fits = papers.some(
      (paper) =>
        (near(size.width, paper.width) && near(size.height, paper.height)) ||
        (near(size.width, paper.height) && near(size.height, paper.width)),
    );
    if (!fits) problems.push(`${name} page ${index + 1}: ${size.width} x ${size.height} pts`);
  });
  const words = pageWords(file);
  rightmostWords(words).forEach((right, index) => {
    if (right > sizes[index]!.width)
      problems.push(`${name} page ${index + 1}: text to x=${right}, page ${sizes[index]!.width}`);
  });
  if (headersRepeated) {
    const headings = new Set(tables.map((table) => table.columns[0]!.header.split(' ')[0]!));
    texts.forEach((text, index) => {
      if (![...headings].some((heading) => text.includes(heading)))
        problems.push(`${name} page ${index + 1}: no column headings`);
    });
  }
  const numbers = rowNumbersPrinted(words);
  const expectedNumbers = expectedRowNumbers(tables);
  if (numbers.join(' ') !== expectedNumbers.join(' '))
    problems.push(
      `${name}: "No." column shows ${numbers.length} numbers, expected 1..n per table (${expectedNumbers.length}); first difference at ${numbers.findIndex((n, i) => n !== expectedNumbers[i])}`,
    );
  const last = texts.at(-1) ?? '';
  const lastSigner = document.signatories.at(-1)!;
  for (const expected of [lastSigner.title, `${document.place}, `]) {
    if (!last.includes(expected)) problems.push(`${name}: last page lacks "${expected}"`);
  }
  // Every sheet ends with the block: never torn across pages (its first and last lines on one page).
  const placeAndDate = `${document.place}, ${DATE_WORDS[document.date]}`;
  const lastName = lastSigner.name ?? '(....';
  texts.forEach((text, index) => {
    if (text.includes(placeAndDate) !== text.includes(lastName))
      problems.push(`${name} page ${index + 1}: signature block torn across pages`);
  });
  const signed = texts.filter((text) => text.includes(placeAndDate)).length;
  if (signed !== tables.length)
    problems.push(`${name}: ${signed} signature blocks for ${tables.length} tables`);
  const whole = ` ${texts.join(' ')} `;
  const missing = [...new Set(headlineAmounts(tables))].filter(
    (amount) => !whole.includes(` ${amount} `),
  );
  if (missing.length > 0)
    problems.push(`${name}: amounts not printed: ${missing.slice(0, 10).join(', ')}`);
  const unbracketed = [...new Set(negativeAmounts(tables))].filter(
    (amount) => !whole.includes(` ${amount} `),
  );
  if (unbracketed.length > 0)
    problems.push(`${name}: negatives not in brackets: ${unbracketed.slice(0, 10).join(', ')}`);
  return problems;
}

const near = (a: number, b: number) => Math.abs(a - b) <= POINT_TOLERANCE;

function keepPages(file: string, prefix: string): void {
  mkdirSync(PAGES_DIR, { recursive: true });
  poppler('pdftoppm', ['-r', '40', '-png', file, prefix]);
}
