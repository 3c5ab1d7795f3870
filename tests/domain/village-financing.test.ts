import { createLedger } from '../../src/app/ledger';
import { balanceOf } from '../../src/domain/village/books';
import { DomainError } from '../../src/domain/shared/domain-error';
import { createMemoryStore } from '../../src/eventstore/memory';
import {
  budget,
  income,
  pay,
  realisationOf,
  receive,
  rowOf,
  spec,
  type Financing,
} from '../support/financing-budget';
import { VILLAGE, YEAR, issueFixture } from '../support/village-fixtures';

const RECEIPTS: [string, Financing][] = [
  [
    'pencairan dana cadangan',
    { id: 'PB-1', lineId: 'f-reserve-in', account: '6.1.2.01', source: 'PAD', amount: '5000000' },
  ],
  [
    'hasil penjualan kekayaan desa yang dipisahkan',
    { id: 'PB-2', lineId: 'f-sale', account: '6.1.3.01', source: 'PAD', amount: '2500000' },
  ],
  [
    'penerimaan pembiayaan lainnya',
    {
      id: 'PB-3',
      lineId: 'f-other-in',
      account: '6.1.9.99',
      source: 'PAD',
      amount: '750000.50',
      cash: 'cashOnHand',
    },
  ],
];

describe.each(RECEIPTS)('a financing receipt: %s', (_name, receipt) => {
  test('is recorded on its date, into cash or bank, realising its line and its source', () => {
    const state = spec.givenCommands(budget).when(receive(receipt)).thenState();
    const account = receipt.cash ?? 'bank';
    const opening = account === 'bank' ? '9750000' : '250000';
    expect(balanceOf(state.books, 'cash', account).toFixed(2)).toBe(
      (Number(opening) + Number(receipt.amount)).toFixed(2),
    );
    expect(balanceOf(state.books, 'source', 'PAD').toFixed(2)).toBe(
      Number(receipt.amount).toFixed(2),
    );
    expect(balanceOf(state.books, 'line', receipt.lineId).toFixed(2)).toBe(
      Number(receipt.amount).toFixed(2),
    );
  });

  test('the realisation report shows it under its own account', () => {
    const report = realisationOf([...budget, receive(receipt)]);
    const row = rowOf(report.financingReceipts, receipt.account);
    expect(row).toMatchObject({ realised: Number(receipt.amount).toFixed(2) });
    expect(report.totals.financingReceipts.realised).toBe(
      (10_000_000 + Number(receipt.amount)).toFixed(2),
    );
  });
});

const EXPENDITURES: [string, Financing][] = [
  [
    'pembentukan dana cadangan',
    { id: 'PP-1', lineId: 'f-reserve-out', account: '6.2.1.01', source: 'ADD', amount: '4000000' },
  ],
  [
    'penyertaan modal desa',
    {
      id: 'PP-2',
      lineId: 'f-capital',
      account: '6.2.2.01',
      source: 'PAD',
      amount: '6000000',
      cash: 'bank',
    },
  ],
  [
    'pengeluaran pembiayaan lainnya',
    {
      id: 'PP-3',
      lineId: 'f-other-out',
      account: '6.2.9.99',
      source: 'ADD',
      amount: '200000',
      cash: 'cashOnHand',
    },
  ],
];

const funded = [
  ...budget,
  income('ADD', '20000000', 'TBP-ADD'),
  income('PAD', '8000000', 'TBP-PAD'),
];

describe.each(EXPENDITURES)('a financing expenditure: %s', (_name, expenditure) => {
  test('is paid out of cash or bank, realising its line and spending its source', () => {
    const state = spec.givenCommands(funded).when(pay(expenditure)).thenState();
    const account = expenditure.cash ?? 'bank';
    const before = account === 'bank' ? 9_750_000 + 28_000_000 : 250_000;
    expect(balanceOf(state.books, 'cash', account).toFixed(2)).toBe(
      (before - Number(expenditure.amount)).toFixed(2),
    );
    const sourceBefore = expenditure.source === 'ADD' ? 20_000_000 : 8_000_000;
    expect(balanceOf(state.books, 'source', expenditure.source).toFixed(2)).toBe(
      (sourceBefore - Number(expenditure.amount)).toFixed(2),
    );
  });

  test('the realisation report shows it under its own account', () => {
    const report = realisationOf([...funded, pay(expenditure)]);
    expect(rowOf(report.financingExpenditures, expenditure.account)).toMatchObject({
      realised: Number(expenditure.amount).toFixed(2),
    });
    expect(report.totals.financingExpenditures.realised).toBe(
      Number(expenditure.amount).toFixed(2),
    );
  });
});

describe('financing refusals leave the stream unchanged', () => {
  const reserveIn = RECEIPTS[0]![1];
  const capital = EXPENDITURES[1]![1];
  test.each([
    [
      'a revenue account as a financing receipt',
      () => receive({ ...reserveIn, account: '4.1.1.01' }),
      'FINANCING_ACCOUNT',
      'account',
      '4.1.1.01',
    ],
    [
      'an expenditure account as a receipt',
      () => receive({ ...reserveIn, account: '6.2.1.01' }),
      'FINANCING_ACCOUNT',
      'account',
      '6.2.1.01',
    ],
    [
      'SiLPA, which the opening carries',
      () => receive({ ...reserveIn, lineId: 'f-silpa', account: '6.1.1.01', source: 'DDS' }),
      'FINANCING_ACCOUNT',
      'account',
      '6.1.1.01',
    ],
    [
      'a receipt account as an expenditure',
      () => pay({ ...capital, account: '6.1.3.01' }),
      'FINANCING_ACCOUNT',
      'account',
      '6.1.3.01',
    ],
    [
      'no such line',
      () => receive({ ...reserveIn, lineId: 'f-nothing' }),
      'FINANCING_LINE',
      'lineId',
      'f-nothing',
    ],
    [
      'a spending line',
      () => pay({ ...capital, lineId: 's-office' }),
      'FINANCING_LINE',
      'lineId',
      's-office',
    ],
    [
      'a line of another account',
      () => receive({ ...reserveIn, lineId: 'f-sale' }),
      'FINANCING_LINE',
      'lineId',
      'f-sale',
    ],
    [
      'a line of another source',
      () => receive({ ...reserveIn, source: 'ADD' }),
      'FINANCING_LINE',
      'source',
      'ADD',
    ],
    [
      'an expenditure beyond its line',
      () => pay({ ...capital, amount: '6000000.01' }),
      'BUDGET_LINE_AVAILABLE',
      'lineId',
      'f-capital',
    ],
    [
      'an expenditure beyond the cash in hand',
      () => pay({ ...capital, amount: '300000', cash: 'cashOnHand' }),
      'CASH_NOT_NEGATIVE',
      'account',
      'cashOnHand',
    ],
    [
      'an expenditure beyond what its source brought in',
      () => pay({ ...EXPENDITURES[0]![1], amount: '4000000', source: 'ADD' }),
      'FUND_RESTRICTION',
      'source',
      'ADD',
    ],
    [
      'a date outside the year',
      () => receive({ ...reserveIn, date: '2026-01-02' }),
      'DATE_IN_FISCAL_YEAR',
      'date',
      '2026-01-02',
    ],
  ] as const)('refuses %s', async (_case, raw, rule, field, value) => {
    const store = createMemoryStore();
    const ledger = createLedger({ store });
    // PAD has 8 m in; ADD nothing yet, so the reserve cannot be formed from it.
    for (const each of [...budget, income('PAD', '8000000', 'TBP-PAD')])
      await issueFixture(ledger, VILLAGE, each);
    const before = await store.readAll({});
    const refused = await ledger.executeVillageCommand(VILLAGE, YEAR, raw()).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DomainError);
    const error = refused as DomainError;
    expect({ rule: error.rule, field: error.field, value: error.value }).toEqual({
      rule,
      field,
      value,
    });
    expect(error.messages.id).toContain(value);
    expect(await store.readAll({})).toEqual(before);
  });

  test('a receipt may exceed its line, like revenue: the line is an estimate', () => {
    spec
      .givenCommands(budget)
      .when(receive({ ...reserveIn, amount: '5000000.01' }))
      .thenTypes('FinancingReceiptRecorded');
  });

  test('before the APBDes is enacted no financing line can be realised', () => {
    spec
      .givenCommands(budget.slice(0, -1))
      .when(receive(reserveIn))
      .thenRejects('FINANCING_LINE', 'lineId', 'f-reserve-in');
  });
});
