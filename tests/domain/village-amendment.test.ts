import { command } from '../support/decider-specification';
import {
  activity,
  elaborate,
  enact,
  enactedSmallBudget,
  revenue,
  spending,
  startAmendment,
  throughEvaluation,
  villageSpec,
} from '../support/village-fixtures';

const emergency = () =>
  command('RecordEmergency', {
    reference: 'Keputusan Bupati 188/301/KEP/429.011/2025',
    date: '2025-09-02',
    description: 'Banjir bandang di Dusun Krajan',
  });

/** The small budget amended once: PAD 5 m added and spent on the BPD. */
const amendedOnce = () => [
  ...enactedSmallBudget(),
  startAmendment(),
  activity('bpd', '01.01.05', 'PAD'),
  revenue('r-pad', '4.1.2.01', 'PAD', '5000000'),
  spending('s-bpd', 'bpd', '5.1.4.01', 'PAD', '5', '1000000'),
  ...throughEvaluation('124'),
  enact('3 Tahun 2025'),
];

const perkades = (kind: string, lines: unknown[], removedLineIds: string[] = []) =>
  command('EnactPerkadesChange', {
    kind,
    perkadesNumber: '21 Tahun 2025',
    date: '2025-10-15',
    bpdInformedOn: '2025-10-16',
    lines,
    removedLineIds,
  });

const line = (kind: string, lineId: string, fields: object) => ({
  kind,
  lineId,
  description: lineId,
  ...fields,
});

describe('RecordEmergency', () => {
  it('records an emergency', () => {
    villageSpec()
      .givenCommands(enactedSmallBudget())
      .when(emergency())
      .then([
        {
          type: 'EmergencyRecorded',
          data: {
            reference: 'Keputusan Bupati 188/301/KEP/429.011/2025',
            date: '2025-09-02',
            description: 'Banjir bandang di Dusun Krajan',
          },
        },
      ]);
  });

  it('refuses before the fiscal year is opened', () => {
    villageSpec().given().when(emergency()).thenRejects('FISCAL_YEAR_OPEN', 'fiscalYear', '2025');
  });
});

describe('StartApbdesAmendment', () => {
  it('starts a Perubahan from the latest enacted version', () => {
    const spec = villageSpec();
    spec
      .givenCommands(enactedSmallBudget())
      .when(startAmendment())
      .then([
        {
          type: 'ApbdesAmendmentStarted',
          data: { date: '2025-08-01', grounds: ['revenueChange'], basedOn: 'APBDes awal' },
        },
      ]);
    const state = spec.givenCommands(enactedSmallBudget()).when(startAmendment()).thenState();
    expect(state.budget.draft).toMatchObject({ kind: 'amendment', stage: 'draft' });
    expect([...(state.budget.draft?.lines.keys() ?? [])]).toEqual([
      ...(state.budget.versions[0]?.lines.keys() ?? []),
    ]);
  });

  it('enacts the Perubahan as "Perubahan 1" and leaves "APBDes awal" untouched', () => {
    const state = villageSpec().replay(amendedOnce()).domain;
    expect(
      state.budget.versions.map((version) => [version.label, version.sequence, version.kind]),
    ).toEqual([
      ['APBDes awal', 1, 'original'],
      ['Perubahan 1', 2, 'amendment'],
    ]);
    expect(state.budget.versions[0]?.lines.has('r-pad')).toBe(false);
    expect(state.budget.versions[1]?.lines.has('r-pad')).toBe(true);
  });

  it('refuses an amendment before the APBDes is enacted', () => {
    villageSpec()
      .givenCommands(enactedSmallBudget().slice(0, 3))
      .when(startAmendment())
      .thenRejects('BUDGET_LIFECYCLE', 'stage', 'none');
  });

  it('refuses an amendment while another version is in preparation', () => {
    villageSpec()
      .givenCommands([...enactedSmallBudget(), startAmendment()])
      .when(startAmendment())
      .thenRejects('BUDGET_LIFECYCLE', 'stage', 'draft');
  });

  it('refuses a second amendment in the year without a recorded emergency', () => {
    villageSpec()
      .givenCommands(amendedOnce())
      .when(startAmendment())
      .thenRejects('AMENDMENT_LIMIT', 'amendments', '1');
  });

  it('allows a second amendment under a recorded emergency, labelled "Perubahan 2"', () => {
    const state = villageSpec().replay([
      ...amendedOnce(),
      emergency(),
      startAmendment(['specialEvent']),
      ...throughEvaluation('125'),
      enact('5 Tahun 2025'),
    ]).domain;
    expect(state.budget.versions.at(-1)?.label).toBe('Perubahan 2');
  });

  it('gives the Perubahan a Penjabaran of its own, once', () => {
    const spec = villageSpec();
    const state = spec.givenCommands(amendedOnce()).when(elaborate('30 Tahun 2025')).thenState();
    expect(state.budget.versions[1]?.elaboratedBy?.number).toBe('30 Tahun 2025');
    spec
      .givenCommands([...amendedOnce(), elaborate('30 Tahun 2025')])
      .when(elaborate('31 Tahun 2025'))
      .thenRejects('ENACTED_VERSION_IMMUTABLE', 'version', 'Perubahan 1');
  });
});

describe('EnactPerkadesChange — late aid after the amendment', () => {
  const lateAid = () =>
    perkades('lateAid', [
      line('revenue', 'r-pbk', { account: '4.2.5.01', source: 'PBK', amount: '25000000' }),
      line('spending', 's-pbk', {
        activityId: 'road',
        account: '5.3.5.02',
        source: 'PBK',
        volume: '25',
        unit: 'HOK',
        unitPrice: '1000000',
      }),
    ]);

  it('enacts a new version "Perkades 1" with the aid budgeted', () => {
    const spec = villageSpec();
    const [event] = spec.givenCommands(amendedOnce()).when(lateAid()).events();
    expect(event).toMatchObject({
      type: 'PerkadesChangeEnacted',
      data: { label: 'Perkades 1', sequence: 3, kind: 'lateAid' },
    });
    const state = spec.givenCommands(amendedOnce()).when(lateAid()).thenState();
    expect(state.budget.versions.at(-1)?.lines.get('s-pbk')).toMatchObject({
      amount: '25000000.00',
      kegiatanCode: '02.03.10',
    });
    expect(state.budget.versions[1]?.lines.has('s-pbk')).toBe(false);
  });

  it('refuses late aid before any amendment', () => {
    villageSpec()
      .givenCommands(enactedSmallBudget())
      .when(lateAid())
      .thenRejects('PERKADES_LATE_AID', 'kind', 'lateAid');
  });

  it('refuses touching lines of a source that is not aid', () => {
    villageSpec()
      .givenCommands(amendedOnce())
      .when(
        perkades('lateAid', [
          line('revenue', 'r-dds', { account: '4.2.1.01', source: 'DDS', amount: '100000001' }),
        ]),
      )
      .thenRejects('PERKADES_LATE_AID', 'lines[0].source', 'DDS');
  });

  it('still applies the budget rules', () => {
    villageSpec()
      .givenCommands(amendedOnce())
      .when(
        perkades('lateAid', [
          line('revenue', 'r-pbk', { account: '4.2.5.01', source: 'PBK', amount: '25000000' }),
        ]),
      )
      .thenRejects('BUDGET_BALANCED', 'surplusDeficitPlusNetFinancing', '25000000.00');
  });

  it('refuses removing a line that does not exist', () => {
    villageSpec()
      .givenCommands(amendedOnce())
      .when(perkades('lateAid', [], ['ghost']))
      .thenRejects('LINE_KNOWN', 'removedLineIds[0]', 'ghost');
  });

  it('refuses while an amendment is in preparation', () => {
    villageSpec()
      .givenCommands([...amendedOnce(), emergency(), startAmendment()])
      .when(lateAid())
      .thenRejects('BUDGET_LIFECYCLE', 'stage', 'draft');
  });
});

describe('EnactPerkadesChange — shifts within a jenis belanja', () => {
  const shift = (upserts: unknown[]) => perkades('shiftWithinJenis', upserts);
  const road = (lineId: string, account: string, volume: string) =>
    line('spending', lineId, {
      activityId: 'road',
      account,
      source: 'DDS',
      earmark: 'non-earmarked',
      volume,
      unit: 'm',
      unitPrice: '1100000',
    });

  it('moves money between objek of one jenis (5.3.5.03 → 5.3.5.02) and numbers the version', () => {
    const state = villageSpec()
      .givenCommands(enactedSmallBudget())
      .when(shift([road('s-road', '5.3.5.03', '90'), road('s-road-labour', '5.3.5.02', '10')]))
      .thenState();
    expect(state.budget.versions.map((version) => version.label)).toEqual([
      'APBDes awal',
      'Perkades 1',
    ]);
  });

  it('refuses a shift that changes the jenis total', () => {
    villageSpec()
      .givenCommands(enactedSmallBudget())
      .when(shift([road('s-road', '5.3.5.03', '90'), road('s-road-labour', '5.3.4.02', '10')]))
      .thenRejects('PERKADES_SHIFT_WITHIN_JENIS', 'jenis/source', '5.3.5/DDS');
  });

  it('refuses touching revenue in a shift', () => {
    villageSpec()
      .givenCommands(enactedSmallBudget())
      .when(
        shift([
          line('revenue', 'r-add', { account: '4.2.3.01', source: 'ADD', amount: '60000000' }),
        ]),
      )
      .thenRejects('PERKADES_SHIFT_WITHIN_JENIS', 'lines[0].kind', 'revenue');
  });
});
