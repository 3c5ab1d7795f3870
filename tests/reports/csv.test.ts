import { parseString } from '@fast-csv/parse';
import { csvField, renderCsv } from '../../src/reports/render/csv';
import type { ReportTable } from '../../src/reports/render/table';

const parse = (text: string) =>
  new Promise<string[][]>((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text)
      .on('data', (row: string[]) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });

const table: ReportTable = {
  name: 'Uji',
  title: ['Judul'],
  columns: [
    { key: 'code', header: 'Kode Rekening', kind: 'text', width: 10 },
    { key: 'description', header: 'Uraian', kind: 'text', width: 10 },
    { key: 'amount', header: 'Anggaran (Rp)', kind: 'amount', width: 10 },
  ],
  rows: [
    {
      style: 'detail',
      cells: {
        code: '05',
        description: 'Penanggulangan Bencana, Keadaan Darurat',
        amount: '1500000.00',
      },
    },
    {
      style: 'detail',
      cells: { code: '4.1', description: 'Kios "Milik" Desa\r\nbaris dua', amount: null },
    },
    {
      style: 'total',
      cells: { description: 'JUMLAH', amount: '1500000.00' },
      formulas: { amount: { sum: [] } },
    },
  ],
  landscape: false,
};

describe('CSV rendering', () => {
  test('quotes only fields with a comma, quote or line break, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('Kios "Milik"')).toBe('"Kios ""Milik"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });

  test('a CSV parser reads back the header and every value exactly, amounts as exact text, detail rows numbered', async () => {
    const text = renderCsv(table);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(await parse(text)).toEqual([
      ['No.', 'Kode Rekening', 'Uraian', 'Anggaran (Rp)'],
      ['1', '05', 'Penanggulangan Bencana, Keadaan Darurat', '1500000.00'],
      ['2', '4.1', 'Kios "Milik" Desa\r\nbaris dua', ''],
      ['', '', 'JUMLAH', '1500000.00'],
    ]);
  });
});
