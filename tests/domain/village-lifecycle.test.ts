import { command } from '../support/decider-specification';
import {
  bpdAgrees,
  elaborate,
  enact,
  enactedSmallBudget,
  evaluation,
  openYear,
  revenue,
  smallDraft,
  throughEvaluation,
  toBpd,
  toEvaluation,
  villageSpec,
} from '../support/village-fixtures';

describe('SubmitApbdesToBpd', () => {
  it('submits a balanced draft to the BPD with its business date', () => {
    const [event] = villageSpec().givenCommands(smallDraft()).when(toBpd()).events();
    expect(event).toMatchObject({ type: 'ApbdesSubmittedToBpd', data: { date: '2024-10-10' } });
    expect(event?.metadata).toMatchObject({ businessDate: '2024-10-10', schemaVersion: 1 });
    expect(event?.metadata.actor).toEqual({
      id: 'u-sekdes',
      role: 'sekretaris-desa',
      displayName: 'Siti Aminah',
    });
  });

  it('refuses a submission twice', () => {
    villageSpec()
      .givenCommands([...smallDraft(), toBpd()])
      .when(toBpd())
      .thenRejects('BUDGET_LIFECYCLE', 'stage', 'submittedToBpd');
  });

  it('refuses without a draft', () => {
    villageSpec()
      .givenCommands([openYear()])
      .when(toBpd())
      .thenRejects('BUDGET_LIFECYCLE', 'stage', 'none');
  });
});

describe('RecordBpdAgreement', () => {
  it('records the agreement of the BPD', () => {
    villageSpec()
      .givenCommands([...smallDraft(), toBpd()])
      .when(bpdAgrees())
      .then([
        {
          type: 'ApbdesAgreedByBpd',
          data: { date: '2024-10-20', minutesNumber: 'BA/07/BPD/2024' },
        },
      ]);
  });

  it('refuses an agreement on a draft never submitted', () => {
    villageSpec()
      .givenCommands(smallDraft())
      .when(bpdAgrees())
      .thenRejects('BUDGET_LIFECYCLE', 'stage', 'draft');
  });
});

describe('SubmitApbdesForEvaluation', () => {
  it('submits the agreed draft for evaluation', () => {
    villageSpec()
      .givenCommands([...smallDraft(), toBpd(), bpdAgrees()])
      .when(toEvaluation())
      .thenTypes('ApbdesSubmittedForEvaluation');
  });

  it('refuses before the BPD agreed', () => {
    villageSpec()
      .givenCommands([...smallDraft(), toBpd()])
      .when(toEvaluation())
      .thenRejects('BUDGET_LIFECYCLE', 'stage', 'submittedToBpd');
  });
});

describe('ReceiveApbdesEvaluation', () => {
  const evaluating = () => [...smallDraft(), toBpd(), bpdAgrees(), toEvaluation()];

  it('records an approval', () => {
    const approval = evaluation();
    villageSpec()
      .givenCommands(evaluating())
      .when(approval)
      .then([
        { type: 'ApbdesEvaluationApproved', data: { date: '2024-11-12', ...approval.payload } },
      ]);
  });

  it('refuses an evaluation the regency stream does not hold', () => {
    villageSpec()
      .givenCommands(evaluating())
      .when(command('ReceiveApbdesEvaluation', { reference: 'unknown' }))
      .thenRejects('EVALUATION_KNOWN', 'reference', 'unknown');
  });

  it('takes in an evaluation once', () => {
    const corrections = evaluation('correctionsRequested', [{ lineId: 's-road', remark: 'RAB' }]);
    villageSpec()
      .givenCommands([...evaluating(), corrections, toEvaluation()])
      .when(command('ReceiveApbdesEvaluation', corrections.payload))
      .thenRejects('EVALUATION_REFERENCE_UNIQUE', 'reference', corrections.payload.reference);
  });

  it('records corrections with remarks per line, after which lines are editable again', () => {
    const remarks = [{ lineId: 's-road', remark: 'Harga satuan melebihi standar harga kabupaten' }];
    const spec = villageSpec();
    const corrected = [...evaluating(), evaluation('correctionsRequested', remarks)];
    const state = spec.givenCommands(corrected.slice(0, -1)).when(corrected.at(-1)!).thenState();
    expect(state.budget.draft).toMatchObject({ stage: 'correctionsRequested', remarks });
    spec
      .givenCommands(corrected)
      .when(revenue('r-pad', '4.1.1.01', 'PAD', '1'))
      .thenTypes('ApbdesLineDrafted');
    spec.givenCommands(corrected).when(toEvaluation()).thenTypes('ApbdesSubmittedForEvaluation');
  });

  it('refuses corrections without remarks', () => {
    villageSpec()
      .givenCommands(evaluating())
      .when(evaluation('correctionsRequested'))
      .thenRejects('CORRECTION_REMARKS', 'remarks', '[]');
  });

  it('refuses remarks on a line that does not exist', () => {
    villageSpec()
      .givenCommands(evaluating())
      .when(evaluation('correctionsRequested', [{ lineId: 'ghost', remark: 'x' }]))
      .thenRejects('LINE_KNOWN', 'remarks[0].lineId', 'ghost');
  });

  it('refuses an evaluation of a draft not submitted for evaluation', () => {
    villageSpec()
      .givenCommands(smallDraft())
      .when(evaluation())
      .thenRejects('BUDGET_LIFECYCLE', 'stage', 'draft');
  });
});

describe('EnactApbdes', () => {
  it('enacts the approved draft by Perdes as "APBDes awal"', () => {
    const spec = villageSpec();
    spec
      .givenCommands([...smallDraft(), ...throughEvaluation()])
      .when(enact())
      .then([
        {
          type: 'ApbdesEnacted',
          data: {
            perdesNumber: '8 Tahun 2024',
            date: '2024-12-20',
            label: 'APBDes awal',
            sequence: 1,
            kind: 'original',
          },
        },
      ]);
    const state = spec
      .givenCommands([...smallDraft(), ...throughEvaluation()])
      .when(enact())
      .thenState();
    expect(state.budget.draft).toBeUndefined();
    expect(state.budget.versions[0]?.lines.size).toBe(5);
  });

  it('refuses to enact a draft the evaluation has not approved', () => {
    villageSpec()
      .givenCommands([...smallDraft(), toBpd(), bpdAgrees()])
      .when(enact())
      .thenRejects('BUDGET_LIFECYCLE', 'stage', 'agreedByBpd');
  });

  it('refuses to enact an enacted version again', () => {
    villageSpec()
      .givenCommands(enactedSmallBudget())
      .when(enact('9 Tahun 2024'))
      .thenRejects('ENACTED_VERSION_IMMUTABLE', 'version', 'APBDes awal');
  });

  it('checks the budget rules again at enactment (the allocation may have been revised)', () => {
    const history = [...smallDraft(), ...throughEvaluation()];
    const state = villageSpec().replay(history);
    expect(villageSpec({ DDS: '90000000.00' }).decide(enact(), state)).toMatchObject({
      rule: 'ALLOCATION_MATCHED',
      field: 'revenue.DDS',
      value: '100000000.00',
    });
  });
});

describe('ElaborateApbdes', () => {
  it('records the Penjabaran by Perkades on the latest Perdes version', () => {
    const state = villageSpec().givenCommands(enactedSmallBudget()).when(elaborate()).thenState();
    expect(state.budget.versions[0]?.elaboratedBy).toEqual({
      document: 'Perkades',
      number: '12 Tahun 2024',
      date: '2024-12-21',
    });
  });

  it('refuses a second Penjabaran of the same version', () => {
    villageSpec()
      .givenCommands([...enactedSmallBudget(), elaborate()])
      .when(elaborate('13 Tahun 2024'))
      .thenRejects('ENACTED_VERSION_IMMUTABLE', 'version', 'APBDes awal');
  });

  it('refuses before anything was enacted', () => {
    villageSpec()
      .givenCommands(smallDraft())
      .when(elaborate())
      .thenRejects('BUDGET_LIFECYCLE', 'stage', 'none');
  });
});

describe('the whole lifecycle', () => {
  it('walks draft → BPD → agreed → evaluation → corrections → re-evaluation → enacted', () => {
    const remarks = [{ lineId: 'r-add', remark: 'Sesuaikan dengan pagu ADD' }];
    const state = villageSpec().replay([
      ...smallDraft(),
      toBpd(),
      bpdAgrees(),
      toEvaluation(),
      evaluation('correctionsRequested', remarks),
      command('DraftApbdesLine', {
        line: {
          kind: 'revenue',
          lineId: 'r-add',
          account: '4.2.3.01',
          source: 'ADD',
          amount: '60000000',
          description: 'ADD',
        },
      }),
      toEvaluation(),
      evaluation(),
      enact(),
    ]);
    expect(state.domain.budget.versions.map((version) => version.label)).toEqual(['APBDes awal']);
  });
});
