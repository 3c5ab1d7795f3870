import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { toAmountText } from '../../src/domain/shared/money';
import type { ImportProblem } from '../../src/import/siskeudes/import-rules';
import { parseTables } from '../../src/import/siskeudes/parse-tables';
import { readSiskeudesFile } from '../../src/import/siskeudes/read-siskeudes-file';
import { siskeudesRealisation } from '../../src/import/siskeudes/siskeudes-realisation';
import { kasdesaRealisation, reconcile } from '../../src/import/siskeudes/reconciliation';
import { importVillageYear, STREAM, VILLAGE } from './support/import-village-year';
import { siskeudesZip, twoVillageTables, type FixtureTables } from './support/siskeudes-zip';

async function importOf(tables: FixtureTables) {
  const imported = await importVillageYear(tables);
  return { ...imported, recorded: (await imported.store.readStream(STREAM)).at(-1) };
}

/** The Siskeudes side of a reconciliation, from the tables of a file for village 01.2001's 2025. */
async function fromTables(tables: FixtureTables) {
  const read = await readSiskeudesFile(await siskeudesZip(tables));
  const parsed = 'tables' in read ? parseTables(read.tables) : read;
  if (!('tables' in parsed)) throw new Error(JSON.stringify(parsed.problems));
  const reference = new ReferenceCatalog().get(2025, '35.10');
  return siskeudesRealisation(parsed.tables, { kdDesa: '01.2001', fiscalYear: 2025, reference });
}

function withTables(edit: (tables: FixtureTables) => void): FixtureTables {
  const tables = twoVillageTables();
  edit(tables);
  return tables;
}

describe('Siskeudes import reconciliation', () => {
  it('works out the realisation from the tables alone, to the rupiah of the rows', async () => {
    const figures = await fromTables(twoVillageTables());
    const shown = Object.fromEntries(
      [...figures].map(([key, place]) => [
        key,
        [toAmountText(place.budget), toAmountText(place.realised)],
      ]),
    );
    // By hand from twoVillageTables(), village 01.2001 only.
    expect(shown).toEqual({
      'revenue||4.2.3.01': ['300000000.00', '100000000.00'],
      'revenue||4.1.1.01': ['10000000.00', '2500000.00'],
      // SiLPA: budgeted 5,000,000; realised = opening cash 1,000,000 + bank 4,000,000.
      'financingReceipts||6.1.1.01': ['5000000.00', '5000000.00'],
      'spending|01.01.01|5.1.1': ['174000000.00', '0.00'],
      'spending|02.01.01|5.2.2': ['135000000.00', '22000000.00'],
      // The panjar: advanced 5,000,000, realised by its SPJ's 4,400,000 (Ta_SPJRinci), not the advance.
      'spending|02.01.01|5.2.1': ['6000000.00', '4400000.00'],
      // The mutations as 35.10's policy reads their codes: interest is revenue, the fee spending;
      // the Rp 2,000,000 drawn and Rp 1,000,000 paid back between bank and cash realise nothing.
      'revenue||4.3.6.01': ['240000.00', '150000.00'],
      'spending|01.01.01|5.2.5': ['240000.00', '15000.00'],
    });
  });

  it('says the fixture’s import is reconciled, in its answer and on record', async () => {
    const { outcome, recorded } = await importOf(twoVillageTables());
    expect(outcome.reconciliation).toEqual({
      reconciled: true,
      summary: {
        id: 'cocok: realisasi Kasdesa sama dengan tabel Siskeudes per rekening',
        en: 'reconciled: Kasdesa’s realisation equals the Siskeudes tables per account',
      },
      differences: [],
      uncounted: [],
    });
    expect(recorded).toMatchObject({
      type: 'SiskeudesReconciliationRecorded',
      data: { fileSha256: outcome.fileSha256, reconciled: true, differences: [], uncounted: [] },
    });
  });

  it('lists the account of an SPP line Siskeudes paid that the booked year does not hold', async () => {
    const { store, reference } = await importVillageYear(twoVillageTables());
    const kasdesa = await kasdesaRealisation(
      await store.readStream(STREAM),
      { streamId: STREAM, villageCode: VILLAGE, fiscalYear: 2025, now: new Date('2026-01-05') },
      reference,
    );
    // The same file with one more LS SPP of Rp 5,000,000 on the PAUD line, paid.
    const tables = withTables((t) => {
      t.Ta_SPP!.push({ ...t.Ta_SPP![0]!, No_SPP: 'SPP/009/2025' });
      t.Ta_SPPRinci!.push({ ...t.Ta_SPPRinci![0]!, No_SPP: 'SPP/009/2025', Nilai: '5000000' });
      t.Ta_Pencairan!.push({ ...t.Ta_Pencairan![0]!, No_Cek: 'CEK/009', No_SPP: 'SPP/009/2025' });
    });
    const siskeudes = await fromTables(tables);
    const result = reconcile(siskeudes, kasdesa);
    expect(result).toMatchObject({
      reconciled: false,
      summary: { id: '1 selisih', en: '1 differences' },
      differences: [
        {
          section: 'spending',
          kegiatan: '02.01.01',
          account: '5.2.2',
          figure: 'realised',
          siskeudes: '27000000.00',
          kasdesa: '22000000.00',
          difference: '5000000.00',
        },
      ],
    });
  });

  it('lists a panjar advanced and never accounted for: Siskeudes realises only its SPJ', async () => {
    const tables = withTables((t) => {
      for (const table of ['Ta_SPJ', 'Ta_SPJRinci', 'Ta_SPJBukti', 'Ta_SPJPot']) delete t[table];
      t.Ta_Pajak!.pop();
      t.Ta_PajakRinci!.splice(2);
    });
    const { outcome } = await importOf(tables);
    expect(outcome.reconciliation).toMatchObject({
      reconciled: false,
      differences: [
        {
          section: 'spending',
          kegiatan: '02.01.01',
          account: '5.2.1',
          figure: 'realised',
          siskeudes: '0.00',
          kasdesa: '5000000.00',
          difference: '-5000000.00',
        },
      ],
    });
  });

  it('refuses, rather than leaves out, a paid SPP line whose SPP row is missing', async () => {
    const tables = withTables((t) => {
      t.Ta_SPPRinci!.push({ ...t.Ta_SPPRinci![0]!, No_SPP: 'SPP/009/2025', Nilai: '5000000' });
    });
    await expect(importVillageYear(tables)).rejects.toThrow(
      /"table":"Ta_SPPRinci","row":3,"column":"No_SPP","value":"SPP\/009\/2025","rule":"PARENT_PRESENT"/,
    );
  });

  it('lists a SiLPA taken from the budget that the opening cash does not equal', async () => {
    const tables = withTables((t) => {
      t.Ta_SaldoAwal![1]!.Debet = '4500000';
    });
    const { outcome } = await importOf(tables);
    expect(outcome.reconciliation.differences).toEqual([
      {
        section: 'financingReceipts',
        account: '6.1.1.01',
        figure: 'realised',
        siskeudes: '5500000.00',
        kasdesa: '5000000.00',
        difference: '500000.00',
      },
    ]);
  });

  it('refuses, rather than leaves uncounted, general journals, naming each row', async () => {
    const tables = withTables((t) => {
      const rows = (extra: Record<string, string>) =>
        ['01.2001.', '01.2002.'].map((kdDesa) => ({ Tahun: '2025', Kd_Desa: kdDesa, ...extra }));
      t.Ta_JurnalUmum = rows({ NoBukti: 'JU/001/2025', Keterangan: 'Koreksi' });
      t.Ta_JurnalUmumRinci = rows({ NoBukti: 'JU/001/2025', Debet: '100000', Kredit: '0' });
    });
    const refusal = await importVillageYear(tables).catch((error: Error) => error);
    const problems = JSON.parse((refusal as Error).message) as ImportProblem[];
    expect(
      problems.map(({ table, row, column, value, rule }) => [table, row, column, value, rule]),
    ).toEqual([
      ['Ta_JurnalUmum', 1, 'NoBukti', 'JU/001/2025', 'NOT_YET_SUPPORTED'],
      ['Ta_JurnalUmumRinci', 1, 'NoBukti', 'JU/001/2025', 'NOT_YET_SUPPORTED'],
    ]);
    expect(problems[0]!.messages.id).toContain('Kasdesa tidak membukukan jurnal umum');
  });

  it('answers the same reconciliation when the same file comes again, writing nothing', async () => {
    const { outcome, store, run } = await importOf(twoVillageTables());
    const head = await store.headPosition();
    expect(await run()).toMatchObject({
      status: 'alreadyImported',
      reconciliation: outcome.reconciliation,
    });
    expect(await store.headPosition()).toBe(head);
  });
});
