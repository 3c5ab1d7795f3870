import { balanceOf } from '../../src/domain/village/books';
import type { ImportProblem } from '../../src/import/siskeudes/import-rules';
import { createLedger } from '../../src/app/ledger';
import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { createMemoryStore } from '../../src/eventstore/memory';
import { importSiskeudes } from '../../src/import/siskeudes/import-siskeudes';
import { openRegency } from '../support/realistic-village';
import { importRequest, importVillageYear, STREAM, VILLAGE } from './support/import-village-year';
import { siskeudesZip, twoVillageTables, type FixtureTables } from './support/siskeudes-zip';

/** The fixture with its mutations changed. */
function withMutations(edit: (rows: Record<string, string>[]) => void): FixtureTables {
  const tables = twoVillageTables();
  edit(tables.Ta_Mutasi!);
  return tables;
}

async function cashAndBank(tables: FixtureTables) {
  const { ledger, outcome, store } = await importVillageYear(tables);
  const { books } = await ledger.villageState(VILLAGE, 2025);
  return {
    outcome,
    store,
    cash: balanceOf(books, 'cash', 'cashOnHand'),
    bank: balanceOf(books, 'cash', 'bank'),
  };
}

describe('Siskeudes mutations (Ta_Mutasi) booked as the regency configures their codes', () => {
  it('books each configured code through its command, moving cash and bank by the rows', async () => {
    const withRows = await cashAndBank(twoVillageTables());
    const without = await cashAndBank(withMutations((rows) => rows.splice(0)));
    // Drawn 2,000,000 into the cash, 1,000,000 paid back; the bank also gains the 150,000
    // interest and pays the 15,000 fee.
    expect(withRows.cash.minus(without.cash).toFixed(2)).toBe('1000000.00');
    expect(withRows.bank.minus(without.bank).toFixed(2)).toBe('-865000.00');
    const events = await withRows.store.readStream(STREAM);
    const lineage = (event: (typeof events)[number]) =>
      event.metadata.lineage as { table?: string; naturalKey?: string } | undefined;
    const booked = events
      .filter((event) => lineage(event)?.table === 'Ta_Mutasi')
      .map((event) => [event.type, lineage(event)?.naturalKey, event.data.amount]);
    expect(booked).toEqual([
      ['CashMutated', 'MUT/001/2025', '2000000.00'],
      ['RevenueReceived', 'MUT/002/2025', '150000.00'],
      ['BankFeeCharged', 'MUT/003/2025', '15000.00'],
      ['CashMutated', 'MUT/004/2025', '1000000.00'],
    ]);
    expect(events.find((e) => e.type === 'BankFeeCharged')?.data).toMatchObject({
      lineId: '01.01.01/5.2.5.90/DLL',
      account: '5.2.5.90',
    });
    expect(withRows.outcome.reconciliation).toMatchObject({ reconciled: true });
  });

  it('decides mutations in date order with the rest, flagging cash below zero as history', async () => {
    const tables = withMutations((rows) => {
      rows[3]!.Nilai = '50000000';
    });
    const { outcome } = await importVillageYear(tables);
    expect(outcome.exceptions).toEqual([
      expect.objectContaining({
        commandType: 'RecordCashMutation',
        table: 'Ta_Mutasi',
        naturalKey: 'MUT/004/2025',
        date: '2025-07-01',
        exceptions: [expect.objectContaining({ rule: 'CASH_NOT_NEGATIVE' })],
      }),
    ]);
  });

  it('refuses the whole file for a code the policy does not configure, naming it and the policy row', async () => {
    const store = createMemoryStore();
    const reference = new ReferenceCatalog();
    const ledger = createLedger({ store, reference });
    await openRegency(ledger);
    const head = await store.headPosition();
    const tables = withMutations((rows) => {
      rows[1]!.Kd_Mutasi = '3';
    });
    const outcome = await importSiskeudes(
      { store, ledger, reference },
      importRequest(await siskeudesZip(tables)),
    );
    expect(outcome.status).toBe('refused');
    const problems = (outcome as { problems: ImportProblem[] }).problems;
    expect(
      problems.map(({ table, row, column, value, rule }) => [table, row, column, value, rule]),
    ).toEqual([['Ta_Mutasi', 2, 'Kd_Mutasi', '3', 'MUTATION_CODE_CONFIGURED']]);
    expect(problems[0]!.messages.id).toContain('"parameter":"siskeudesMutation","kdMutasi":"3"');
    expect(problems[0]!.messages.en).toContain('siskeudesMutation row of policy.jsonl');
    expect(await store.headPosition()).toBe(head);
  });

  it('refuses a bank fee that names no budget line', async () => {
    const tables = withMutations((rows) => {
      rows[2]!.Kd_Keg = '';
    });
    const refusal = await importVillageYear(tables).catch((error: Error) => error);
    const problems = JSON.parse((refusal as Error).message) as ImportProblem[];
    expect(problems.map(({ table, row, column, rule }) => [table, row, column, rule])).toEqual([
      ['Ta_Mutasi', 3, 'Kd_Keg', 'VALUE_PRESENT'],
    ]);
  });

  it('refuses a mutation column that is not a dotted code, naming it', async () => {
    const tables = withMutations((rows) => {
      rows[1]!.Kd_Rincian = 'bunga bank';
    });
    const refusal = await importVillageYear(tables).catch((error: Error) => error);
    const problems = JSON.parse((refusal as Error).message) as ImportProblem[];
    expect(
      problems.map(({ table, row, column, value, rule }) => [table, row, column, value, rule]),
    ).toEqual([['Ta_Mutasi', 2, 'Kd_Rincian', 'bunga bank', 'CODE_FORMAT']]);
  });

  it('lists interest Siskeudes puts on another account than Kasdesa’s bank-interest account', async () => {
    const tables = withMutations((rows) => {
      rows[1]!.Kd_Rincian = '4.1.1.01.';
    });
    const { outcome } = await importVillageYear(tables);
    expect(outcome.reconciliation.differences).toEqual([
      expect.objectContaining({ account: '4.1.1.01', figure: 'realised', difference: '150000.00' }),
      expect.objectContaining({
        account: '4.3.6.01',
        figure: 'realised',
        difference: '-150000.00',
      }),
    ]);
  });
});
