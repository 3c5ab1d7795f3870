import { command } from '../support/decider-specification';
import { enactedExecutionBudget, executionSpec, KAUR, receipt } from '../support/village-fixtures';
import { by } from '../support/decider-specification';
import { balanceOf } from '../../src/domain/village/books';

const budget = enactedExecutionBudget();

describe('RecordReceipt', () => {
  it('records revenue into the bank, crediting its fund source', () => {
    const state = executionSpec()
      .givenCommands(budget)
      .when(receipt('TBP-1', '5000000'))
      .thenState();
    expect(balanceOf(state.books, 'cash', 'bank').toFixed(2)).toBe('14750000.00');
    expect(balanceOf(state.books, 'source', 'ADD').toFixed(2)).toBe('5000000.00');
    expect(balanceOf(state.books, 'revenue', '4.2.3.01|ADD').toFixed(2)).toBe('5000000.00');
  });

  it('records the receipt with its business date and the treasurer as actor', () => {
    const [event] = executionSpec()
      .givenCommands(budget)
      .when(receipt('TBP-1', '5000000'))
      .events();
    expect(event).toMatchObject({
      type: 'RevenueReceived',
      data: { receiptId: 'TBP-1', amount: '5000000.00', into: 'bank', source: 'ADD' },
      metadata: { businessDate: '2025-01-10', actor: KAUR },
    });
  });

  it('takes a Dana Desa stage receipt within what the regency transferred for the stage', () => {
    executionSpec()
      .givenCommands([...budget, receipt('TBP-1', '30000000', { source: 'DDS' })])
      .when(receipt('TBP-2', '10000000', { source: 'DDS' }))
      .thenTypes('RevenueReceived');
  });

  it('refuses a Dana Desa receipt beyond the transferred stage', () => {
    executionSpec()
      .givenCommands([...budget, receipt('TBP-1', '30000000', { source: 'DDS' })])
      .when(receipt('TBP-2', '10000000.01', { source: 'DDS' }))
      .thenRejects('RECEIPT_WITHIN_TRANSFER', 'transfer.stage', 'DDS|1');
  });

  it('refuses a Dana Desa receipt for a stage not transferred', () => {
    executionSpec()
      .givenCommands(budget)
      .when(receipt('TBP-1', '1000', { source: 'DDS', transfer: { stage: 3, reference: 'x' } }))
      .thenRejects('RECEIPT_WITHIN_TRANSFER', 'transfer.stage', 'DDS|3');
  });

  it('refuses a Dana Desa receipt that names no transfer', () => {
    const raw = receipt('TBP-1', '1000', { source: 'DDS' });
    delete (raw.payload as { transfer?: unknown }).transfer;
    executionSpec().givenCommands(budget).when(raw).thenRejects('TRANSFER_NAMED', 'transfer');
  });

  it('refuses a transfer named on a source the regency does not allocate', () => {
    executionSpec()
      .givenCommands(budget)
      .when(
        receipt('TBP-1', '1000', {
          source: 'PAD',
          account: '4.1.2.01',
          transfer: { stage: 1, reference: 'x' },
        }),
      )
      .thenRejects('SOURCE_ALLOCATABLE', 'transfer', 'PAD');
  });

  it('refuses an account that is not revenue of the source', () => {
    executionSpec()
      .givenCommands(budget)
      .when(receipt('TBP-1', '1000', { account: '4.2.2.01' }))
      .thenRejects('REVENUE_ACCOUNT_OF_SOURCE', 'account', '4.2.2.01');
  });

  it('refuses a spending account as a receipt', () => {
    executionSpec()
      .givenCommands(budget)
      .when(receipt('TBP-1', '1000', { account: '5.2.1.01' }))
      .thenRejects('ACCOUNT_CLASS', 'account', '5.2.1.01');
  });

  it('refuses an unknown fund source', () => {
    executionSpec()
      .givenCommands(budget)
      .when(receipt('TBP-1', '1000', { source: 'XYZ' }))
      .thenRejects('FUND_SOURCE_KNOWN', 'source', 'XYZ');
  });

  it('refuses a receipt number already used', () => {
    executionSpec()
      .givenCommands([...budget, receipt('TBP-1', '1000')])
      .when(receipt('TBP-1', '2000'))
      .thenRejects('ENTRY_ID_UNIQUE', 'entryId', 'TBP-1');
  });

  it('refuses a date outside the fiscal year', () => {
    executionSpec()
      .givenCommands(budget)
      .when(receipt('TBP-1', '1000', { date: '2024-12-31' }))
      .thenRejects('DATE_IN_FISCAL_YEAR', 'date', '2024-12-31');
  });

  it('refuses before the fiscal year is opened', () => {
    executionSpec().given().when(receipt('TBP-1', '1000')).thenRejects('FISCAL_YEAR_OPEN');
  });

  it('records a warning when cash on hand goes above the policy limit (warn mode)', () => {
    const events = executionSpec()
      .givenCommands(budget)
      .when(receipt('TBP-1', '9750000.01', { into: 'cashOnHand' }))
      .events();
    expect(events.map((event) => [event.type, event.data])).toEqual([
      ['RevenueReceived', expect.objectContaining({ receiptId: 'TBP-1' })],
      [
        'CashOnHandLimitExceeded',
        { entryId: 'TBP-1', date: '2025-01-10', balance: '10000000.01', limit: '10000000.00' },
      ],
    ]);
  });

  it('stays silent up to the limit', () => {
    executionSpec()
      .givenCommands(budget)
      .when(receipt('TBP-1', '9750000', { into: 'cashOnHand' }))
      .thenTypes('RevenueReceived');
  });
});

describe('RecordBankInterest', () => {
  it('books interest on the reference data’s interest account and the source whose revenue it is', () => {
    executionSpec()
      .givenCommands(budget)
      .when(
        by(
          KAUR,
          command('RecordBankInterest', {
            receiptId: 'BNG-01',
            date: '2025-01-31',
            amount: '12345.67',
            bankName: 'Bank Jatim',
            statementReference: 'RK 01/2025',
          }),
        ),
      )
      .then([
        {
          type: 'RevenueReceived',
          data: {
            receiptId: 'BNG-01',
            date: '2025-01-31',
            amount: '12345.67',
            account: '4.3.6.01',
            source: 'DLL',
            into: 'bank',
            payer: { name: 'Bank Jatim' },
            description: 'Bunga bank / bank interest RK 01/2025',
          },
        },
      ]);
  });
});

describe('DepositCashReceipts (STS)', () => {
  const cashReceipts = [
    ...budget,
    receipt('TBP-1', '300000', { into: 'cashOnHand', source: 'PAD', account: '4.1.1.01' }),
    receipt('TBP-2', '200000.50', { into: 'cashOnHand', source: 'PAD', account: '4.1.1.01' }),
  ];
  const deposit = (stsId: string, receiptIds: string[]) =>
    by(KAUR, command('DepositCashReceipts', { stsId, date: '2025-01-12', receiptIds }));

  it('moves the listed cash receipts from cash on hand to the bank', () => {
    const spec = executionSpec()
      .givenCommands(cashReceipts)
      .when(deposit('STS-1', ['TBP-1', 'TBP-2']));
    spec.then([
      {
        type: 'CashReceiptsDeposited',
        data: {
          stsId: 'STS-1',
          date: '2025-01-12',
          receiptIds: ['TBP-1', 'TBP-2'],
          amount: '500000.50',
        },
      },
    ]);
    const state = spec.thenState();
    expect(balanceOf(state.books, 'cash', 'cashOnHand').toFixed(2)).toBe('250000.00');
    expect(balanceOf(state.books, 'cash', 'bank').toFixed(2)).toBe('10250000.50');
  });

  it('refuses a receipt deposited already', () => {
    executionSpec()
      .givenCommands([...cashReceipts, deposit('STS-1', ['TBP-1'])])
      .when(deposit('STS-2', ['TBP-2', 'TBP-1']))
      .thenRejects('RECEIPT_DEPOSITABLE', 'receiptIds[1]', 'TBP-1');
  });

  it('refuses a bank receipt and an unknown number', () => {
    const spec = executionSpec().givenCommands([...cashReceipts, receipt('TBP-3', '1000')]);
    spec
      .when(deposit('STS-1', ['TBP-3']))
      .thenRejects('RECEIPT_DEPOSITABLE', 'receiptIds[0]', 'TBP-3');
    spec
      .when(deposit('STS-1', ['TBP-9']))
      .thenRejects('RECEIPT_DEPOSITABLE', 'receiptIds[0]', 'TBP-9');
  });
});
