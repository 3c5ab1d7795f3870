import { by, command } from '../support/decider-specification';
import {
  approveSpp,
  draftSpp,
  enactedExecutionBudget,
  evidenceOf,
  executionSpec,
  KAUR,
  paidSpp,
  paySpp,
  receipt,
} from '../support/village-fixtures';
import { balanceOf } from '../../src/domain/village/books';
import type { VillageState } from '../../src/domain/village/state';

const funded = [...enactedExecutionBudget(), receipt('TBP-DD1', '40000000', { source: 'DDS' })];
const road = (amount: string, taxes = ['PPh22', 'PPN']) => ({
  lineId: 's-road',
  source: 'DDS',
  amount,
  taxes,
});
const approvedRoad = (amount: string, taxes?: string[]) => [
  ...funded,
  draftSpp('SPP-1', 'LS', 'road', [road(amount, taxes)]),
  ...approveSpp('SPP-1'),
];
const balances = (state: VillageState) =>
  Object.fromEntries(
    (
      [
        ['cash', 'cashOnHand'],
        ['cash', 'bank'],
        ['source', 'DDS'],
        ['source', 'ADD'],
        ['line', 's-road'],
        ['line', 's-office'],
        ['tax', 'PPh22'],
        ['tax', 'PPN'],
        ['tax', 'PPh23'],
      ] as const
    ).map(([kind, id]) => [`${kind}:${id}`, balanceOf(state.books, kind, id).toFixed(2)]),
  );

describe('PayPaymentRequest', () => {
  it('pays an LS from the bank withholding PPh 22 and PPN above Rp 2,000,000', () => {
    const spec = executionSpec()
      .givenCommands(approvedRoad('2500000'))
      .when(paySpp('PAY-1', 'SPP-1'));
    const [paid] = spec.events();
    expect(paid?.type).toBe('PaymentRequestPaid');
    expect(paid?.data).toMatchObject({
      paymentId: 'PAY-1',
      sppId: 'SPP-1',
      kind: 'LS',
      from: 'bank',
      transferReference: 'TRF/PAY-1',
      gross: '2500000.00',
      withheld: '312500.00',
      net: '2187500.00',
      withholdings: [
        {
          lineId: 's-road',
          tax: 'PPh22',
          base: '2500000.00',
          ratePercent: '1.5',
          amount: '37500.00',
          pfkAccount: '7.1.1.03',
        },
        {
          lineId: 's-road',
          tax: 'PPN',
          base: '2500000.00',
          ratePercent: '11',
          amount: '275000.00',
          pfkAccount: '7.1.1.01',
        },
      ],
    });
    expect(balances(spec.thenState())).toMatchObject({
      'cash:bank': '47562500.00',
      'source:DDS': '47500000.00',
      'line:s-road': '2500000.00',
      'tax:PPh22': '37500.00',
      'tax:PPN': '275000.00',
    });
    expect(spec.thenState().paymentRequests.get('SPP-1')?.status).toBe('paid');
  });

  it('withholds nothing at or below the threshold', () => {
    const [paid] = executionSpec()
      .givenCommands(approvedRoad('2000000'))
      .when(paySpp('PAY-1', 'SPP-1'))
      .events();
    expect(paid?.data).toMatchObject({ withholdings: [], withheld: '0.00', net: '2000000.00' });
  });

  it('withholds PPh 23 without threshold, rounded down to whole rupiah', () => {
    const [paid] = executionSpec()
      .givenCommands(approvedRoad('1234567', ['PPh23']))
      .when(paySpp('PAY-1', 'SPP-1'))
      .events();
    expect(paid?.data).toMatchObject({ withheld: '24691.00', net: '1209876.00' });
  });

  it('takes an override with its recorded reason', () => {
    const [paid] = executionSpec()
      .givenCommands(approvedRoad('2500000'))
      .when(
        paySpp('PAY-1', 'SPP-1', {
          taxOverrides: [
            { lineId: 's-road', tax: 'PPN', amount: '0', reason: 'Penyedia bukan PKP' },
          ],
        }),
      )
      .events();
    expect(paid?.data).toMatchObject({
      withheld: '37500.00',
      withholdings: [
        { tax: 'PPh22', amount: '37500.00' },
        { tax: 'PPN', amount: '0.00', overrideReason: 'Penyedia bukan PKP' },
      ],
    });
  });

  it('refuses an override of a tax the line does not name, or above the base', () => {
    const spec = executionSpec().givenCommands(approvedRoad('2500000'));
    spec
      .when(
        paySpp('PAY-1', 'SPP-1', {
          taxOverrides: [{ lineId: 's-road', tax: 'PPh23', amount: '1', reason: 'x' }],
        }),
      )
      .thenRejects('TAX_OVERRIDE_TARGET', 'taxOverrides[0]', 's-road/PPh23');
    spec
      .when(
        paySpp('PAY-1', 'SPP-1', {
          taxOverrides: [{ lineId: 's-road', tax: 'PPN', amount: '2500000', reason: 'x' }],
        }),
      )
      .thenRejects('TAX_OVERRIDE_TARGET', 'taxOverrides[0]', 's-road/PPN');
  });

  it('pays an SPP once', () => {
    executionSpec()
      .givenCommands([...approvedRoad('2500000'), paySpp('PAY-1', 'SPP-1')])
      .when(paySpp('PAY-2', 'SPP-1'))
      .thenRejects('PAYMENT_REQUEST_PAID_ONCE', 'sppId', 'SPP-1');
  });

  it('refuses to pay an SPP not approved', () => {
    executionSpec()
      .givenCommands([...funded, draftSpp('SPP-1', 'LS', 'road', [road('1000')])])
      .when(paySpp('PAY-1', 'SPP-1'))
      .thenRejects('PAYMENT_REQUEST_STATUS', 'status', 'drafted');
  });

  it('refuses a bank transfer without its reference', () => {
    const raw = paySpp('PAY-1', 'SPP-1');
    delete (raw.payload as { transferReference?: string }).transferReference;
    executionSpec()
      .givenCommands(approvedRoad('1000'))
      .when(raw)
      .thenRejects('COMMAND_SCHEMA', 'payload.transferReference');
  });

  it('refuses spending more than the source has brought in (fund restriction)', () => {
    const history = [...enactedExecutionBudget(), receipt('TBP-ADD', '20000000')];
    executionSpec()
      .givenCommands([
        ...history,
        draftSpp('SPP-1', 'LS', 'road', [road('10000000.01', [])]),
        ...approveSpp('SPP-1'),
      ])
      .when(paySpp('PAY-1', 'SPP-1'))
      .thenRejects('FUND_RESTRICTION', 'source', 'DDS');
  });

  it('refuses to take the bank or cash on hand below zero', () => {
    executionSpec()
      .givenCommands([
        ...funded,
        draftSpp('SPP-1', 'LS', 'road', [road('300000', [])]),
        ...approveSpp('SPP-1'),
      ])
      .when(paySpp('PAY-1', 'SPP-1', { from: 'cashOnHand' }))
      .thenRejects('CASH_NOT_NEGATIVE', 'account', 'cashOnHand');
  });

  it('refuses a payment beyond what is left on the line in the version in force', () => {
    const history = [
      ...enactedExecutionBudget(),
      receipt('TBP-ADD', '10000000'),
      ...paidSpp('SPP-1', 'LS', 'office', [
        { lineId: 's-office', source: 'ADD', amount: '4000000' },
      ]),
      draftSpp('SPP-2', 'LS', 'office', [{ lineId: 's-office', source: 'ADD', amount: '2000000' }]),
      draftSpp('SPP-3', 'LS', 'office', [{ lineId: 's-office', source: 'ADD', amount: '2000000' }]),
      ...approveSpp('SPP-2'),
      ...approveSpp('SPP-3'),
      paySpp('PAY-2', 'SPP-2'),
    ];
    executionSpec()
      .givenCommands(history)
      .when(paySpp('PAY-3', 'SPP-3'))
      .thenRejects('BUDGET_LINE_AVAILABLE', 'lineId', 's-office');
  });

  it('refuses a payment number already used', () => {
    executionSpec()
      .givenCommands([...approvedRoad('1000'), receipt('X-1', '1000')])
      .when(paySpp('X-1', 'SPP-1'))
      .thenRejects('ENTRY_ID_UNIQUE', 'entryId', 'X-1');
  });

  it('pays a PBY from its financing expenditure line', () => {
    const state = executionSpec()
      .givenCommands([
        ...enactedExecutionBudget(),
        receipt('TBP-ADD', '10000000'),
        draftSpp('SPP-1', 'PBY', undefined, [
          { lineId: 'f-bumdes', source: 'ADD', amount: '5400000' },
        ]),
        ...approveSpp('SPP-1'),
      ])
      .when(paySpp('PAY-1', 'SPP-1'))
      .thenState();
    expect(balanceOf(state.books, 'line', 'f-bumdes').toFixed(2)).toBe('5400000.00');
    expect(balanceOf(state.books, 'source', 'ADD').toFixed(2)).toBe('4600000.00');
  });
});

const withdraw = (mutationId: string, amount: string, date = '2025-02-01') =>
  by(
    KAUR,
    command('RecordCashMutation', {
      mutationId,
      date,
      from: 'bank',
      to: 'cashOnHand',
      amount,
      description: 'Penarikan tunai untuk panjar',
    }),
  );

describe('AccountPanjar (SPJ)', () => {
  const advanced = [
    ...funded,
    receipt('TBP-ADD', '10000000'),
    withdraw('MUT-1', '5000000'),
    ...paidSpp(
      'UM-1',
      'UM',
      'office',
      [{ lineId: 's-office', source: 'ADD', amount: '3000000' }],
      'cashOnHand',
    ),
  ];
  const spj = (spjId: string, evidence: object[], taxOverrides: object[] = []) =>
    by(
      KAUR,
      command('AccountPanjar', {
        spjId,
        sppId: 'UM-1',
        date: '2025-02-12',
        returnTo: 'cashOnHand',
        lines: [{ lineId: 's-office', evidence }],
        taxOverrides,
      }),
    );
  const bill = (receiptNumber: string, amount: string, taxes: string[] = []) => ({
    ...evidenceOf(receiptNumber, '2025-02-10'),
    amount,
    taxes,
  });

  it('gives the panjar out as spending from its source and line', () => {
    const state = executionSpec()
      .givenCommands(advanced.slice(0, -1))
      .when(advanced.at(-1)!)
      .thenState();
    expect(state.paymentRequests.get('UM-1')?.status).toBe('advanced');
    expect(balances(state)).toMatchObject({
      'cash:cashOnHand': '2250000.00',
      'source:ADD': '7000000.00',
      'line:s-office': '3000000.00',
    });
  });

  it('accounts with evidence, taxes on the evidence, and returns remainder plus withheld tax', () => {
    const spec = executionSpec()
      .givenCommands(advanced)
      .when(
        spj('SPJ-1', [
          bill('NOTA-1', '2200000', ['PPh22', 'PPN']),
          bill('NOTA-2', '500000', ['PPh23']),
        ]),
      );
    const [accounted] = spec.events();
    expect(accounted?.data).toMatchObject({
      spjId: 'SPJ-1',
      paymentId: 'PAY/UM-1',
      lines: [
        { lineId: 's-office', advanced: '3000000.00', spent: '2700000.00', remainder: '300000.00' },
      ],
      withholdings: [
        { receiptNumber: 'NOTA-1', tax: 'PPh22', amount: '33000.00' },
        { receiptNumber: 'NOTA-1', tax: 'PPN', amount: '242000.00' },
        { receiptNumber: 'NOTA-2', tax: 'PPh23', amount: '10000.00' },
      ],
      returned: '585000.00',
    });
    const state = spec.thenState();
    expect(state.paymentRequests.get('UM-1')?.status).toBe('closed');
    expect(balances(state)).toMatchObject({
      'cash:cashOnHand': '2835000.00',
      'source:ADD': '7300000.00',
      'line:s-office': '2700000.00',
      'tax:PPh22': '33000.00',
      'tax:PPN': '242000.00',
      'tax:PPh23': '10000.00',
    });
  });

  it('accounts a panjar once', () => {
    executionSpec()
      .givenCommands([...advanced, spj('SPJ-1', [bill('NOTA-1', '3000000')])])
      .when(spj('SPJ-2', []))
      .thenRejects('PANJAR_ACCOUNTED_ONCE', 'sppId', 'UM-1');
  });

  it('refuses evidence above the panjar given for the line', () => {
    executionSpec()
      .givenCommands(advanced)
      .when(spj('SPJ-1', [bill('NOTA-1', '2000000'), bill('NOTA-2', '1000000.01')]))
      .thenRejects('PANJAR_WITHIN_ADVANCE', 'lines.lineId', 's-office');
  });

  it('refuses an SPJ for an LS, and before the panjar is paid', () => {
    executionSpec()
      .givenCommands([...approvedRoad('1000'), paySpp('PAY-1', 'SPP-1')])
      .when(
        by(
          KAUR,
          command('AccountPanjar', {
            spjId: 'S',
            sppId: 'SPP-1',
            date: '2025-02-12',
            returnTo: 'bank',
            lines: [],
          }),
        ),
      )
      .thenRejects('PAYMENT_REQUEST_KIND', 'sppId', 'SPP-1');
    executionSpec()
      .givenCommands(advanced.slice(0, -1))
      .when(spj('SPJ-1', []))
      .thenRejects('PAYMENT_REQUEST_STATUS', 'status', 'approved');
  });

  it('refuses a line that is not the panjar’s', () => {
    executionSpec()
      .givenCommands(advanced)
      .when(
        by(
          KAUR,
          command('AccountPanjar', {
            spjId: 'S',
            sppId: 'UM-1',
            date: '2025-02-12',
            returnTo: 'bank',
            lines: [{ lineId: 's-road', evidence: [] }],
          }),
        ),
      )
      .thenRejects('PAYMENT_LINE_OF_REQUEST', 'lines[0].lineId', 's-road');
  });
});
