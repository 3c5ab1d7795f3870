import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { decimalText, rupiah, toAmountText } from '../../src/domain/shared/money';
import { amountCellValue } from '../../src/reports/render/cell-number';
import { RUPIAH_FORMAT, formulaCells, sheetNameOf } from '../../src/reports/render/xlsx';
import { tempDir } from '../support/temp-dir';
import { evaluate } from './support/evaluate-formula';
import { generateWorkbooks, type GeneratedWorkbook } from './support/workbooks';

describe('xlsx workbooks, read back with exceljs', () => {
  const temp = tempDir();
  let workbooks: GeneratedWorkbook[];
  const read = new Map<string, ExcelJS.Workbook>();

  beforeAll(async () => {
    workbooks = await generateWorkbooks(temp.dir);
    for (const { file } of workbooks) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(temp.dir, file));
      read.set(file, workbook);
    }
  }, 60_000);
  afterAll(() => temp.remove());

  const sheetsOf = (file: string) => (name: string) => {
    const sheet = read.get(file)!.getWorksheet(name);
    if (!sheet) throw new Error(`no sheet ${name} in ${file}`);
    return sheet;
  };

  test('one sheet per table, Indonesian headers under the title, frozen, A4 with the right orientation', () => {
    for (const { file, tables, document } of workbooks) {
      for (const table of tables) {
        const sheet = sheetsOf(file)(sheetNameOf(table.name));
        const headerRow = table.title.length + 2;
        expect(table.columns.map((_, i) => sheet.getRow(headerRow).getCell(i + 1).value)).toEqual(
          table.columns.map((c) => c.header),
        );
        expect(sheet.getCell('A1').value).toBe(table.title[0]);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerRow });
        expect(sheet.pageSetup).toMatchObject({
          // Excel's codes: 9 is A4, 14 is Folio (F4).
          paperSize: document.paper === 'A4' ? 9 : 14,
          orientation: table.landscape ? 'landscape' : 'portrait',
          fitToWidth: 1,
        });
      }
    }
    expect(sheetsOf('apbdes.xlsx')('APBDes').getRow(5).getCell(3).value).toBe('Anggaran (Rp)');
  });

  test('regency workbooks have a summary sheet and one sheet per district', () => {
    for (const file of ['fund-flow.xlsx', 'monitoring.xlsx']) {
      expect(read.get(file)!.worksheets.map((s) => s.name)).toEqual([
        'Ringkasan',
        'Pesanggaran',
        'Bangorejo',
        'Purwoharjo',
      ]);
    }
  });

  test('amounts are numbers in Rupiah format, exact to the cent of the read model', () => {
    let checked = 0;
    for (const { file, tables } of workbooks) {
      for (const table of tables) {
        const sheet = sheetsOf(file)(sheetNameOf(table.name));
        const headerRow = table.title.length + 2;
        table.columns.forEach((column, columnIndex) => {
          if (column.kind !== 'amount') return;
          table.rows.forEach((row, rowIndex) => {
            const text = row.cells[column.key];
            if (text === null || text === undefined) return;
            const cell = sheet.getRow(headerRow + 1 + rowIndex).getCell(columnIndex + 1);
            const stored = typeof cell.value === 'number' ? cell.value : cachedResult(cell);
            expect(cell.numFmt).toBe(RUPIAH_FORMAT);
            expect(typeof stored).toBe('number');
            expect(decimalText((stored as number).toFixed(2)).equals(rupiah(text))).toBe(true);
            checked += 1;
          });
        });
      }
    }
    expect(checked).toBeGreaterThan(5_000);
  });

  test('every total is a formula over the right cells, and recomputing it gives the read model total', () => {
    let checked = 0;
    for (const { file, tables } of workbooks) {
      const sheets = sheetsOf(file);
      for (const expected of formulaCells(tables)) {
        const cell = sheets(expected.sheetName).getCell(expected.address);
        expect(cell.value).toEqual({
          formula: expected.formula,
          result: cell.value && (cell.value as ExcelJS.CellFormulaValue).result,
        });
        expect(cachedResult(cell)).toBe(amountOrCount(expected.value));
        expect([
          expected.sheetName,
          expected.address,
          toAmountText(evaluate(expected.sheetName, expected.formula, sheets)),
        ]).toEqual([
          expected.sheetName,
          expected.address,
          toAmountText(decimalText(expected.value)),
        ]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  test('the APBDes sheet: JUMLAH PENDAPATAN sums the akun row, SiLPA combines surplus and netto, all equal to the JSON totals', () => {
    const { tables } = workbooks[0]!;
    const perdes = tables[0]!;
    const cells = formulaCells([perdes]);
    const rowOf = (description: string) =>
      perdes.title.length + 3 + perdes.rows.findIndex((r) => r.cells.description === description);
    const formulaAt = (description: string) =>
      cells.find((c) => c.address === `C${rowOf(description)}`)!;
    const revenueRow = perdes.title.length + 3 + perdes.rows.findIndex((r) => r.cells.code === '4');
    expect(formulaAt('JUMLAH PENDAPATAN')).toMatchObject({
      formula: `SUM(C${revenueRow})`,
      value: '2619269300.00',
    });
    expect(formulaAt('SURPLUS/(DEFISIT)').formula).toBe(
      `C${rowOf('JUMLAH PENDAPATAN')}-C${rowOf('JUMLAH BELANJA')}`,
    );
    expect(formulaAt('SILPA/SiKPA TAHUN BERJALAN')).toMatchObject({
      formula: `C${rowOf('SURPLUS/(DEFISIT)')}+C${rowOf('PEMBIAYAAN NETTO')}`,
      value: '0.00',
    });
    const kelompok = perdes.title.length + 3 + perdes.rows.findIndex((r) => r.cells.code === '4.1');
    const jenisRows = perdes.rows.flatMap((r, i) =>
      r.cells.code?.startsWith('4.1.') ? [perdes.title.length + 3 + i] : [],
    );
    expect(cells.find((c) => c.address === `C${kelompok}`)!.formula).toBe(
      `SUM(C${jenisRows[0]}:C${jenisRows.at(-1)})`,
    );
  });

  test('the fund-flow summary refers to each district sheet total', () => {
    const summary = formulaCells(workbooks[1]!.tables).filter(
      (c) => c.sheetName === 'Ringkasan' && c.address.startsWith('E'),
    );
    expect(summary.slice(0, 3).map((c) => c.formula.replace(/\d+\)$/, 'n)'))).toEqual([
      "SUM('Pesanggaran'!En)",
      "SUM('Bangorejo'!En)",
      "SUM('Purwoharjo'!En)",
    ]);
  });

  test('the one Decimal → number helper refuses amounts a double cannot hold exactly', () => {
    expect(amountCellValue('1500000.25')).toBe(1500000.25);
    expect(() => amountCellValue('999999999999999.99')).toThrow(RangeError);
  });
});

/** exceljs leaves a cached result of 0 out of the file; Excel and LibreOffice recompute it. */
function cachedResult(cell: ExcelJS.Cell): unknown {
  return (cell.value as ExcelJS.CellFormulaValue).result ?? 0;
}

function amountOrCount(text: string): number {
  return decimalText(text).toNumber();
}
