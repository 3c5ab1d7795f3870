import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { decimalText, rupiah, toAmountText } from '../../src/domain/shared/money';
import { amountCellValue } from '../../src/reports/render/cell-number';
import { numberedTable } from '../../src/reports/render/table';
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
      for (const table of tables.map(numberedTable)) {
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
    // Numbered once, by the renderers: no table brings a "No." column of its own.
    const own = workbooks.flatMap(({ tables }) =>
      tables.flatMap((table) =>
        table.columns.filter((c) => c.header === 'No.').map(() => table.name),
      ),
    );
    expect(own).toEqual([]);
    expect(sheetsOf('apbdes.xlsx')('APBDes').getRow(5).getCell(1).value).toBe('No.');
    expect(sheetsOf('apbdes.xlsx')('APBDes').getRow(5).getCell(4).value).toBe('Anggaran (Rp)');
  });

  test("the books' columns in the annexes' order", () => {
    const headings = (name: string) => {
      const table = workbooks[3]!.tables.find((t) => t.name === name)!;
      const row = sheetsOf('books.xlsx')(sheetNameOf(name)).getRow(table.title.length + 2);
      return (row.values as unknown[]).filter((value) => value !== undefined);
    };
    expect(headings('Bank')).toEqual([
      'No.',
      'Tanggal',
      'Uraian',
      'Nomor Bukti',
      'Pemasukan — Setoran (Rp)',
      'Pemasukan — Bunga Bank (Rp)',
      'Pengeluaran — Penarikan (Rp)',
      'Pengeluaran — Pajak (Rp)',
      'Pengeluaran — Biaya Administrasi (Rp)',
      'Saldo (Rp)',
    ]);
    expect(headings('Panjar')).toEqual([
      'No.',
      'Tanggal',
      'Nomor Bukti',
      'Uraian',
      'Penerima',
      'Pemberian (Rp)',
      'Pertanggungjawaban Panjar (Rp)',
      'Saldo (Rp)',
    ]);
    const activity = workbooks[3]!.tables.find((t) => t.name.startsWith('Kegiatan '))!;
    expect(headings(activity.name)).toEqual([
      'No.',
      'Tanggal',
      'Kode Rekening',
      'Uraian',
      'Penerimaan — Dari Bendahara Desa (Rp)',
      'Penerimaan — Swadaya Masyarakat (Rp)',
      'Nomor Bukti',
      'Pengeluaran — Belanja Barang dan Jasa (Rp)',
      'Pengeluaran — Belanja Modal (Rp)',
      'Jumlah Pengembalian ke Bendahara Desa (Rp)',
      'Saldo Kas (Rp)',
    ]);
    expect(headings('BKU')).toEqual([
      'No.',
      'Tanggal',
      'Kode Rekening',
      'Uraian',
      'Penerimaan (Rp)',
      'Pengeluaran (Rp)',
      'Nomor Bukti',
      'Jumlah Pengeluaran Kumulatif (Rp)',
      'Saldo (Rp)',
    ]);
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
      for (const table of tables.map(numberedTable)) {
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
      cells.find((c) => c.address === `D${rowOf(description)}`)!;
    const revenueRow = perdes.title.length + 3 + perdes.rows.findIndex((r) => r.cells.code === '4');
    expect(formulaAt('JUMLAH PENDAPATAN')).toMatchObject({
      formula: `SUM(D${revenueRow})`,
      value: '2619269300.00',
    });
    expect(formulaAt('SURPLUS/(DEFISIT)').formula).toBe(
      `D${rowOf('JUMLAH PENDAPATAN')}-D${rowOf('JUMLAH BELANJA')}`,
    );
    expect(formulaAt('SILPA/SiKPA TAHUN BERJALAN')).toMatchObject({
      formula: `D${rowOf('SURPLUS/(DEFISIT)')}+D${rowOf('PEMBIAYAAN NETTO')}`,
      value: '0.00',
    });
    const kelompok = perdes.title.length + 3 + perdes.rows.findIndex((r) => r.cells.code === '4.1');
    const jenisRows = perdes.rows.flatMap((r, i) =>
      r.cells.code?.startsWith('4.1.') ? [perdes.title.length + 3 + i] : [],
    );
    expect(cells.find((c) => c.address === `D${kelompok}`)!.formula).toBe(
      `SUM(D${jenisRows[0]}:D${jenisRows.at(-1)})`,
    );
  });

  test('the fund-flow summary refers to each district sheet total', () => {
    const summary = formulaCells(workbooks[1]!.tables).filter(
      (c) => c.sheetName === 'Ringkasan' && c.address.startsWith('F'),
    );
    expect(summary.slice(0, 3).map((c) => c.formula.replace(/\d+\)$/, 'n)'))).toEqual([
      "SUM('Pesanggaran'!Fn)",
      "SUM('Bangorejo'!Fn)",
      "SUM('Purwoharjo'!Fn)",
    ]);
  });

  test('print setup: margins, page numbers, header row repeated and tall enough for its wrapped headings', () => {
    const fundFlow = sheetsOf('fund-flow.xlsx')('Ringkasan');
    expect(fundFlow.headerFooter.oddFooter).toBe('&CHalaman &P dari &N');
    expect(fundFlow.pageSetup).toMatchObject({
      fitToPage: true,
      fitToHeight: 0,
      orientation: 'landscape',
      margins: { left: 0.7, right: 0.4 },
    });
    const table = workbooks[1]!.tables[0]!;
    const headerRow = table.title.length + 2;
    // A heading wider than its column wraps: its row is taller than one line of 15 points.
    const wraps = table.columns.some((column) => column.header.length > column.width);
    expect(wraps).toBe(true);
    expect(fundFlow.getRow(headerRow).height).toBeGreaterThan(15);
    // exceljs reads the workbook's _xlnm.Print_Titles back into the sheet's page setup.
    expect(fundFlow.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
  });

  test('dates are dates shown dd/mm/yyyy; a percentage without budget is 0; Indonesian number formats', () => {
    const books = workbooks[3]!;
    const bku = numberedTable(books.tables[0]!);
    const sheet = sheetsOf('books.xlsx')('BKU');
    const dateColumn = bku.columns.findIndex((column) => column.key === 'date') + 1;
    const firstDetail = bku.rows.findIndex((row) => row.style === 'detail');
    const cell = sheet.getRow(bku.title.length + 3 + firstDetail).getCell(dateColumn);
    const iso = bku.rows[firstDetail]!.cells.date!;
    expect(cell.value).toEqual(new Date(`${iso}T00:00:00.000Z`));
    expect(cell.numFmt).toBe('dd/mm/yyyy');
    expect(bku.title[1]).toMatch(/, Bulan Maret 2025$/);

    const realisation = numberedTable(workbooks[4]!.tables[0]!);
    const percentColumn = realisation.columns.findIndex((column) => column.key === 'percent') + 1;
    const unbudgeted = realisation.rows.findIndex((row) => row.cells.budget === '0.00');
    expect(unbudgeted).toBeGreaterThanOrEqual(0);
    const percent = sheetsOf('village-realisation.xlsx')('Realisasi')
      .getRow(realisation.title.length + 3 + unbudgeted)
      .getCell(percentColumn);
    expect(percent.value).toBe(0);
    expect(percent.numFmt).toBe('[$-421]#,##0.00;(#,##0.00)');
    expect(realisation.title[2]).toBe('Periode Semester I Tahun 2025');
  });

  test('the signature block under each table: place and date, offices, names or a line to write one', () => {
    const bku = workbooks[3]!.tables[0]!;
    const sheet = sheetsOf('books.xlsx')('BKU');
    const first = bku.title.length + 2 + bku.rows.length + 2;
    // A merged cell reads back with its value in every cell it spans: each text once.
    const line = (offset: number) => [
      ...new Set(
        (sheet.getRow(first + offset).values as unknown[]).filter((value) => value !== undefined),
      ),
    ];
    expect(line(0)).toEqual(['Mengetahui,', 'Sukamaju, 15 Juli 2025']);
    expect(line(1)).toEqual(['Kepala Desa Sukamaju', 'Kaur Keuangan']);
    expect(line(5)).toEqual(['Sri Wahyuningsih', '(..............................)']);
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
