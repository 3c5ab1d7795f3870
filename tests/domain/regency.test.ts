import { command } from '../support/decider-specification';
import { regencySpec, VILLAGE } from '../support/village-fixtures';

const open = () => command('OpenRegencyFiscalYear', {});
const perbup = { document: 'Perbup', number: '5 Tahun 2025', date: '2025-01-10' };
const allocate = (source: string, amount: string, villageCode = VILLAGE, legalReference = perbup) =>
  command('SetAllocation', { villageCode, source, amount, legalReference });
const stages = (
  earmarks: { earmark: string; amount: string }[],
  villageCode = VILLAGE,
  source = 'DDS',
) => command('PlanDanaDesaStages', { villageCode, source, earmarks });
const transfer = (source: string, stage: number, amount: string, villageCode = VILLAGE) =>
  command('SendTransfer', {
    villageCode,
    source,
    stage,
    amount,
    date: '2025-04-15',
    reference: 'SP2D 00123/LS/2025',
  });

const ddSplit = [
  { earmark: 'non-earmarked', amount: '800000000' },
  { earmark: 'food-security', amount: '230000000' },
  { earmark: 'blt', amount: '120000000.01' },
];

describe('OpenRegencyFiscalYear', () => {
  it('opens the regency year', () => {
    regencySpec()
      .given()
      .when(open())
      .then([
        { type: 'RegencyFiscalYearOpened', data: { regencyCode: '35.10', fiscalYear: 2025 } },
      ]);
  });

  it('refuses opening twice and commands before opening', () => {
    regencySpec()
      .givenCommands([open()])
      .when(open())
      .thenRejects('FISCAL_YEAR_ALREADY_OPEN', 'fiscalYear', '2025');
    regencySpec()
      .given()
      .when(allocate('DDS', '1'))
      .thenRejects('FISCAL_YEAR_OPEN', 'fiscalYear', '2025');
  });
});

describe('SetAllocation', () => {
  it('sets a pagu with its legal reference, then revises it', () => {
    const spec = regencySpec();
    spec
      .givenCommands([open()])
      .when(allocate('DDS', '1150000000'))
      .then([
        {
          type: 'AllocationSet',
          data: {
            villageCode: VILLAGE,
            source: 'DDS',
            amount: '1150000000.00',
            legalReference: perbup,
          },
        },
      ]);
    const revision = { document: 'Perbup', number: '19 Tahun 2025', date: '2025-06-02' };
    spec
      .givenCommands([open(), allocate('DDS', '1150000000')])
      .when(allocate('DDS', '1150000000.01', VILLAGE, revision))
      .then([
        {
          type: 'AllocationRevised',
          data: {
            villageCode: VILLAGE,
            source: 'DDS',
            amount: '1150000000.01',
            legalReference: revision,
            previousAmount: '1150000000.00',
          },
        },
      ]);
  });

  it.each([
    [
      'an unknown village',
      allocate('DDS', '1', '35.10.09.2001'),
      'REGION_KNOWN',
      'villageCode',
      '35.10.09.2001',
    ],
    ['an unknown source', allocate('DD', '1'), 'FUND_SOURCE_KNOWN', 'source', 'DD'],
    [
      'a source the regency does not allocate',
      allocate('PAD', '1'),
      'SOURCE_ALLOCATABLE',
      'source',
      'PAD',
    ],
  ] as const)('refuses %s', (_case, cmd, rule, field, value) => {
    regencySpec().givenCommands([open()]).when(cmd).thenRejects(rule, field, value);
  });

  it('refuses revising a pagu below what was already transferred', () => {
    regencySpec()
      .givenCommands([open(), allocate('ADD', '830000000'), transfer('ADD', 1, '200000000')])
      .when(allocate('ADD', '199999999.99'))
      .thenRejects('ALLOCATION_NOT_BELOW_TRANSFERRED', 'amount', '199999999.99');
  });
});

describe('PlanDanaDesaStages', () => {
  it('splits each earmark by the policy of the village status (berkembang: non-earmark 40/60, earmarked 60/40)', () => {
    regencySpec()
      .givenCommands([open(), allocate('DDS', '1150000000.01')])
      .when(stages(ddSplit))
      .then([
        {
          type: 'DanaDesaStagesPlanned',
          data: {
            villageCode: VILLAGE,
            source: 'DDS',
            villageStatus: 'berkembang',
            stages: [
              { stage: 1, earmark: 'non-earmarked', percent: '40', amount: '320000000.00' },
              { stage: 2, earmark: 'non-earmarked', percent: '60', amount: '480000000.00' },
              { stage: 1, earmark: 'food-security', percent: '60', amount: '138000000.00' },
              { stage: 2, earmark: 'food-security', percent: '40', amount: '92000000.00' },
              { stage: 1, earmark: 'blt', percent: '60', amount: '72000000.00' },
              { stage: 2, earmark: 'blt', percent: '40', amount: '48000000.01' },
            ],
          },
        },
      ]);
  });

  it('uses the desa mandiri split (60/40 non-earmarked) from the policy data', () => {
    const mandiri = '35.10.01.2003';
    const [event] = regencySpec()
      .givenCommands([open(), allocate('DDS', '1000', mandiri)])
      .when(stages([{ earmark: 'non-earmarked', amount: '1000' }], mandiri))
      .events();
    expect(event?.data).toMatchObject({
      villageStatus: 'mandiri',
      stages: [
        { stage: 1, percent: '60', amount: '600.00' },
        { stage: 2, percent: '40', amount: '400.00' },
      ],
    });
  });

  it('refuses a split that does not add up to the allocation', () => {
    regencySpec()
      .givenCommands([open(), allocate('DDS', '1150000000')])
      .when(stages(ddSplit))
      .thenRejects('STAGE_PLAN_MATCHES_ALLOCATION', 'earmarks', '1150000000.01');
  });

  it('refuses a stage plan without allocation, for a non-Dana-Desa source, or with an unknown earmark', () => {
    regencySpec()
      .givenCommands([open()])
      .when(stages(ddSplit))
      .thenRejects('ALLOCATION_EXISTS', 'villageCode/source', `${VILLAGE}/DDS`);
    regencySpec()
      .givenCommands([open(), allocate('ADD', '10')])
      .when(stages([{ earmark: 'blt', amount: '10' }], VILLAGE, 'ADD'))
      .thenRejects('EARMARK_APPLICABLE', 'source', 'ADD');
    regencySpec()
      .givenCommands([open(), allocate('DDS', '10')])
      .when(stages([{ earmark: 'roads', amount: '10' }]))
      .thenRejects('EARMARK_KNOWN', 'earmarks[0].earmark', 'roads');
  });
});

describe('SendTransfer', () => {
  const planned = () => [
    open(),
    allocate('DDS', '1150000000.01'),
    stages(ddSplit),
    allocate('ADD', '830000000'),
  ];

  it('records a transfer per source and stage with its SP2D reference', () => {
    regencySpec()
      .givenCommands(planned())
      .when(transfer('DDS', 1, '530000000.00'))
      .then([
        {
          type: 'TransferSent',
          data: {
            villageCode: VILLAGE,
            source: 'DDS',
            stage: 1,
            amount: '530000000.00',
            date: '2025-04-15',
            reference: 'SP2D 00123/LS/2025',
          },
        },
      ]);
  });

  it('refuses a Dana Desa transfer beyond the planned stage', () => {
    regencySpec()
      .givenCommands([...planned(), transfer('DDS', 1, '530000000')])
      .when(transfer('DDS', 1, '0.02'))
      .thenRejects('TRANSFER_WITHIN_STAGE', 'amount', '0.02');
  });

  it('refuses a Dana Desa stage that is not planned', () => {
    regencySpec()
      .givenCommands(planned())
      .when(transfer('DDS', 3, '1'))
      .thenRejects('STAGE_PLANNED', 'stage', '3');
  });

  it('refuses any transfer beyond the allocation', () => {
    regencySpec()
      .givenCommands([...planned(), transfer('ADD', 1, '800000000')])
      .when(transfer('ADD', 2, '30000000.01'))
      .thenRejects('TRANSFER_WITHIN_ALLOCATION', 'amount', '30000000.01');
  });

  it('refuses a transfer without allocation', () => {
    regencySpec()
      .givenCommands(planned())
      .when(transfer('PBH', 1, '1'))
      .thenRejects('ALLOCATION_EXISTS', 'villageCode/source', `${VILLAGE}/PBH`);
  });
});
