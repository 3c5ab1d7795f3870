import { balanceOf } from '../../src/domain/village/books';
import { lastDayOfMonth } from '../../src/domain/village/calendar';
import { by, command, type RawCommand } from '../support/decider-specification';
import {
  approveSpp,
  draftSpp,
  enactedExecutionBudget,
  executionSpec,
  KAUR,
  paidSpp,
  paySpp,
  receipt,
} from '../support/village-fixtures';

const funded = [
  ...enactedExecutionBudget(),
  receipt('TBP-DD1', '40000000', { source: 'DDS' }),
  receipt('TBP-ADD', '10000000'),
];
/** Rp 2,000,000 drawn from the bank into cash on hand, so cash payments can follow. */
const withdrawToCash = by(
  KAUR,
  command('RecordCashMutation', {
    mutationId: 'M-1',
    date: '2025-02-01',
    from: 'bank',
    to: 'cashOnHand',
    amount: '2000000',
    description: 'tarik',
  }),
);
const reverse = (
  reversalId: string,
  entryId: string,
  date = '2025-02-20',
  reason = 'Salah catat sumber dana',
) => by(KAUR, command('ReverseEntry', { reversalId, entryId, date, reason }));
const closeMonth = (month: string, cashCount: string, bankBalance: string, date?: string) =>
  by(
    KAUR,
    command('CloseMonth', {
      month,
      date: date ?? lastDayOfMonth(month),
      cashCount,
      bankBalance,
    }),
  );
const closeAllMonths = (cash: string, bank: string): RawCommand[] =>
  Array.from({ length: 12 }, (_, index) => {
    const month = `2025-${String(index + 1).padStart(2, '0')}`;
    return closeMonth(month, cash, bank);
  });

describe('ReverseEntry', () => {
  it('reverses a wrong receipt in the open month; the right entry follows', () => {
    const history = [
      ...funded,
      receipt('TBP-X', '5000000', { date: '2025-01-15' }),
      closeMonth('2025-01', '250000.00', '64750000.00'),
    ];
    const spec = executionSpec().givenCommands(history);
    spec.when(reverse('REV-1', 'TBP-X')).then([
      {
        type: 'EntryReversed',
        data: {
          reversalId: 'REV-1',
          entryId: 'TBP-X',
          entryType: 'RevenueReceived',
          date: '2025-02-20',
          reason: 'Salah catat sumber dana',
        },
      },
    ]);
    const corrected = executionSpec()
      .givenCommands([...history, reverse('REV-1', 'TBP-X')])
      .when(receipt('TBP-Y', '5000000', { date: '2025-02-20', source: 'PBH', account: '4.2.2.01' }))
      .thenState();
    expect(balanceOf(corrected.books, 'source', 'ADD').toFixed(2)).toBe('10000000.00');
    expect(balanceOf(corrected.books, 'source', 'PBH').toFixed(2)).toBe('5000000.00');
    expect(balanceOf(corrected.books, 'cash', 'bank').toFixed(2)).toBe('64750000.00');
    expect(corrected.books.entries.get('TBP-X')?.reversed).toBe(true);
  });

  it('refuses to put the reversal itself into a closed month', () => {
    executionSpec()
      .givenCommands([...funded, closeMonth('2025-01', '250000.00', '59750000.00')])
      .when(reverse('REV-1', 'TBP-ADD', '2025-01-31'))
      .thenRejects('MONTH_CLOSED', 'date', '2025-01-31');
  });

  it('refuses an unknown entry, a second reversal and reversing a reversal', () => {
    const spec = executionSpec().givenCommands([...funded, reverse('REV-1', 'TBP-ADD')]);
    spec.when(reverse('REV-2', 'NOPE')).thenRejects('ENTRY_KNOWN', 'entryId', 'NOPE');
    spec.when(reverse('REV-2', 'TBP-ADD')).thenRejects('ENTRY_REVERSIBLE', 'entryId', 'TBP-ADD');
    spec.when(reverse('REV-2', 'REV-1')).thenRejects('ENTRY_REVERSIBLE', 'entryId', 'REV-1');
  });

  it('refuses a reversal that would break the fund restriction (the money was spent)', () => {
    executionSpec()
      .givenCommands([
        ...funded,
        ...paidSpp('SPP-1', 'LS', 'office', [
          { lineId: 's-office', source: 'ADD', amount: '6000000' },
        ]),
      ])
      .when(reverse('REV-1', 'TBP-ADD'))
      .thenRejects('FUND_RESTRICTION', 'source', 'ADD');
  });

  it('refuses reversing a cash receipt already deposited until the STS is reversed', () => {
    const history = [
      ...funded,
      receipt('TBP-C', '100000', { into: 'cashOnHand', source: 'PAD', account: '4.1.1.01' }),
      by(
        KAUR,
        command('DepositCashReceipts', {
          stsId: 'STS-1',
          date: '2025-01-12',
          receiptIds: ['TBP-C'],
        }),
      ),
    ];
    executionSpec()
      .givenCommands(history)
      .when(reverse('REV-1', 'TBP-C'))
      .thenRejects('ENTRY_REVERSIBLE', 'entryId', 'TBP-C');
    executionSpec()
      .givenCommands([...history, reverse('REV-1', 'STS-1')])
      .when(reverse('REV-2', 'TBP-C'))
      .thenTypes('EntryReversed');
  });

  it('a reversed payment leaves the SPP approved, to be paid again correctly', () => {
    const history = [
      ...funded,
      draftSpp('SPP-1', 'LS', 'road', [
        { lineId: 's-road', source: 'DDS', amount: '2500000', taxes: ['PPh22', 'PPN'] },
      ]),
      ...approveSpp('SPP-1'),
      paySpp('PAY-1', 'SPP-1', {
        taxOverrides: [{ lineId: 's-road', tax: 'PPN', amount: '0', reason: 'salah' }],
      }),
      reverse('REV-1', 'PAY-1'),
    ];
    const state = executionSpec()
      .givenCommands(history)
      .when(paySpp('PAY-2', 'SPP-1', { date: '2025-02-21' }))
      .thenState();
    expect(state.paymentRequests.get('SPP-1')).toMatchObject({
      status: 'paid',
      payment: { paymentId: 'PAY-2' },
    });
    expect(balanceOf(state.books, 'line', 's-road').toFixed(2)).toBe('2500000.00');
    expect(balanceOf(state.books, 'tax', 'PPN').toFixed(2)).toBe('275000.00');
    expect(balanceOf(state.books, 'tax', 'PPh22').toFixed(2)).toBe('37500.00');
  });

  it('a panjar payment cannot be reversed once accounted; a reversed SPJ leaves it outstanding', () => {
    const history = [
      ...funded,
      withdrawToCash,
      ...paidSpp(
        'UM-1',
        'UM',
        'office',
        [{ lineId: 's-office', source: 'ADD', amount: '1000000' }],
        'cashOnHand',
      ),
      by(
        KAUR,
        command('AccountPanjar', {
          spjId: 'SPJ-1',
          sppId: 'UM-1',
          date: '2025-02-10',
          returnTo: 'cashOnHand',
          lines: [],
        }),
      ),
    ];
    executionSpec()
      .givenCommands(history)
      .when(reverse('REV-1', 'PAY/UM-1'))
      .thenRejects('ENTRY_REVERSIBLE', 'entryId', 'PAY/UM-1');
    const state = executionSpec()
      .givenCommands(history)
      .when(reverse('REV-1', 'SPJ-1'))
      .thenState();
    expect(state.paymentRequests.get('UM-1')?.status).toBe('advanced');
    expect(balanceOf(state.books, 'line', 's-office').toFixed(2)).toBe('1000000.00');
  });
});

describe('CloseMonth', () => {
  it('compares the declared cash count and bank balance with the books at month end', () => {
    const history = [...funded, receipt('TBP-FEB', '1000000', { date: '2025-02-03' })];
    executionSpec()
      .givenCommands(history)
      .when(closeMonth('2025-01', '250000.00', '59700000.00', '2025-02-05'))
      .then([
        {
          type: 'MonthClosed',
          data: {
            month: '2025-01',
            date: '2025-02-05',
            cashCount: '250000.00',
            bankBalance: '59700000.00',
            booked: { cashOnHand: '250000.00', bank: '59750000.00' },
            difference: { cashOnHand: '0.00', bank: '-50000.00' },
          },
        },
      ]);
  });

  it('refuses back-dated entries into a closed month, and takes them in the open month', () => {
    const spec = executionSpec().givenCommands([
      ...funded,
      closeMonth('2025-01', '250000.00', '59750000.00'),
    ]);
    spec
      .when(receipt('TBP-LATE', '1000', { date: '2025-01-31' }))
      .thenRejects('MONTH_CLOSED', 'date', '2025-01-31');
    spec.when(receipt('TBP-LATE', '1000', { date: '2025-02-01' })).thenTypes('RevenueReceived');
  });

  it('closes months in order and only after they end', () => {
    const spec = executionSpec().givenCommands(funded);
    spec
      .when(closeMonth('2025-02', '0', '0'))
      .thenRejects('MONTH_CLOSING_ORDER', 'month', '2025-02');
    spec
      .when(closeMonth('2025-01', '0', '0', '2025-01-30'))
      .thenRejects('MONTH_CLOSING_DATE', 'date', '2025-01-30');
    spec.when(closeMonth('2025-01', '0', '0', '2025-01-31')).thenTypes('MonthClosed');
    executionSpec()
      .givenCommands([...funded, ...closeAllMonths('0', '0')])
      .when(closeMonth('2025-12', '0', '0', '2026-01-05'))
      .thenRejects('MONTH_CLOSING_ORDER', 'month', '2025-12');
  });
});

describe('CloseFiscalYear', () => {
  const spent = [
    ...funded,
    withdrawToCash,
    draftSpp('SPP-1', 'LS', 'road', [
      { lineId: 's-road', source: 'DDS', amount: '2500000', taxes: ['PPh22', 'PPN'] },
    ]),
    ...approveSpp('SPP-1'),
    paySpp('PAY-1', 'SPP-1'),
  ];
  const close = () => by(KAUR, command('CloseFiscalYear', { date: '2025-12-31' }));

  it('computes SiLPA per source, balances and tax payable', () => {
    const spec = executionSpec()
      .givenCommands([...spent, ...closeAllMonths('0', '0')])
      .when(close());
    spec.then([
      {
        type: 'FiscalYearClosed',
        data: {
          date: '2025-12-31',
          balances: { cashOnHand: '2250000.00', bank: '55562500.00' },
          silpa: [
            { source: 'DDS', amount: '47500000.00' },
            { source: 'ADD', amount: '10000000.00' },
          ],
          taxPayable: [
            { tax: 'PPh22', amount: '37500.00' },
            { tax: 'PPN', amount: '275000.00' },
          ],
        },
      },
    ]);
    const after = executionSpec().givenCommands([...spent, ...closeAllMonths('0', '0'), close()]);
    after.when(close()).thenRejects('FISCAL_YEAR_CLOSED');
    after.when(receipt('TBP-Z', '1', { date: '2025-12-31' })).thenRejects('FISCAL_YEAR_CLOSED');
  });

  it('needs the December closing', () => {
    executionSpec()
      .givenCommands([...spent, ...closeAllMonths('0', '0').slice(0, 11)])
      .when(close())
      .thenRejects('MONTHS_CLOSED', 'lastClosedMonth', '2025-11');
  });

  it('refuses while a panjar is outstanding', () => {
    executionSpec()
      .givenCommands([
        ...spent,
        ...paidSpp(
          'UM-1',
          'UM',
          'office',
          [{ lineId: 's-office', source: 'ADD', amount: '1000000' }],
          'cashOnHand',
        ),
        ...closeAllMonths('0', '0'),
      ])
      .when(close())
      .thenRejects('PANJAR_OUTSTANDING', 'sppId', 'UM-1');
  });
});
