import { by, command } from '../support/decider-specification';
import {
  approveSpp,
  draftSpp,
  enactedExecutionBudget,
  executionSpec,
  KADES,
  openYear,
  activity,
  PKA,
  receipt,
  smallDraft,
  paySpp,
} from '../support/village-fixtures';

const budget = enactedExecutionBudget();
const roadLine = { lineId: 's-road', source: 'DDS', amount: '2500000', taxes: ['PPh22', 'PPN'] };
const submit = (sppId: string) =>
  by(PKA, command('SubmitPaymentRequest', { sppId, date: '2025-02-04' }));
const verify = (sppId: string, outcome = 'verified', reasons: string[] = []) =>
  command('VerifyPaymentRequest', { sppId, date: '2025-02-04', outcome, reasons });
const approve = (sppId: string, outcome = 'approved', reasons: string[] = []) =>
  by(KADES, command('ApprovePaymentRequest', { sppId, date: '2025-02-04', outcome, reasons }));

describe('DraftPaymentRequest', () => {
  it('drafts an LS with evidence, the budget account per line and the total', () => {
    const [event] = executionSpec()
      .givenCommands(budget)
      .when(draftSpp('SPP-1', 'LS', 'road', [roadLine]))
      .events();
    expect(event).toMatchObject({
      type: 'PaymentRequestDrafted',
      data: {
        sppId: 'SPP-1',
        kind: 'LS',
        activityId: 'road',
        total: '2500000.00',
        lines: [
          {
            lineId: 's-road',
            source: 'DDS',
            account: '5.3.5.03',
            amount: '2500000.00',
            taxes: ['PPh22', 'PPN'],
            evidence: { receiptNumber: 'BKT/SPP-1/s-road', npwp: '012345678901234' },
          },
        ],
      },
      metadata: { actor: PKA },
    });
  });

  it('drafts a panjar (UM) without evidence and a pembiayaan (PBY) without activity', () => {
    const spec = executionSpec().givenCommands(budget);
    spec
      .when(
        draftSpp('SPP-1', 'UM', 'office', [
          { lineId: 's-office', source: 'ADD', amount: '1000000' },
        ]),
      )
      .thenTypes('PaymentRequestDrafted');
    spec
      .when(
        draftSpp('SPP-2', 'PBY', undefined, [
          { lineId: 'f-bumdes', source: 'ADD', amount: '5400000' },
        ]),
      )
      .thenTypes('PaymentRequestDrafted');
  });

  it('may redraft a returned SPP, not a submitted one', () => {
    const history = [...budget, draftSpp('SPP-1', 'LS', 'road', [roadLine]), submit('SPP-1')];
    executionSpec()
      .givenCommands([...history, verify('SPP-1', 'returned', ['NPWP salah'])])
      .when(draftSpp('SPP-1', 'LS', 'road', [roadLine]))
      .thenTypes('PaymentRequestDrafted');
    executionSpec()
      .givenCommands(history)
      .when(draftSpp('SPP-1', 'LS', 'road', [roadLine]))
      .thenRejects('PAYMENT_REQUEST_ID_UNIQUE', 'sppId', 'SPP-1');
  });

  it.each([
    [
      'a UM with evidence',
      () => ({
        ...draftSpp('X', 'LS', 'office', [{ lineId: 's-office', source: 'ADD', amount: '1' }]),
        type: 'DraftPaymentRequest',
      }),
      'UM',
      'lines[0].evidence',
    ],
    [
      'an LS without evidence',
      () => draftSpp('X', 'UM', 'office', [{ lineId: 's-office', source: 'ADD', amount: '1' }]),
      'LS',
      'lines[0].evidence',
    ],
    [
      'a UM with taxes',
      () =>
        draftSpp('X', 'UM', 'office', [
          { lineId: 's-office', source: 'ADD', amount: '1', taxes: ['PPh23'] },
        ]),
      'UM',
      'lines[0].taxes',
    ],
    [
      'a PBY with an activity',
      () => draftSpp('X', 'PBY', 'office', [{ lineId: 'f-bumdes', source: 'ADD', amount: '1' }]),
      'PBY',
      'activityId',
    ],
    [
      'an LS without an activity',
      () => draftSpp('X', 'LS', undefined, [{ lineId: 's-office', source: 'ADD', amount: '1' }]),
      'LS',
      'activityId',
    ],
  ])('refuses %s', (_case, build, kind, field) => {
    const raw = build();
    (raw.payload as { kind: string }).kind = kind;
    executionSpec().givenCommands(budget).when(raw).thenRejects('PAYMENT_REQUEST_KIND', field);
  });

  it('refuses a line of another activity, and a spending line on a PBY', () => {
    const spec = executionSpec().givenCommands(budget);
    spec
      .when(draftSpp('X', 'LS', 'office', [roadLine]))
      .thenRejects('PAYMENT_LINE_OF_REQUEST', 'lines[0].lineId', 's-road');
    spec
      .when(draftSpp('X', 'PBY', undefined, [{ lineId: 's-office', source: 'ADD', amount: '1' }]))
      .thenRejects('PAYMENT_LINE_OF_REQUEST', 'lines[0].lineId', 's-office');
  });

  it('refuses Dana Desa money on a line that is not a Dana Desa line', () => {
    executionSpec()
      .givenCommands(budget)
      .when(draftSpp('X', 'LS', 'office', [{ lineId: 's-office', source: 'DDS', amount: '1' }]))
      .thenRejects('PAYMENT_SOURCE_MATCHES_LINE', 'lines[0].source', 'DDS');
  });

  it('refuses an unknown line and an unknown tax', () => {
    const spec = executionSpec().givenCommands(budget);
    spec
      .when(draftSpp('X', 'LS', 'road', [{ ...roadLine, lineId: 'nope' }]))
      .thenRejects('LINE_KNOWN', 'lines[0].lineId', 'nope');
    spec
      .when(draftSpp('X', 'LS', 'road', [{ ...roadLine, taxes: ['PPh22', 'PPh99'] }]))
      .thenRejects('TAX_KNOWN', 'lines[0].taxes[1]', 'PPh99');
  });

  it('refuses more than is left on the line (Pasal 53)', () => {
    executionSpec()
      .givenCommands(budget)
      .when(
        draftSpp('X', 'LS', 'office', [
          { lineId: 's-office', source: 'ADD', amount: '6000000.01' },
        ]),
      )
      .thenRejects('BUDGET_LINE_AVAILABLE', 'lineId', 's-office');
  });

  it('before enactment, allows the operational kegiatan of the policy and refuses the rest', () => {
    const draftOnly = smallDraft();
    const spec = executionSpec().givenCommands(draftOnly);
    spec
      .when(
        draftSpp(
          'X',
          'LS',
          'siltap',
          [{ lineId: 's-siltap', source: 'ADD', amount: '5000000' }],
          '2025-01-20',
        ),
      )
      .thenTypes('PaymentRequestDrafted');
    spec
      .when(
        draftSpp(
          'X',
          'LS',
          'road',
          [{ lineId: 's-road', source: 'DDS', amount: '5000000' }],
          '2025-01-20',
        ),
      )
      .thenRejects('PAYMENT_BEFORE_ENACTMENT', 'lineId', 's-road');
  });

  it('refuses before the fiscal year is opened', () => {
    executionSpec()
      .given()
      .when(draftSpp('X', 'LS', 'road', [roadLine]))
      .thenRejects('FISCAL_YEAR_OPEN');
  });

  it('refuses a line unknown while nothing is drafted', () => {
    executionSpec()
      .givenCommands([openYear(), activity('road', '02.03.10', 'DDS')])
      .when(draftSpp('X', 'LS', 'road', [roadLine]))
      .thenRejects('LINE_KNOWN', 'lines[0].lineId', 's-road');
  });
});

describe('SubmitPaymentRequest', () => {
  it('submits a drafted SPP', () => {
    executionSpec()
      .givenCommands([...budget, draftSpp('SPP-1', 'LS', 'road', [roadLine])])
      .when(submit('SPP-1'))
      .then([{ type: 'PaymentRequestSubmitted', data: { sppId: 'SPP-1', date: '2025-02-04' } }]);
  });

  it('refuses an unknown SPP and one submitted already', () => {
    executionSpec()
      .givenCommands(budget)
      .when(submit('SPP-9'))
      .thenRejects('PAYMENT_REQUEST_KNOWN', 'sppId', 'SPP-9');
    executionSpec()
      .givenCommands([...budget, draftSpp('SPP-1', 'LS', 'road', [roadLine]), submit('SPP-1')])
      .when(submit('SPP-1'))
      .thenRejects('PAYMENT_REQUEST_STATUS', 'status', 'submitted');
  });
});

describe('VerifyPaymentRequest', () => {
  const submitted = [...budget, draftSpp('SPP-1', 'LS', 'road', [roadLine]), submit('SPP-1')];

  it('records who verified', () => {
    executionSpec()
      .givenCommands(submitted)
      .when(verify('SPP-1'))
      .then([
        {
          type: 'PaymentRequestVerified',
          data: { sppId: 'SPP-1', date: '2025-02-04', verifiedBy: 'u-sekdes' },
        },
      ]);
  });

  it('returns with reasons, after which the PKA can submit again', () => {
    const state = executionSpec()
      .givenCommands(submitted)
      .when(verify('SPP-1', 'returned', ['Kuitansi belum bermeterai']))
      .thenState();
    expect(state.paymentRequests.get('SPP-1')).toMatchObject({
      status: 'returned',
      reasons: ['Kuitansi belum bermeterai'],
    });
    executionSpec()
      .givenCommands([...submitted, verify('SPP-1', 'returned', ['x'])])
      .when(submit('SPP-1'))
      .thenTypes('PaymentRequestSubmitted');
  });

  it('refuses a return without reasons, and a draft never submitted', () => {
    executionSpec()
      .givenCommands(submitted)
      .when(verify('SPP-1', 'returned'))
      .thenRejects('RETURN_REASONS', 'reasons');
    executionSpec()
      .givenCommands([...budget, draftSpp('SPP-1', 'LS', 'road', [roadLine])])
      .when(verify('SPP-1'))
      .thenRejects('PAYMENT_REQUEST_STATUS', 'status', 'drafted');
  });
});

describe('ApprovePaymentRequest', () => {
  const verified = [
    ...budget,
    draftSpp('SPP-1', 'LS', 'road', [roadLine]),
    submit('SPP-1'),
    verify('SPP-1'),
  ];

  it('records who approved', () => {
    executionSpec()
      .givenCommands(verified)
      .when(approve('SPP-1'))
      .then([
        {
          type: 'PaymentRequestApproved',
          data: { sppId: 'SPP-1', date: '2025-02-04', approvedBy: 'u-kades' },
        },
      ]);
  });

  it('refuses approval by the person who verified', () => {
    executionSpec()
      .givenCommands(verified)
      .when(
        command('ApprovePaymentRequest', {
          sppId: 'SPP-1',
          date: '2025-02-04',
          outcome: 'approved',
          reasons: [],
        }),
      )
      .thenRejects('VERIFIER_NOT_APPROVER', 'actor.id', 'u-sekdes');
  });

  it('rejects with reasons, for good', () => {
    const spec = executionSpec().givenCommands([
      ...verified,
      approve('SPP-1', 'rejected', ['Tidak sesuai RAB']),
    ]);
    spec.when(submit('SPP-1')).thenRejects('PAYMENT_REQUEST_STATUS', 'status', 'rejected');
    spec.when(paySpp('P-1', 'SPP-1')).thenRejects('PAYMENT_REQUEST_STATUS', 'status', 'rejected');
    executionSpec()
      .givenCommands(verified)
      .when(approve('SPP-1', 'rejected'))
      .thenRejects('RETURN_REASONS', 'reasons');
  });

  it('refuses before verification', () => {
    executionSpec()
      .givenCommands([...budget, draftSpp('SPP-1', 'LS', 'road', [roadLine]), submit('SPP-1')])
      .when(approve('SPP-1'))
      .thenRejects('PAYMENT_REQUEST_STATUS', 'status', 'submitted');
  });

  it('the full chain leaves the SPP approved', () => {
    const state = executionSpec()
      .givenCommands([
        ...budget,
        receipt('TBP-1', '1000'),
        draftSpp('SPP-1', 'LS', 'road', [roadLine]),
        ...approveSpp('SPP-1').slice(0, 2),
      ])
      .when(approve('SPP-1'))
      .thenState();
    expect(state.paymentRequests.get('SPP-1')).toMatchObject({
      status: 'approved',
      verifiedBy: 'u-sekdes',
    });
  });
});
