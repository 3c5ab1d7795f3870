import { command } from '../support/decider-specification';
import {
  activity,
  bpdAgrees,
  evaluation,
  financing,
  openYear,
  revenue,
  smallDraft,
  spending,
  toBpd,
  toEvaluation,
  villageSpec,
} from '../support/village-fixtures';

/** The rules run when the draft leaves the village (to the BPD, to evaluation) and at enactment. */
describe('budget rules', () => {
  it('BUDGET_SOURCE_COVERED: spending of a source may not exceed its revenue, SiLPA and financing', () => {
    villageSpec()
      .givenCommands([
        ...smallDraft(),
        spending('s-more', 'siltap', '5.1.1.02', 'ADD', '1', '1000000'),
      ])
      .when(toBpd())
      .thenRejects('BUDGET_SOURCE_COVERED', 'spending.source', 'ADD');
  });

  it('BUDGET_SOURCE_COVERED counts financing expenditures (6.2) as use of the source', () => {
    villageSpec()
      .givenCommands([...smallDraft(), financing('f-bumdes', '6.2.2.01', 'DDS', '1000000')])
      .when(toBpd())
      .thenRejects('BUDGET_SOURCE_COVERED', 'spending.source', 'DDS');
  });

  it('BUDGET_BALANCED: a surplus not used by financing is refused', () => {
    const error = villageSpec()
      .givenCommands([...smallDraft(), revenue('r-pad', '4.1.2.01', 'PAD', '5000000')])
      .when(toBpd())
      .thenRejects('BUDGET_BALANCED', 'surplusDeficitPlusNetFinancing', '5000000.00');
    expect(error.messages.id).toContain('Surplus/defisit tidak tertutup oleh pembiayaan netto');
    expect(error.messages.en).toContain('surplusDeficitPlusNetFinancing = "5000000.00"');
  });

  it('BUDGET_BALANCED holds when the surplus goes to a financing expenditure', () => {
    villageSpec()
      .givenCommands([
        ...smallDraft(),
        revenue('r-pad', '4.1.2.01', 'PAD', '5000000'),
        financing('f-bumdes', '6.2.2.01', 'PAD', '5000000'),
      ])
      .when(toBpd())
      .thenTypes('ApbdesSubmittedToBpd');
  });

  it('SILPA_WITHIN_OPENING: budgeted SiLPA may not exceed the SiLPA the year was opened with', () => {
    villageSpec()
      .givenCommands([
        ...smallDraft(),
        financing('f-silpa', '6.1.1.01', 'DDS', '10000000.01'),
        spending('s-road-2', 'road', '5.3.5.02', 'DDS', '1', '0.01', 'non-earmarked'),
      ])
      .when(toBpd())
      .thenRejects('SILPA_WITHIN_OPENING', 'silpa.source', 'DDS');
  });

  it('ALLOCATION_MATCHED: Dana Desa revenue must equal the regency allocation', () => {
    villageSpec({ DDS: '95000000.00' })
      .givenCommands(smallDraft())
      .when(toBpd())
      .thenRejects('ALLOCATION_MATCHED', 'revenue.DDS', '100000000.00');
  });

  it('ALLOCATION_MATCHED: no allocation at all means Dana Desa revenue must be zero', () => {
    villageSpec({})
      .givenCommands(smallDraft())
      .when(toBpd())
      .thenRejects('ALLOCATION_MATCHED', 'revenue.DDS', '100000000.00');
  });

  it('ALLOCATION_MATCHED: a recorded difference explains the gap', () => {
    const difference = command('RecordAllocationDifference', {
      source: 'DDS',
      budgetedAmount: '100000000',
      reason: 'Pagu definitif belum terbit; memakai pagu indikatif',
      reference: 'Surat DPMD 412/88/2024',
    });
    villageSpec({ DDS: '95000000.00' })
      .givenCommands([...smallDraft(), difference])
      .when(toBpd())
      .thenTypes('ApbdesSubmittedToBpd');
  });

  it('ALLOCATION_MATCHED: a difference recorded against an older allocation no longer explains it', () => {
    const history = [
      ...smallDraft(),
      command('RecordAllocationDifference', {
        source: 'DDS',
        budgetedAmount: '100000000',
        reason: 'Pagu indikatif',
        reference: 'Surat DPMD 412/88/2024',
      }),
    ];
    const state = villageSpec({ DDS: '95000000.00' }).replay(history);
    expect(villageSpec({ DDS: '97000000.00' }).decide(toBpd(), state)).toMatchObject({
      rule: 'ALLOCATION_MATCHED',
    });
  });

  it('runs again on resubmission for evaluation after corrections', () => {
    villageSpec()
      .givenCommands([
        ...smallDraft(),
        toBpd(),
        bpdAgrees(),
        toEvaluation(),
        evaluation('correctionsRequested', [{ lineId: 's-road', remark: 'Volume terlalu besar' }]),
        spending('s-road', 'road', '5.3.5.03', 'DDS', '120', '1100000', 'non-earmarked'),
      ])
      .when(toEvaluation())
      .thenRejects('BUDGET_SOURCE_COVERED', 'spending.source', 'DDS');
  });

  it('does not block drafting: an unbalanced draft may be saved', () => {
    villageSpec()
      .givenCommands([
        openYear(),
        activity('road', '02.03.10', 'DDS'),
        command('StartApbdesDraft', {}),
      ])
      .when(spending('s-road', 'road', '5.3.5.03', 'DDS', '1', '1000', 'non-earmarked'))
      .thenTypes('ApbdesLineDrafted');
  });
});

describe('RecordAllocationDifference', () => {
  it('records the difference with the allocation it explains', () => {
    villageSpec({ DDS: '95000000.00' })
      .givenCommands([openYear()])
      .when(
        command('RecordAllocationDifference', {
          source: 'DDS',
          budgetedAmount: '100000000',
          reason: 'Pagu indikatif',
          reference: 'Surat DPMD 412/88/2024',
        }),
      )
      .then([
        {
          type: 'AllocationDifferenceRecorded',
          data: {
            source: 'DDS',
            budgetedAmount: '100000000.00',
            reason: 'Pagu indikatif',
            reference: 'Surat DPMD 412/88/2024',
            allocatedAmount: '95000000.00',
          },
        },
      ]);
  });

  it('refuses an unknown fund source', () => {
    villageSpec()
      .givenCommands([openYear()])
      .when(
        command('RecordAllocationDifference', {
          source: 'DD',
          budgetedAmount: '1',
          reason: 'x',
          reference: 'y',
        }),
      )
      .thenRejects('FUND_SOURCE_KNOWN', 'source', 'DD');
  });
});
