import { numberedTable, type ReportTable } from '../../../src/reports/render/table';

const table: ReportTable = {
  name: 'Uji',
  title: ['Judul'],
  columns: [
    { key: 'description', header: 'Uraian', kind: 'text', width: 30 },
    { key: 'amount', header: 'Jumlah (Rp)', kind: 'amount', width: 18 },
  ],
  rows: [
    { style: 'heading', cells: { description: 'Pendapatan' } },
    { style: 'detail', cells: { description: 'Dana Desa', amount: '100.00' } },
    { style: 'group', cells: { description: 'Belanja', amount: '30.00' } },
    { style: 'detail', cells: { description: 'ATK', amount: '10.00' } },
    { style: 'detail', cells: { description: 'Honor', amount: '20.00' } },
    { style: 'total', cells: { description: 'JUMLAH', amount: '130.00' } },
  ],
  landscape: false,
};

describe('numbered rows, as the annexes number them', () => {
  test('"No." comes first; detail rows are 1..n, headings, subtotals and totals carry none', () => {
    const numbered = numberedTable(table);
    expect(numbered.columns.map((column) => column.header)).toEqual([
      'No.',
      'Uraian',
      'Jumlah (Rp)',
    ]);
    expect(numbered.rows.map((row) => row.cells.rowNumber ?? '')).toEqual([
      '',
      '1',
      '',
      '2',
      '3',
      '',
    ]);
    expect(numbered.rows.map((row) => row.cells.description)).toEqual(
      table.rows.map((row) => row.cells.description),
    );
  });

  test('each table counts from 1, and the table it numbers is left as it was', () => {
    numberedTable(table);
    const again = numberedTable(table);
    expect(again.rows[1]!.cells.rowNumber).toBe('1');
    expect(table.columns).toHaveLength(2);
    expect(table.rows[1]!.cells).not.toHaveProperty('rowNumber');
  });
});
