import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { decimalText, toAmountText } from '../../src/domain/shared/money';
import { formulaCells } from '../../src/reports/render/xlsx';
import { tempDir } from '../support/temp-dir';
import { testNeedingTool } from '../support/test-needing-tool';
import { LIBREOFFICE_TIMEOUT_MS, recalculateWithLibreOffice } from './support/libreoffice';
import { generateWorkbooks, type GeneratedWorkbook } from './support/workbooks';

const testWithCalc = testNeedingTool(
  'soffice',
  'LibreOffice Calc recomputes the workbook formulas (apt-get install libreoffice-calc-nogui)',
);

describe('xlsx workbooks recomputed by LibreOffice Calc', () => {
  testWithCalc(
    'every formula cell, recomputed by LibreOffice, equals the JSON report value',
    async () => {
      // Made here, not at collection: a skipped test runs no afterAll to remove it.
      const temp = tempDir();
      try {
        const written = join(temp.dir, 'written');
        const recalculated = join(temp.dir, 'recalculated');
        const workbooks = await generateWorkbooks(written);
        await writeStaleCanary(join(written, CANARY));
        const files = [CANARY, ...workbooks.map((w) => w.file)];
        await recalculateWithLibreOffice(
          files.map((file) => join(written, file)),
          recalculated,
          temp.dir,
        );

        // Proves Calc recomputed on load rather than keeping exceljs's cached results.
        const canary = await readWorkbook(join(recalculated, CANARY));
        expect(canary.getWorksheet('Canary')!.getCell('A2').value).toEqual({
          formula: 'A1*3',
          result: 6,
        });

        const { mismatches, checked } = await compareWithReports(recalculated, workbooks);
        expect(mismatches).toEqual([]);
        expect(checked).toBeGreaterThan(2_000);
      } finally {
        temp.remove();
      }
    },
    LIBREOFFICE_TIMEOUT_MS + 60_000,
  );
});

const CANARY = 'canary.xlsx';

/** A formula whose cached result is wrong on purpose: only a recomputation gives 6. */
async function writeStaleCanary(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Canary');
  sheet.getCell('A1').value = 2;
  sheet.getCell('A2').value = { formula: 'A1*3', result: 999 };
  await workbook.xlsx.writeFile(file);
}

/** Every formula cell of the recomputed workbooks that differs from its JSON report value. */
async function compareWithReports(dir: string, workbooks: GeneratedWorkbook[]) {
  const mismatches: string[] = [];
  let checked = 0;
  for (const { file, tables } of workbooks) {
    const workbook = await readWorkbook(join(dir, file));
    for (const cell of formulaCells(tables)) {
      const computed = computedValue(workbook.getWorksheet(cell.sheetName)?.getCell(cell.address));
      const expected = toAmountText(decimalText(cell.value));
      if (computed !== expected)
        mismatches.push(
          `${file} ${cell.sheetName}!${cell.address}: LibreOffice ${computed} ≠ JSON ${expected}`,
        );
      checked += 1;
    }
  }
  return { mismatches, checked };
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The recomputed result of a formula cell as amount text, or why there is none. */
function computedValue(cell: ExcelJS.Cell | undefined): string {
  if (cell?.type !== ExcelJS.ValueType.Formula)
    return `(no formula: ${JSON.stringify(cell?.value)})`;
  // `cell.result`, not `cell.value.result`: exceljs leaves a result of 0 out of the value.
  const result: unknown = cell.result;
  return typeof result === 'number'
    ? toAmountText(decimalText(String(result)))
    : `(result ${JSON.stringify(result)})`;
}
