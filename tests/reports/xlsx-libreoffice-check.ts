import { parseFile } from '@fast-csv/parse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decimalText, toAmountText } from '../../src/domain/shared/money';
import type { FormulaCell } from '../../src/reports/render/xlsx';

/**
 * Compares every formula cell as LibreOffice recomputed it (exported to one
 * CSV per sheet) with the JSON report's value. Exits 1 on any difference.
 */
const readCsv = (file: string) =>
  new Promise<string[][]>((resolve, reject) => {
    const rows: string[][] = [];
    parseFile(file)
      .on('data', (row: string[]) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });

function position(address: string): { row: number; column: number } {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(address)!;
  const column = [...letters!].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(digits) - 1, column };
}

async function main(): Promise<void> {
  const [dir, csvDir] = process.argv.slice(2) as [string, string];
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
    file: string;
    cells: FormulaCell[];
  }[];
  const mismatches: string[] = [];
  let checked = 0;
  for (const workbook of expected) {
    const sheets = new Map<string, string[][]>();
    for (const cell of workbook.cells) {
      const csv = join(csvDir, `${workbook.file.replace(/\.xlsx$/, '')}-${cell.sheetName}.csv`);
      if (!sheets.has(csv)) sheets.set(csv, await readCsv(csv));
      const { row, column } = position(cell.address);
      const computed = sheets.get(csv)![row]?.[column] ?? '';
      const same =
        computed !== '' &&
        toAmountText(decimalText(computed)) === toAmountText(decimalText(cell.value));
      if (!same)
        mismatches.push(
          `${workbook.file} ${cell.sheetName}!${cell.address}: LibreOffice ${computed || '(blank)'} ≠ JSON ${cell.value}`,
        );
      checked += 1;
    }
  }
  if (mismatches.length > 0) {
    console.error(mismatches.join('\n'));
    process.exit(1);
  }
  console.log(`OK: ${checked} formula cells recomputed by LibreOffice equal the JSON reports`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
