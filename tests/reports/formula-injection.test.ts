import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { inertText, renderCsv } from '../../src/reports/render/csv';
import type { ReportTable } from '../../src/reports/render/table';
import { writeWorkbook } from '../../src/reports/render/xlsx';
import { tempDir } from '../support/temp-dir';

const HYPERLINK = '=HYPERLINK("http://x","y")';

const table: ReportTable = {
  name: 'Uji',
  title: ['Judul'],
  columns: [
    { key: 'description', header: 'Uraian', kind: 'text', width: 10 },
    { key: 'amount', header: 'Jumlah (Rp)', kind: 'amount', width: 10 },
  ],
  rows: [
    { style: 'detail', cells: { description: HYPERLINK, amount: '-1500.00' } },
    { style: 'detail', cells: { description: '@SUM(A1)', amount: '10.00' } },
    { style: 'detail', cells: { description: 'Belanja - ATK', amount: null } },
  ],
  landscape: false,
};

describe('free text that looks like a formula stays text', () => {
  test('inertText prefixes = + - @ tab and CR with a quote, and nothing else', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(inertText(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(inertText('Belanja =ATK')).toBe('Belanja =ATK');
    expect(inertText('')).toBe('');
  });

  test('CSV: a text cell starting a formula is quoted off; amounts keep their sign', () => {
    const lines = renderCsv(table).split('\r\n');
    expect(lines[1]).toBe(`1,"'=HYPERLINK(""http://x"",""y"")",-1500.00`);
    expect(lines[2]).toBe(`2,'@SUM(A1),10.00`);
    expect(lines[3]).toBe('3,Belanja - ATK,');
  });

  test('xlsx: the text is a string cell, never a formula', async () => {
    const temp = tempDir();
    try {
      const filename = join(temp.dir, 'uji.xlsx');
      await writeWorkbook([table], { filename });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(filename);
      const cell = workbook.getWorksheet('Uji')!.getCell('B4');
      // A formula cell would read back as ValueType.Formula with { formula, result }.
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(HYPERLINK);
    } finally {
      temp.remove();
    }
  });
});
