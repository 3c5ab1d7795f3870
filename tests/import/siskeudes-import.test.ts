import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLedger } from '../../src/app/ledger';
import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { figureHistory } from '../../src/audit/history';
import { DomainError } from '../../src/domain/shared/domain-error';
import { createMemoryStore } from '../../src/eventstore/memory';
import { importSiskeudes } from '../../src/import/siskeudes/import-siskeudes';
import { importRequest, STREAM, VILLAGE } from './support/import-village-year';
import { TEST_ACTOR } from '../support/decider-specification';
import { openRegency } from '../support/realistic-village';
import { siskeudesZip, twoVillageTables, type FixtureTables } from './support/siskeudes-zip';

const GOLDEN = path.join(__dirname, '../fixtures/siskeudes/two-villages-2025.expected.json');

async function setUp() {
  const store = createMemoryStore();
  const reference = new ReferenceCatalog();
  const ledger = createLedger({ store, reference });
  await openRegency(ledger);
  const before = await store.headPosition();
  const run = async (bytes: Buffer) =>
    importSiskeudes({ store, ledger, reference }, importRequest(bytes));
  return { store, ledger, reference, run, before };
}

/** The fixture with some rows changed: a broken or different file of the same village-year. */
function changed(edit: (tables: FixtureTables) => void): FixtureTables {
  const tables = twoVillageTables();
  edit(tables);
  return tables;
}

describe('Siskeudes import of a village-year', () => {
  it('books only the chosen village, to the rupiah of the golden totals', async () => {
    const { run, ledger } = await setUp();
    const outcome = await run(await siskeudesZip(twoVillageTables()));
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8'));
    expect(outcome).toMatchObject({ status: 'imported', siskeudesVersion: '2.0.6.1' });
    if (outcome.status === 'refused') return;
    expect(outcome.totals).toEqual(golden.totals);
    expect(outcome.eventCount).toBe(golden.eventCount);
    const state = await ledger.villageState(VILLAGE, 2025);
    expect(state.fiscalYear).toBeDefined();
    expect(state.paymentRequests.get('SPP/001/2025')?.status).toBe('paid');
    expect(state.paymentRequests.get('SPP/UM/001/2025')).toMatchObject({
      status: 'closed',
      spjId: 'SPJ/001/2025',
    });
  });

  it('writes nothing the second time the same file is imported', async () => {
    const { run, store } = await setUp();
    const bytes = await siskeudesZip(twoVillageTables());
    await run(bytes);
    const head = await store.headPosition();
    const again = await run(bytes);
    expect(again.status).toBe('alreadyImported');
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses a row imported before with other content, naming both', async () => {
    const { run, store } = await setUp();
    await run(await siskeudesZip(twoVillageTables()));
    const head = await store.headPosition();
    const other = changed((tables) => {
      tables.Ta_TBPRinci![1]!.Nilai = '2600000';
      tables.Ta_STSRinci![0]!.Nilai = '2600000';
    });
    const refusal = await run(await siskeudesZip(other)).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).rule).toBe('COMMAND_ID_CONFLICT');
    expect((refusal as DomainError).messages.en).toMatch(
      /stored Ta_TBPRinci TBP\/002\/2025\|4\.1\.1\.01\|PAD \(\w{12}\), this file Ta_TBPRinci TBP\/002\/2025/,
    );
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses a broken file with every problem and writes nothing', async () => {
    const { run, store, before } = await setUp();
    const broken = changed((tables) => {
      tables.Ta_TBP![0]!.Tgl_Bukti = '31/01/2025';
      tables.Ta_SPPRinci![0]!.Nilai = '22000000.505';
      tables.Ta_SPPBukti![0]!.Nilai = '1.2e7';
    });
    const outcome = await run(await siskeudesZip(broken));
    expect(outcome.status).toBe('refused');
    if (outcome.status !== 'refused') return;
    expect(
      outcome.problems.map(({ table, row, column, rule }) => [table, row, column, rule]),
    ).toEqual([
      ['Ta_TBP', 1, 'Tgl_Bukti', 'DATE_FORMAT'],
      ['Ta_SPPRinci', 1, 'Nilai', 'AMOUNT_FORMAT'],
      ['Ta_SPPBukti', 1, 'Nilai', 'AMOUNT_FORMAT'],
    ]);
    expect(outcome.problems[0]!.messages.id).toMatch(/^Tanggal bukan MM\/DD\/YYYY/);
    expect(await store.headPosition()).toBe(before);
  });

  it.each([
    [
      'a kind of SPP not imported yet (pembiayaan)',
      'Ta_SPP',
      'NOT_YET_SUPPORTED',
      (t: FixtureTables) => {
        t.Ta_SPP![0]!.Jn_SPP = 'PBY';
      },
    ],
    [
      'an SPJ without its panjar SPP',
      'Ta_SPJ',
      'PARENT_PRESENT',
      (t: FixtureTables) => {
        t.Ta_SPJ![0]!.No_SPP = 'SPP/UM/009/2025';
      },
    ],
    [
      'an SPJ of an LS SPP',
      'Ta_SPJ',
      'PARENT_PRESENT',
      (t: FixtureTables) => {
        t.Ta_SPJ![0]!.No_SPP = 'SPP/001/2025';
      },
    ],
    [
      'an SPJ accounting for more than the panjar advanced (Kasdesa’s own rule)',
      'Ta_SPJ',
      'PANJAR_WITHIN_ADVANCE',
      (t: FixtureTables) => {
        t.Ta_SPJRinci![0]!.Nilai = '5400000';
        t.Ta_SPJBukti![1]!.Nilai = '3180000';
      },
    ],
    [
      'an SPJ line whose evidence adds up to another amount',
      'Ta_SPJRinci',
      'EVIDENCE_TOTAL',
      (t: FixtureTables) => {
        t.Ta_SPJBukti![1]!.Nilai = '2000000';
      },
    ],
    [
      'SPJ evidence of a line the SPJ does not have',
      'Ta_SPJBukti',
      'PARENT_PRESENT',
      (t: FixtureTables) => {
        t.Ta_SPJBukti![1]!.Kd_Rincian = '5.2.2.01.';
      },
    ],
    [
      'an SPJ of a panjar never paid out (Kasdesa’s own rule)',
      'Ta_SPJ',
      'PAYMENT_REQUEST_STATUS',
      (t: FixtureTables) => {
        t.Ta_Pencairan!.pop();
      },
    ],
    [
      'a second SPJ of one panjar',
      'Ta_SPJ',
      'NOT_YET_SUPPORTED',
      (t: FixtureTables) => {
        t.Ta_SPJ!.push({ ...t.Ta_SPJ![0]!, No_SPJ: 'SPJ/002/2025' });
      },
    ],
    [
      'a panjar SPP carrying evidence (it belongs to the SPJ)',
      'Ta_SPPBukti',
      'NOT_YET_SUPPORTED',
      (t: FixtureTables) => {
        t.Ta_SPPBukti!.push({
          ...t.Ta_SPPBukti![0]!,
          No_SPP: 'SPP/UM/001/2025',
          No_Bukti: 'KW/UM/2025',
        });
      },
    ],
    [
      'a deposit (STS) of part of a cash receipt',
      'Ta_STSRinci',
      'NOT_YET_SUPPORTED',
      (t: FixtureTables) => {
        t.Ta_STSRinci![0]!.Nilai = '1000000';
      },
    ],
    [
      'a deposit (STS) of a bank receipt (Kasdesa’s own rule)',
      'Ta_STS',
      'RECEIPT_DEPOSITABLE',
      (t: FixtureTables) => {
        t.Ta_STSRinci![0]!.No_TBP = 'TBP/001/2025';
        t.Ta_STSRinci![0]!.Nilai = '100000000';
      },
    ],
    [
      'a Kasdesa rule (a receipt on another source’s account)',
      'Ta_TBPRinci',
      'REVENUE_ACCOUNT_OF_SOURCE',
      (t: FixtureTables) => {
        t.Ta_TBPRinci![0]!.SumberDana = 'DDS';
      },
    ],
    [
      'a Kasdesa rule (Dana Desa without its transfer)',
      'Ta_TBPRinci',
      'TRANSFER_NAMED',
      (t: FixtureTables) => {
        t.Ta_TBPRinci![0]!.SumberDana = 'DDS';
        t.Ta_TBPRinci![0]!.Kd_Rincian = '4.2.1.01.';
      },
    ],
    [
      'a deduction account of no tax',
      'Ta_SPPPot',
      'TAX_ACCOUNT_KNOWN',
      (t: FixtureTables) => {
        t.Ta_SPPPot![0]!.Kd_Rincian = '7.1.9.01.';
      },
    ],
    [
      'a realisation of an unbudgeted account',
      'Ta_SPPRinci',
      'BUDGET_LINE_PRESENT',
      (t: FixtureTables) => {
        t.Ta_SPPRinci![0]!.Kd_Rincian = '5.2.2.02.';
      },
    ],
  ])('refuses %s, writing nothing', async (_, table, rule, edit) => {
    const { run, store, before } = await setUp();
    const outcome = await run(await siskeudesZip(changed(edit)));
    expect(outcome.status).toBe('refused');
    if (outcome.status !== 'refused') return;
    expect(outcome.problems.map((problem) => [problem.table, problem.rule])).toContainEqual([
      table,
      rule,
    ]);
    expect(await store.headPosition()).toBe(before);
  });

  it('refuses a village the file does not hold', async () => {
    const { store, ledger, reference } = await setUp();
    const outcome = await importSiskeudes(
      { store, ledger, reference },
      { ...importRequest(await siskeudesZip(twoVillageTables())), villageCode: '35.10.01.2003' },
    );
    expect(outcome).toMatchObject({
      status: 'refused',
      problems: [{ table: 'Ta_Desa', column: 'Kd_Desa', rule: 'VILLAGE_IN_FILE' }],
    });
  });

  it('gives every imported event its lineage, with one batch record of the file after the opening and the reconciliation last', async () => {
    const { run, store } = await setUp();
    const bytes = await siskeudesZip(twoVillageTables());
    await run(bytes);
    const [opening, batch, ...rest] = await store.readStream(STREAM);
    const reconciliation = rest.pop();
    const imported = [opening!, ...rest];
    expect(opening?.type).toBe('VillageFiscalYearOpened');
    expect(reconciliation?.type).toBe('SiskeudesReconciliationRecorded');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(batch).toMatchObject({
      type: 'SiskeudesImportRecorded',
      data: {
        fileName: 'desa-2025.zip',
        fileSha256: sha,
        siskeudesVersion: '2.0.6.1',
        kdDesa: '01.2001',
        importedAt: '2026-01-05T08:00:00.000Z',
        eventCount: imported.length,
      },
      metadata: { actor: TEST_ACTOR },
    });
    for (const event of imported)
      expect(event.metadata.lineage).toEqual({
        source: 'siskeudes',
        fileSha256: sha,
        siskeudesVersion: '2.0.6.1',
        table: expect.stringMatching(/^Ta_/),
        row: expect.any(Number),
        naturalKey: expect.any(String),
      });
    const paid = imported.find((event) => event.type === 'PaymentRequestPaid');
    expect(paid?.metadata.lineage).toMatchObject({
      table: 'Ta_Pencairan',
      row: 1,
      naturalKey: 'CEK/001/2025',
    });
    expect(paid?.data).toMatchObject({
      gross: '22000000.00',
      withheld: '2750000.00',
      net: '19250000.00',
    });
  });

  it('accounts for the panjar by its SPJ with Siskeudes’ own deductions, the remainder back in cash', async () => {
    const { run, store } = await setUp();
    await run(await siskeudesZip(twoVillageTables()));
    const events = await store.readStream(STREAM);
    const spj = events.find((event) => event.type === 'PanjarAccounted');
    expect(spj?.metadata.lineage).toMatchObject({
      table: 'Ta_SPJ',
      row: 1,
      naturalKey: 'SPJ/001/2025',
    });
    expect(spj?.data).toMatchObject({
      spjId: 'SPJ/001/2025',
      sppId: 'SPP/UM/001/2025',
      paymentId: 'CEK/UM/001/2025',
      date: '2025-04-20',
      returnTo: 'cashOnHand',
      lines: [
        {
          lineId: '02.01.01/5.2.1.01/ADD',
          advanced: '5000000.00',
          spent: '4400000.00',
          remainder: '600000.00',
          evidence: [
            expect.objectContaining({ receiptNumber: 'KW/P01/2025', taxes: ['PPN', 'PPh22'] }),
            expect.objectContaining({ receiptNumber: 'KW/P02/2025', taxes: [] }),
          ],
        },
      ],
      withholdings: [
        expect.objectContaining({ receiptNumber: 'KW/P01/2025', tax: 'PPN', amount: '220000.00' }),
        expect.objectContaining({ receiptNumber: 'KW/P01/2025', tax: 'PPh22', amount: '30000.00' }),
      ],
      // The unspent 600,000 and the 250,000 withheld on the evidence.
      returned: '850000.00',
    });
    const sts = events.find((event) => event.type === 'CashReceiptsDeposited');
    expect(sts?.data).toMatchObject({
      stsId: 'STS/001/2025',
      receiptIds: ['TBP/002/2025'],
      amount: '2500000.00',
    });
  });

  it('shows in a figure’s history which Siskeudes row an imported event comes from', async () => {
    const { run, store } = await setUp();
    await run(await siskeudesZip(twoVillageTables()));
    const history = await figureHistory(store, VILLAGE, 2025, { kind: 'spp', id: 'SPP/001/2025' });
    expect(history.events.map((event) => event.importedFrom?.en)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^Imported from Siskeudes, Ta_SPP row 1 \(SPP\/001\/2025; Siskeudes 2\.0\.6\.1; SHA-256 [0-9a-f]{12}…\)$/,
        ),
        expect.stringMatching(/^Imported from Siskeudes, Ta_Pencairan row 1 \(CEK\/001\/2025;/),
      ]),
    );
    expect(history.events[0]?.importedFrom?.id).toMatch(/^Diimpor dari Siskeudes, Ta_SPP baris 1/);
  });
});
