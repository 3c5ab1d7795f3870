import JSZip from 'jszip';
import { parseTables } from '../../src/import/siskeudes/parse-tables';
import { readSiskeudesFile } from '../../src/import/siskeudes/read-siskeudes-file';
import { isoDate } from '../../src/import/siskeudes/siskeudes-tables';
import { siskeudesZip, twoVillageTables } from './support/siskeudes-zip';

async function tablesOf(bytes: Buffer) {
  const read = await readSiskeudesFile(bytes);
  if ('problems' in read) throw new Error(JSON.stringify(read.problems));
  return parseTables(read.tables);
}

describe('reading a Siskeudes CSV zip', () => {
  it('reads a BOM, quoted newlines and commas, and Access amounts and dates exactly', async () => {
    const parsed = await tablesOf(await siskeudesZip(twoVillageTables(), { bom: true }));
    if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
    const memo = parsed.tables.Ta_RABRinci.find((row) => row.Kd_Keg === '01.2001.02.01.01');
    expect(memo?.Uraian).toBe('Alat peraga PAUD,\r\ntermasuk rak buku');
    expect(parsed.tables.Ta_TBP[1]?.Uraian).toBe('Setoran hasil usaha, "BUM Desa"');
    expect(parsed.tables.Ta_SaldoAwal[1]?.Debet.toFixed(2)).toBe('4000000.00');
    expect(parsed.tables.Ta_TBP[0]?.Tgl_Bukti).toBe('2025-01-15');
    expect(parsed.tables.Ta_RABRinci).toHaveLength(11);
  });

  it('matches table and column names whatever their case', async () => {
    const tables = twoVillageTables();
    const lower = Object.fromEntries(
      Object.entries(tables).map(([name, rows]) => [
        name.toUpperCase(),
        rows.map((row) =>
          Object.fromEntries(Object.entries(row).map(([k, v]) => [k.toLowerCase(), v])),
        ),
      ]),
    );
    const parsed = await tablesOf(await siskeudesZip(lower));
    expect('tables' in parsed && parsed.tables.Ta_SPPPot).toHaveLength(2);
  });

  it('names a missing required table and a missing required column', async () => {
    const tables = twoVillageTables();
    delete tables.Ta_Kegiatan;
    tables.Ta_TBPRinci = tables.Ta_TBPRinci!.map(({ Nilai: _, ...row }) => row);
    const parsed = await tablesOf(await siskeudesZip(tables));
    expect('problems' in parsed && parsed.problems.map((p) => [p.table, p.column, p.rule])).toEqual(
      [
        ['Ta_Kegiatan', '', 'TABLE_PRESENT'],
        ['Ta_TBPRinci', 'Nilai', 'COLUMN_PRESENT'],
      ],
    );
  });

  it('refuses what is not a Siskeudes file: text, a truncated zip, a CSV that does not parse', async () => {
    const zip = await siskeudesZip(twoVillageTables());
    const unterminated = new JSZip().file('Ta_Desa.csv', 'Tahun,Kd_Desa\r\n"2025,"01.2001.\r\n');
    for (const bytes of [
      Buffer.from('Tahun,Kd_Desa\n2025,01.2001.\n'),
      zip.subarray(0, zip.length / 2),
      await unterminated.generateAsync({ type: 'nodebuffer' }),
    ]) {
      const read = await readSiskeudesFile(bytes);
      expect('problems' in read && read.problems[0]?.rule).toMatch(
        /^(FILE_READABLE|CSV_PARSABLE)$/,
      );
    }
  });

  it('refuses a zip that unpacks to more than the limit, reading no further', async () => {
    const zip = await siskeudesZip(twoVillageTables());
    const read = await readSiskeudesFile(zip, 1000);
    expect('problems' in read && read.problems.map((p) => p.rule)).toEqual(['FILE_SIZE']);
    expect('tables' in (await readSiskeudesFile(zip, 100_000))).toBe(true);
  });

  it.each([
    ['12/19/2024 00:00:00', '2024-12-19'],
    ['1/5/2025', '2025-01-05'],
    ['2025-03-09', '2025-03-09'],
    ['02/30/2025 00:00:00', undefined],
    ['19/12/2024', undefined],
    ['kemarin', undefined],
  ])('reads the date %s as %s', (text, iso) => {
    expect(isoDate(text)).toBe(iso);
  });
});
