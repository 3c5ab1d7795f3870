import { command } from '../support/decider-specification';
import {
  activity,
  enactedSmallBudget,
  financing,
  openYear,
  revenue,
  smallDraft,
  spending,
  toBpd,
  villageSpec,
} from '../support/village-fixtures';

const drafting = () => [
  openYear(),
  activity('road', '02.03.10', 'DDS'),
  activity('siltap', '01.01.01', 'ADD'),
  command('StartApbdesDraft', {}),
];

describe('StartApbdesDraft', () => {
  it('starts the draft of the APBDes', () => {
    villageSpec()
      .givenCommands([openYear()])
      .when(command('StartApbdesDraft', {}))
      .then([{ type: 'ApbdesDraftStarted', data: {} }]);
  });

  it('refuses a second draft while one is in progress', () => {
    villageSpec()
      .givenCommands(drafting())
      .when(command('StartApbdesDraft', {}))
      .thenRejects('BUDGET_LIFECYCLE', 'stage', 'draft');
  });

  it('refuses a new original draft once the APBDes is enacted (use an amendment)', () => {
    villageSpec()
      .givenCommands(enactedSmallBudget())
      .when(command('StartApbdesDraft', {}))
      .thenRejects('BUDGET_LIFECYCLE', 'version', 'APBDes awal');
  });
});

describe('DraftApbdesLine', () => {
  it('drafts a revenue line with its canonical amount', () => {
    villageSpec()
      .givenCommands(drafting())
      .when(revenue('r1', '4.2.1.01', 'DDS', '1150000000'))
      .then([
        {
          type: 'ApbdesLineDrafted',
          data: {
            line: {
              kind: 'revenue',
              lineId: 'r1',
              account: '4.2.1.01',
              source: 'DDS',
              amount: '1150000000.00',
              description: 'r1',
            },
          },
        },
      ]);
  });

  it('drafts a spending line as volume × unit price with the kegiatan of its activity', () => {
    villageSpec()
      .givenCommands(drafting())
      .when(spending('s1', 'road', '5.3.5.03', 'DDS', '2.5', '1250000.50', 'non-earmarked'))
      .then([
        {
          type: 'ApbdesLineDrafted',
          data: {
            line: {
              kind: 'spending',
              lineId: 's1',
              activityId: 'road',
              account: '5.3.5.03',
              source: 'DDS',
              earmark: 'non-earmarked',
              volume: '2.5',
              unit: 'unit',
              unitPrice: '1250000.50',
              description: 's1',
              kegiatanCode: '02.03.10',
              amount: '3125001.25',
            },
          },
        },
      ]);
  });

  it('drafts financing receipts (6.1) and expenditures (6.2) with their direction', () => {
    const state = villageSpec()
      .givenCommands([...drafting(), financing('f1', '6.1.1.01', 'DDS', '5000000')])
      .when(financing('f2', '6.2.2.01', 'PAD', '2000000'))
      .thenState();
    const lines = state.budget.draft?.lines;
    expect(lines?.get('f1')).toMatchObject({ direction: 'receipt' });
    expect(lines?.get('f2')).toMatchObject({ direction: 'expenditure' });
  });

  it('replaces a line drafted again under the same id', () => {
    const state = villageSpec()
      .givenCommands([...drafting(), revenue('r1', '4.2.1.01', 'DDS', '1000')])
      .when(revenue('r1', '4.2.1.01', 'DDS', '2000'))
      .thenState();
    expect(state.budget.draft?.lines.get('r1')).toMatchObject({ amount: '2000.00' });
  });

  it('accepts a regency extension objek (90–99)', () => {
    villageSpec()
      .givenCommands(drafting())
      .when(spending('s1', 'siltap', '5.1.1.90', 'ADD', '1', '5000000'))
      .thenTypes('ApbdesLineDrafted');
  });

  it.each([
    [
      'an unknown account',
      revenue('r1', '4.2.1.07', 'DDS', '1'),
      'ACCOUNT_KNOWN',
      'line.account',
      '4.2.1.07',
    ],
    [
      'an account above objek level',
      revenue('r1', '4.2.1', 'DDS', '1'),
      'ACCOUNT_KNOWN',
      'line.account',
      '4.2.1',
    ],
    [
      'a code with a trailing dot',
      revenue('r1', '4.2.1.01.', 'DDS', '1'),
      'ACCOUNT_KNOWN',
      'line.account',
      '4.2.1.01.',
    ],
    [
      'an unknown fund source',
      revenue('r1', '4.2.1.01', 'DD', '1'),
      'FUND_SOURCE_KNOWN',
      'line.source',
      'DD',
    ],
    [
      'a spending account on a revenue line',
      revenue('r1', '5.2.1.01', 'DDS', '1'),
      'ACCOUNT_CLASS',
      'line.account',
      '5.2.1.01',
    ],
    [
      'a revenue account on a spending line',
      spending('s1', 'siltap', '4.2.3.01', 'ADD', '1', '1'),
      'ACCOUNT_CLASS',
      'line.account',
      '4.2.3.01',
    ],
    [
      'a revenue account on a financing line',
      financing('f1', '4.2.3.01', 'ADD', '1'),
      'ACCOUNT_CLASS',
      'line.account',
      '4.2.3.01',
    ],
    [
      'revenue booked to another source account',
      revenue('r1', '4.2.3.01', 'DDS', '1'),
      'REVENUE_ACCOUNT_OF_SOURCE',
      'line.account',
      '4.2.3.01',
    ],
    [
      'an unknown activity',
      spending('s1', 'bridge', '5.3.6.03', 'ADD', '1', '1'),
      'ACTIVITY_KNOWN',
      'line.activityId',
      'bridge',
    ],
    [
      'Dana Desa spending without earmark',
      spending('s1', 'road', '5.3.5.03', 'DDS', '1', '1'),
      'EARMARK_APPLICABLE',
      'line.earmark',
      '',
    ],
    [
      'an earmark on other sources',
      spending('s1', 'siltap', '5.1.1.01', 'ADD', '1', '1', 'blt'),
      'EARMARK_APPLICABLE',
      'line.earmark',
      'blt',
    ],
    [
      'an unknown earmark',
      spending('s1', 'road', '5.3.5.03', 'DDS', '1', '1', 'roads'),
      'EARMARK_KNOWN',
      'line.earmark',
      'roads',
    ],
    [
      'volume × price beyond cents',
      spending('s1', 'siltap', '5.1.1.01', 'ADD', '0.333', '1000.01'),
      'AMOUNT_PRECISION',
      'line.volume',
      '0.333 × 1000.01',
    ],
    [
      'a zero amount',
      revenue('r1', '4.2.1.01', 'DDS', '0'),
      'COMMAND_SCHEMA',
      'payload.line.amount',
      '"0"',
    ],
  ] as const)('refuses %s', (_case, line, rule, field, value) => {
    villageSpec().givenCommands(drafting()).when(line).thenRejects(rule, field, value);
  });

  it('refuses reusing a line id for a line of another kind', () => {
    villageSpec()
      .givenCommands([...drafting(), revenue('x', '4.2.1.01', 'DDS', '1')])
      .when(financing('x', '6.1.1.01', 'DDS', '1'))
      .thenRejects('LINE_KIND_FIXED', 'line.lineId', 'x');
  });

  it('refuses editing lines once the draft went to the BPD', () => {
    villageSpec()
      .givenCommands([...smallDraft(), toBpd()])
      .when(revenue('r9', '4.1.1.01', 'PAD', '1'))
      .thenRejects('LINES_EDITABLE', 'stage', 'submittedToBpd');
  });

  it('refuses editing an enacted version', () => {
    villageSpec()
      .givenCommands(enactedSmallBudget())
      .when(revenue('r9', '4.1.1.01', 'PAD', '1'))
      .thenRejects('ENACTED_VERSION_IMMUTABLE', 'version', 'APBDes awal');
  });

  it('refuses lines before a draft was started', () => {
    villageSpec()
      .givenCommands([openYear()])
      .when(revenue('r9', '4.1.1.01', 'PAD', '1'))
      .thenRejects('BUDGET_LIFECYCLE', 'stage', 'none');
  });
});

describe('RemoveApbdesLine', () => {
  it('removes a drafted line', () => {
    const state = villageSpec()
      .givenCommands(smallDraft())
      .when(command('RemoveApbdesLine', { lineId: 'r-add' }))
      .thenState();
    expect(state.budget.draft?.lines.has('r-add')).toBe(false);
  });

  it('refuses an unknown line', () => {
    villageSpec()
      .givenCommands(smallDraft())
      .when(command('RemoveApbdesLine', { lineId: 'nope' }))
      .thenRejects('LINE_KNOWN', 'lineId', 'nope');
  });

  it('refuses removing lines of an enacted version', () => {
    villageSpec()
      .givenCommands(enactedSmallBudget())
      .when(command('RemoveApbdesLine', { lineId: 'r-add' }))
      .thenRejects('ENACTED_VERSION_IMMUTABLE', 'version', 'APBDes awal');
  });
});
