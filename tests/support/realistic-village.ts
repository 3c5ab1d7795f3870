import type { Ledger } from '../../src/app/ledger';
import { commandDraft } from '../../src/scenario/scenario-step';
import {
  allocationCommand,
  draftLineCommand,
  enactmentCommands,
  estimatedCosts,
  perbup,
  rkpdesActivityCommand,
  startAmendmentCommand,
} from '../../src/scenario/budget-commands';
import { transferCommand } from '../../src/scenario/execution-commands';
import { spendingLineOf, type SpendingLine } from '../../src/scenario/village-budget';
import {
  loadVillageTemplate,
  type TemplateLine,
  type VillageTemplate,
} from '../../src/scenario/village-template';
import { villageScenario, type ScenarioExtent } from '../../src/scenario/village-scenario';
import { command } from './decider-specification';
import { runDrafts, runSteps } from './scenario-driver';
import { REGENCY, reference, VILLAGE, YEAR } from './village-fixtures';

/**
 * A realistic village (about the size of Ciktim 2024) as reusable phases, for
 * any village code of the regency: the scenario's template at its own amounts
 * (Rp 2.6 bn) with a Dana Desa SiLPA, then this village's own Perubahan and
 * two Perkades changes. Shared by the budget, full-year, read-model and
 * report tests.
 */
export const REALISTIC_TEMPLATE: VillageTemplate = (() => {
  const template = loadVillageTemplate(YEAR);
  const silpaAt = template.budgetLines.findIndex((line) => line.lineId === 'f-silpa-add');
  const budgetLines = [...template.budgetLines];
  budgetLines.splice(silpaAt, 0, {
    kind: 'financing',
    lineId: 'f-silpa-dds',
    account: '6.1.1.01',
    source: 'DDS',
    amount: '35480000',
  });
  return { ...template, budgetLines };
})();

const realisticSteps = (villageCode: string, extent: ScenarioExtent) =>
  villageScenario({
    villageCode,
    villageName: 'Ciktim',
    fiscalYear: YEAR,
    reference,
    template: REALISTIC_TEMPLATE,
    seed: 2024,
    amounts: 'template',
    extent,
    cashOnHand: '1250000',
  }).steps;

const NEW_ACTIVITIES = [
  { activityId: 'tanggap-darurat', name: 'Penanganan keadaan darurat banjir' },
  { activityId: 'balai-desa', name: 'Rehabilitasi balai desa' },
];

/** A line of an activity, described as the scenario describes the template's lines. */
const spendingLine = (
  activityId: string,
  index: number,
  line: Omit<TemplateLine, 'taxes'>,
): SpendingLine =>
  spendingLineOf(
    [...REALISTIC_TEMPLATE.activities, ...NEW_ACTIVITIES].find((a) => a.activityId === activityId)!,
    index,
    line,
  );

const amountLine = (
  kind: 'revenue' | 'financing',
  lineId: string,
  account: string,
  source: string,
  amount: string,
) => ({
  kind,
  lineId,
  account,
  source,
  amount,
  description: lineId,
});

const activity = (
  activityId: string,
  kegiatanCode: string,
  name: string,
  hamlet: string,
  lines: SpendingLine[],
) =>
  rkpdesActivityCommand({
    activityId,
    kegiatanCode,
    name,
    hamlet,
    beneficiaries: { description: 'Warga desa', count: 3120 },
    estimatedCosts: estimatedCosts(lines),
  });

/** Allocations and the Dana Desa stage plan (the regency year must be open). */
export async function allocate(ledger: Ledger, villageCode: string): Promise<void> {
  const steps = realisticSteps(villageCode, 'plan').filter((s) => s.phase === 'allocations');
  await runSteps(ledger, villageCode, steps);
}

/** RKPDes, the APBDes awal through the BPD and evaluation, its Perdes and Penjabaran. */
export async function originalApbdes(ledger: Ledger, villageCode: string): Promise<void> {
  const steps = realisticSteps(villageCode, 'budget').filter((s) => s.phase === 'budget');
  await runSteps(ledger, villageCode, steps);
}

/** The stage I transfer, the PBH revision and the Perubahan APBDes with its Penjabaran. */
export async function amendment(ledger: Ledger, villageCode: string): Promise<void> {
  await runDrafts(ledger, villageCode, 'regency', 'transfers', [
    transferCommand({
      villageCode,
      source: 'DDS',
      stage: 1,
      amount: '559841600',
      date: '2025-03-12',
      reference: 'SP2D 00381/DD/2025',
    }),
    allocationCommand(
      villageCode,
      'PBH',
      '481750000',
      perbup('19 Tahun 2025', '2025-07-28'),
      `allocation-${villageCode}-PBH-p1`,
    ),
  ]);
  const emergency = spendingLine('tanggap-darurat', 0, {
    source: 'DDS',
    earmark: 'non-earmarked',
    account: '5.4.1.01',
    volume: '1',
    unit: 'paket',
    unitPrice: '20000000',
  });
  await runDrafts(ledger, villageCode, 'village', 'year', [
    startAmendmentCommand('2025-08-11', ['revenueChange', 'shiftBetweenJenis']),
    activity('tanggap-darurat', '05.02.01', 'Penanganan keadaan darurat banjir', 'Tegalrejo', [
      emergency,
    ]),
    draftLineCommand(amountLine('revenue', 'r-pbh', '4.2.2.01', 'PBH', '481750000'), 'p1-r-pbh'),
    draftLineCommand(
      spendingLine('pemeliharaan-jalan', 1, {
        source: 'PBH',
        account: '5.2.6.06',
        volume: '1',
        unit: 'paket',
        unitPrice: '14500000',
      }),
      'p1-pemeliharaan-jalan-2',
    ),
    draftLineCommand(
      spendingLine('jalan-desa', 1, {
        source: 'DDS',
        earmark: 'non-earmarked',
        account: '5.3.5.03',
        volume: '1',
        unit: 'paket',
        unitPrice: '258400000',
      }),
      'p1-jalan-desa-2',
    ),
    draftLineCommand(emergency, 'p1-tanggap-darurat-1'),
    ...enactmentCommands(villageCode, 'p1', {
      dates: ['2025-10-07', '2025-10-21', '2025-10-23', '2025-11-14', '2025-12-19', '2025-09-29'],
      numbers: ['BA/BPD/2025/11', 'Camat 900/2025/77', '4 Tahun 2025', '22 Tahun 2025'],
    }),
  ]);
}

/** Late regency aid by Perkades, then a shift within jenis 5.2.1. */
export async function perkadesChanges(ledger: Ledger, villageCode: string): Promise<void> {
  await runDrafts(ledger, villageCode, 'regency', 'transfers', [
    allocationCommand(villageCode, 'PBK', '50000000', perbup('31 Tahun 2025', '2025-10-20')),
  ]);
  const hall = [
    spendingLine('balai-desa', 0, {
      source: 'PBK',
      account: '5.3.4.03',
      volume: '1',
      unit: 'paket',
      unitPrice: '35000000',
    }),
    spendingLine('balai-desa', 1, {
      source: 'PBK',
      account: '5.3.4.02',
      volume: '120',
      unit: 'HOK',
      unitPrice: '125000',
    }),
  ];
  const office = (index: number, account: string, unitPrice: string) =>
    spendingLine('operasional-pemdes', index, {
      source: 'ADD',
      account,
      volume: '1',
      unit: 'paket',
      unitPrice,
    });
  await runDrafts(ledger, villageCode, 'village', 'year', [
    activity('balai-desa', '02.03.15', 'Rehabilitasi balai desa', 'Krajan', [hall[0]!]),
    commandDraft('EnactPerkadesChange', 'perkades-1', {
      kind: 'lateAid',
      perkadesNumber: '27 Tahun 2025',
      date: '2025-10-27',
      bpdInformedOn: '2025-10-28',
      lines: [amountLine('revenue', 'r-pbk', '4.2.5.01', 'PBK', '50000000'), ...hall],
      removedLineIds: [],
    }),
    commandDraft('EnactPerkadesChange', 'perkades-2', {
      kind: 'shiftWithinJenis',
      perkadesNumber: '29 Tahun 2025',
      date: '2025-11-10',
      bpdInformedOn: '2025-11-11',
      lines: [office(0, '5.2.1.01', '16500000'), office(1, '5.2.1.05', '8400000')],
      removedLineIds: [],
    }),
  ]);
}

export const openRegency = (ledger: Ledger) =>
  ledger.executeRegencyCommand(REGENCY, YEAR, command('OpenRegencyFiscalYear', {}));

/** The whole realistic year for one village (the regency year already open). */
export async function realisticVillage(ledger: Ledger, villageCode: string): Promise<void> {
  await allocate(ledger, villageCode);
  await originalApbdes(ledger, villageCode);
  await amendment(ledger, villageCode);
  await perkadesChanges(ledger, villageCode);
}

/** The realistic year of the fixture village, its regency year opened first. */
export async function buildRealisticVillage(ledger: Ledger): Promise<void> {
  await openRegency(ledger);
  await realisticVillage(ledger, VILLAGE);
}
