import { villageCommandSchemas } from '../../src/domain/village/commands';
import { villageDecider } from '../../src/domain/village/decider';
import { DomainError } from '../../src/domain/shared/domain-error';
import type { OpenSuspicion, ProjectPaymentFacts } from '../../src/domain/village/project-gate';
import { deciderSpecification } from '../support/decider-specification';
import {
  approveSpp,
  draftSpp,
  enactedExecutionBudget,
  paidSpp,
  paySpp,
  receipt,
  TRANSFERS,
  villageContext,
} from '../support/village-fixtures';

/** The road activity of the execution budget is kegiatan 02.03.10; its tranches are paid from the DDS SiLPA. */
const road = (amount: string) => [{ lineId: 's-road', source: 'DDS', amount, taxes: [] }];
const firstTranchePaid = [
  ...enactedExecutionBudget(),
  ...paidSpp('SPP-1', 'LS', 'road', road('2000000')),
];

const roadProject = (percent?: number, openSuspicions: OpenSuspicion[] = []) => ({
  projectId: 'rabat-krajan-2025',
  title: 'Rabat beton jalan Dusun Krajan',
  kegiatanCode: '02.03.10',
  ...(percent === undefined ? {} : { percent }),
  openSuspicions,
});

const asphalted: OpenSuspicion = {
  suspicionId: 'rabat-krajan-2025~aspal-krajan-apbd-2025',
  other: {
    projectId: 'aspal-krajan-apbd-2025',
    title: 'Pengaspalan jalan Krajan (APBD)',
    villageCode: '35.10.01.2001',
    fiscalYear: 2025,
  },
};

const specWith = (projects?: ProjectPaymentFacts) =>
  deciderSpecification(villageDecider, villageCommandSchemas, {
    ...villageContext(undefined, TRANSFERS),
    ...(projects ? { projects } : {}),
  });

const gated = (percent?: number, gatePercent = 50) =>
  specWith({ gatePercent, suspicionBlocksPayment: false, projects: [roadProject(percent)] });

describe('the disbursement gate on an SPP of a project (regency policy)', () => {
  it('changes nothing when the policy sets no gate', () => {
    specWith()
      .givenCommands(firstTranchePaid)
      .when(draftSpp('SPP-2', 'LS', 'road', road('1000000')))
      .thenTypes('PaymentRequestDrafted');
    specWith({ suspicionBlocksPayment: false, projects: [roadProject(0, [asphalted])] })
      .givenCommands(firstTranchePaid)
      .when(draftSpp('SPP-2', 'LS', 'road', road('1000000')))
      .thenTypes('PaymentRequestDrafted');
  });

  it('lets the first tranche through before any progress is reported', () => {
    gated(undefined)
      .givenCommands(enactedExecutionBudget())
      .when(draftSpp('SPP-1', 'LS', 'road', road('2000000')))
      .thenTypes('PaymentRequestDrafted');
    const spec = gated(undefined);
    const drafted = spec.replay([
      ...enactedExecutionBudget(),
      draftSpp('SPP-1', 'LS', 'road', road('2000000')),
      ...approveSpp('SPP-1'),
    ]);
    const paid = spec.decide(paySpp('PAY-1', 'SPP-1'), drafted);
    expect(paid).not.toBeInstanceOf(DomainError);
  });

  it('refuses a later tranche below the step, naming the project, its progress and the step', () => {
    const error = gated(40)
      .givenCommands(firstTranchePaid)
      .when(draftSpp('SPP-2', 'LS', 'road', road('1000000')))
      .thenRejects('PAYMENT_PROJECT_PROGRESS', 'activityId', 'road');
    expect(error.messages.id).toBe(
      '[PAYMENT_PROJECT_PROGRESS] Tahap pencairan berikutnya menunggu kemajuan proyek yang disyaratkan kebijakan kabupaten: ' +
        'activityId = "road" (proyek rabat-krajan-2025 "Rabat beton jalan Dusun Krajan": kemajuan 40 %, tahap berikutnya memerlukan 50 %)',
    );
    expect(error.messages.en).toContain(
      '(project rabat-krajan-2025 "Rabat beton jalan Dusun Krajan": progress 40 %, the next tranche needs 50 %)',
    );
  });

  it('counts a project with no report yet as below every step', () => {
    const error = gated(undefined, 10)
      .givenCommands(firstTranchePaid)
      .when(draftSpp('SPP-2', 'LS', 'road', road('1000000')))
      .thenRejects('PAYMENT_PROJECT_PROGRESS', 'activityId', 'road');
    expect(error.messages.en).toContain(
      'progress 0 % (no report yet), the next tranche needs 10 %',
    );
  });

  it('lets a later tranche through at the step exactly, and above it', () => {
    for (const percent of [50, 75])
      gated(percent)
        .givenCommands(firstTranchePaid)
        .when(draftSpp('SPP-2', 'LS', 'road', road('1000000')))
        .thenTypes('PaymentRequestDrafted');
  });

  it('checks again at payment: progress corrected down since the draft refuses the later tranche', () => {
    const secondApproved = [
      ...firstTranchePaid,
      draftSpp('SPP-2', 'LS', 'road', road('1000000')),
      ...approveSpp('SPP-2'),
    ];
    const state = gated(60).replay(secondApproved);
    const error = gated(30).decide(paySpp('PAY-2', 'SPP-2'), state);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).toJSON()).toMatchObject({
      rule: 'PAYMENT_PROJECT_PROGRESS',
      field: 'sppId',
      value: 'SPP-2',
    });
    expect(gated(60).decide(paySpp('PAY-2', 'SPP-2'), state)).not.toBeInstanceOf(DomainError);
  });

  it('gates only the activities whose kegiatan has a project', () => {
    const office = [{ lineId: 's-office', source: 'ADD', amount: '1000000', taxes: [] }];
    gated(0)
      .givenCommands([
        ...enactedExecutionBudget(),
        receipt('TBP-ADD1', '5000000'),
        ...paidSpp('SPP-1', 'LS', 'office', office),
      ])
      .when(draftSpp('SPP-2', 'LS', 'office', office))
      .thenTypes('PaymentRequestDrafted');
  });
});

describe('an open duplicate suspicion holds the payments of the later project (regency policy)', () => {
  const suspected = (suspicionBlocksPayment: boolean, gatePercent?: number) =>
    specWith({
      ...(gatePercent === undefined ? {} : { gatePercent }),
      suspicionBlocksPayment,
      projects: [roadProject(100, [asphalted])],
    });

  it('refuses even the first tranche, naming the suspicion and the other project', () => {
    const error = suspected(true)
      .givenCommands(enactedExecutionBudget())
      .when(draftSpp('SPP-1', 'LS', 'road', road('2000000')))
      .thenRejects('PAYMENT_SUSPICION_OPEN', 'activityId', 'road');
    expect(error.messages.id).toBe(
      '[PAYMENT_SUSPICION_OPEN] Pembayaran proyek ditahan selama dugaan duplikasinya belum diputuskan: activityId = "road" ' +
        '(dugaan duplikasi rabat-krajan-2025~aspal-krajan-apbd-2025: proyek rabat-krajan-2025 "Rabat beton jalan Dusun Krajan" ' +
        'diduga sama dengan proyek aspal-krajan-apbd-2025 "Pengaspalan jalan Krajan (APBD)" (desa 35.10.01.2001, 2025) ' +
        'yang terdaftar lebih dahulu; menunggu keputusan keuangan kabupaten)',
    );
    expect(error.messages.en).toContain('may duplicate project aspal-krajan-apbd-2025');
  });

  it('holds the payment of an SPP drafted before the suspicion was raised', () => {
    const approved = [
      ...enactedExecutionBudget(),
      draftSpp('SPP-1', 'LS', 'road', road('2000000')),
      ...approveSpp('SPP-1'),
    ];
    const state = suspected(false).replay(approved);
    const error = suspected(true).decide(paySpp('PAY-1', 'SPP-1'), state);
    expect((error as DomainError).toJSON()).toMatchObject({
      rule: 'PAYMENT_SUSPICION_OPEN',
      field: 'sppId',
      value: 'SPP-1',
    });
  });

  it('drafts as before when the switch is off (the progress is past the step)', () => {
    suspected(false, 50)
      .givenCommands(firstTranchePaid)
      .when(draftSpp('SPP-2', 'LS', 'road', road('1000000')))
      .thenTypes('PaymentRequestDrafted');
  });
});
