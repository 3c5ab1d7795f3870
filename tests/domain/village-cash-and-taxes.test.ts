import { villageCommandSchemas } from '../../src/domain/village/commands';
import { villageDecider } from '../../src/domain/village/decider';
import { balanceOf } from '../../src/domain/village/books';
import { addWorkingDays, isWorkingDay, taxDueDate } from '../../src/domain/village/calendar';
import { overduePanjar } from '../../src/domain/village/monitoring';
import { by, command, deciderSpecification } from '../support/decider-specification';
import {
  approveSpp,
  draftSpp,
  enactedExecutionBudget,
  executionSpec,
  KAUR,
  paidSpp,
  paySpp,
  receipt,
  reference,
  TRANSFERS,
  villageContext,
} from '../support/village-fixtures';

const budget = enactedExecutionBudget();
const funded = [
  ...budget,
  receipt('TBP-DD1', '40000000', { source: 'DDS' }),
  receipt('TBP-ADD', '10000000'),
];
const withTaxes = [
  ...funded,
  draftSpp('SPP-1', 'LS', 'road', [
    { lineId: 's-road', source: 'DDS', amount: '2500000', taxes: ['PPh22', 'PPN'] },
  ]),
  ...approveSpp('SPP-1'),
  paySpp('PAY-1', 'SPP-1'),
];
const mutation = (
  mutationId: string,
  from: string,
  to: string,
  amount: string,
  date = '2025-02-01',
) =>
  by(
    KAUR,
    command('RecordCashMutation', {
      mutationId,
      date,
      from,
      to,
      amount,
      description: 'Mutasi kas',
    }),
  );
const deposit = (depositId: string, tax: string, amount: string, from = 'bank') =>
  by(
    KAUR,
    command('DepositTax', {
      depositId,
      tax,
      date: '2025-03-10',
      amount,
      from,
      billingCode: '123456789012345',
      ntpn: 'A1B2C3D4E5F6G7H8',
    }),
  );
const bankFee = (feeId: string, lineId: string, amount = '15000') =>
  by(
    KAUR,
    command('RecordBankFee', {
      feeId,
      date: '2025-01-31',
      amount,
      lineId,
      statementReference: 'RK 01/2025',
    }),
  );

describe('DepositTax', () => {
  it('deposits withheld tax with billing code and NTPN, lowering the tax payable', () => {
    const spec = executionSpec()
      .givenCommands(withTaxes)
      .when(deposit('SSP-1', 'PPN', '275000'));
    spec.thenTypes('TaxDeposited');
    const state = spec.thenState();
    expect(balanceOf(state.books, 'tax', 'PPN').toFixed(2)).toBe('0.00');
    expect(balanceOf(state.books, 'tax', 'PPh22').toFixed(2)).toBe('37500.00');
    expect(balanceOf(state.books, 'cash', 'bank').toFixed(2)).toBe('57287500.00');
  });

  it('refuses a deposit above the tax payable', () => {
    executionSpec()
      .givenCommands(withTaxes)
      .when(deposit('SSP-1', 'PPh22', '37500.01'))
      .thenRejects('TAX_WITHIN_PAYABLE', 'tax', 'PPh22');
  });

  it('refuses an unknown tax and a malformed NTPN', () => {
    executionSpec()
      .givenCommands(withTaxes)
      .when(deposit('SSP-1', 'PPh99', '1'))
      .thenRejects('TAX_KNOWN', 'tax', 'PPh99');
    const raw = deposit('SSP-1', 'PPN', '1');
    (raw.payload as { ntpn: string }).ntpn = 'short';
    executionSpec()
      .givenCommands(withTaxes)
      .when(raw)
      .thenRejects('COMMAND_SCHEMA', 'payload.ntpn');
  });
});

describe('RecordCashMutation', () => {
  it('moves money between bank and cash on hand', () => {
    const state = executionSpec()
      .givenCommands(funded)
      .when(mutation('MUT-1', 'bank', 'cashOnHand', '2000000'))
      .thenState();
    expect(balanceOf(state.books, 'cash', 'cashOnHand').toFixed(2)).toBe('2250000.00');
    expect(balanceOf(state.books, 'cash', 'bank').toFixed(2)).toBe('57750000.00');
  });

  it('refuses to move more than the account holds', () => {
    executionSpec()
      .givenCommands(funded)
      .when(mutation('MUT-1', 'cashOnHand', 'bank', '250000.01'))
      .thenRejects('CASH_NOT_NEGATIVE', 'account', 'cashOnHand');
  });

  it('refuses a mutation within one account', () => {
    executionSpec()
      .givenCommands(funded)
      .when(mutation('MUT-1', 'bank', 'bank', '1'))
      .thenRejects('COMMAND_SCHEMA', 'payload.to');
  });

  it('in block mode refuses cash on hand above the limit', () => {
    const blocking = {
      ...villageContext(undefined, TRANSFERS),
      reference: {
        ...reference,
        policy: {
          ...reference.policy,
          cashOnHandLimit: { amount: '5000000.00', mode: 'block' as const },
        },
      },
    };
    const spec = deciderSpecification(
      villageDecider,
      villageCommandSchemas,
      blocking,
    ).givenCommands(funded);
    spec.when(mutation('MUT-1', 'bank', 'cashOnHand', '4750000')).thenTypes('CashMutated');
    spec
      .when(mutation('MUT-1', 'bank', 'cashOnHand', '4750000.01'))
      .thenRejects('CASH_ON_HAND_LIMIT', 'cashOnHand', '5000000.01');
  });

  it('in warn mode records the breach next to the mutation', () => {
    executionSpec()
      .givenCommands(funded)
      .when(mutation('MUT-1', 'bank', 'cashOnHand', '20000000'))
      .thenTypes('CashMutated', 'CashOnHandLimitExceeded');
  });
});

describe('RecordBankFee', () => {
  it('charges the bank as spending on the bank-fee line of its source', () => {
    const spec = executionSpec().givenCommands(funded).when(bankFee('ADM-01', 's-bankfee'));
    spec.then([
      {
        type: 'BankFeeCharged',
        data: {
          feeId: 'ADM-01',
          date: '2025-01-31',
          amount: '15000.00',
          lineId: 's-bankfee',
          statementReference: 'RK 01/2025',
          account: '5.2.5.90',
          source: 'ADD',
        },
      },
    ]);
    expect(balanceOf(spec.thenState().books, 'line', 's-bankfee').toFixed(2)).toBe('15000.00');
  });

  it('refuses a line that is not on the bank-fee account, and above the line', () => {
    executionSpec()
      .givenCommands(funded)
      .when(bankFee('ADM-01', 's-office'))
      .thenRejects('ACCOUNT_ROLE', 'lineId', 's-office');
    executionSpec()
      .givenCommands(funded)
      .when(bankFee('ADM-01', 's-bankfee', '600000.01'))
      .thenRejects('BUDGET_LINE_AVAILABLE', 'lineId', 's-bankfee');
  });
});

describe('working-day calendar and monitoring', () => {
  const { policy } = reference;

  it('knows weekends and the policy holidays', () => {
    expect(isWorkingDay(policy, '2025-03-28')).toBe(true);
    expect(isWorkingDay(policy, '2025-03-29')).toBe(false);
    expect(isWorkingDay(policy, '2025-03-31')).toBe(false);
    expect(addWorkingDays(policy, '2025-03-27', 3)).toBe('2025-04-03');
  });

  it('puts the tax deposit on the 15th of next month, or the next working day', () => {
    expect(taxDueDate(policy, '2025-01-20')).toBe('2025-02-17');
    expect(taxDueDate(policy, '2025-04-02')).toBe('2025-05-15');
    expect(taxDueDate(policy, '2025-12-30')).toBe('2026-01-15');
  });

  it('shows a panjar not accounted within 10 working days, without refusing anything', () => {
    const state = executionSpec()
      .givenCommands([
        ...funded,
        mutation('MUT-1', 'bank', 'cashOnHand', '2000000'),
        ...paidSpp(
          'UM-1',
          'UM',
          'office',
          [{ lineId: 's-office', source: 'ADD', amount: '1000000' }],
          'cashOnHand',
        ),
      ])
      .when(receipt('TBP-9', '1000', { date: '2025-03-01' }))
      .thenState();
    expect(overduePanjar(state, policy, '2025-02-19')).toEqual([]);
    expect(overduePanjar(state, policy, '2025-02-20')).toEqual([
      {
        sppId: 'UM-1',
        paymentId: 'PAY/UM-1',
        paidOn: '2025-02-05',
        dueOn: '2025-02-19',
        amount: '1000000.00',
      },
    ]);
  });
});
