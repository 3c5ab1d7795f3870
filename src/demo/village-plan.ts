import { prefixAt } from '../domain/shared/dotted-codes';
import { rupiah, toAmountText, ZERO, type Rupiah } from '../domain/shared/money';
import { demoCommand, type DemoCommand } from './demo-command';
import type { AmountLine, SpendingLine, VillageBudget } from './village-budget';

const perbup = (number: string, date: string) => ({ document: 'Perbup', number, date });

/** The regency's allocations and Dana Desa stage plan for the village. */
export function allocationCommands(villageCode: string, budget: VillageBudget): DemoCommand[] {
  return [
    ...budget.allocations.map(({ source, amount }) =>
      demoCommand('SetAllocation', `allocation-${villageCode}-${source}`, {
        villageCode,
        source,
        amount,
        legalReference: perbup('5 Tahun 2024', '2024-11-29'),
      }),
    ),
    demoCommand('PlanDanaDesaStages', `stages-${villageCode}`, {
      villageCode,
      source: budget.danaDesaSource,
      earmarks: budget.earmarks,
    }),
  ];
}

/** BPD agreement, camat's evaluation, Perdes and Perkades: the path every APBDes version takes. */
function enactment(version: string, dates: string[], numbers: string[]): DemoCommand[] {
  const [toBpd, agreed, toCamat, evaluated, enacted, elaborated] = dates as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const [minutes, evaluation, perdes, perkades] = numbers as [string, string, string, string];
  return [
    demoCommand('SubmitApbdesToBpd', `${version}-bpd`, { date: toBpd }),
    demoCommand('RecordBpdAgreement', `${version}-agreed`, {
      date: agreed,
      minutesNumber: minutes,
    }),
    demoCommand('SubmitApbdesForEvaluation', `${version}-to-camat`, { date: toCamat }),
    demoCommand('RecordApbdesEvaluation', `${version}-evaluated`, {
      date: evaluated,
      reference: evaluation,
      outcome: 'approved',
      remarks: [],
    }),
    demoCommand('EnactApbdes', `${version}-enacted`, { perdesNumber: perdes, date: enacted }),
    demoCommand('ElaborateApbdes', `${version}-elaborated`, {
      perkadesNumber: perkades,
      date: elaborated,
    }),
  ];
}

const draft = (line: AmountLine | SpendingLine, key: string) =>
  demoCommand('DraftApbdesLine', key, { line });

function estimatedCosts(budget: VillageBudget, activityId: string) {
  const costs = new Map<string, Rupiah>();
  for (const { line, amount } of budget.spending.filter((s) => s.line.activityId === activityId))
    costs.set(line.source, (costs.get(line.source) ?? ZERO).plus(amount));
  return [...costs].map(([source, amount]) => ({ source, amount: toAmountText(amount) }));
}

/** Opening the year, the RKPDes activities and the APBDes awal, from draft to Penjabaran (late 2024). */
export function originalBudgetCommands(villageName: string, budget: VillageBudget): DemoCommand[] {
  const bank = budget.silpa.reduce((total, entry) => total.plus(rupiah(entry.amount)), ZERO);
  return [
    demoCommand('OpenVillageFiscalYear', 'open', {
      openingBalances: { cashOnHand: '0', bank: toAmountText(bank) },
      silpa: budget.silpa,
    }),
    ...budget.activities.map((activity) =>
      demoCommand('PlanRkpdesActivity', `plan-${activity.activityId}`, {
        activityId: activity.activityId,
        subBidangCode: prefixAt(activity.kegiatanCode, 2),
        kegiatanCode: activity.kegiatanCode,
        name: activity.name,
        location: { hamlet: `Dusun ${activity.hamlet}` },
        output: { volume: '1', unit: 'kegiatan' },
        executor: { name: 'Kasi Kesejahteraan', position: 'PKA' },
        beneficiaries: { description: `Warga Desa ${villageName}`, count: 2400 },
        estimatedCosts: estimatedCosts(budget, activity.activityId),
      }),
    ),
    demoCommand('StartApbdesDraft', 'draft', {}),
    ...budget.amountLines.map((line) => draft(line, `draft-${line.lineId}`)),
    ...budget.spending.map(({ line }) => draft(line, `draft-${line.lineId}`)),
    ...enactment(
      'awal',
      ['2024-10-07', '2024-10-21', '2024-10-23', '2024-11-14', '2024-12-19', '2024-12-23'],
      ['BA/BPD/2024/11', 'Camat 900/2024/77', '8 Tahun 2024', '14 Tahun 2024'],
    ),
  ];
}

export interface Amendment {
  source: string;
  /** The regency's raised allocation (SetAllocation with the new amount). */
  allocation: DemoCommand;
  /** The village's Perubahan APBDes, from its start to the Penjabaran. */
  village: DemoCommand[];
}

/**
 * A Perubahan APBDes after the regency raises an allocation in July: the
 * revenue line and the source's one-unit spending line grow by the rise.
 */
export function amendment(villageCode: string, budget: VillageBudget, rise: Rupiah): Amendment {
  const raised = budget.allocations.find((a) => a.source !== budget.danaDesaSource)!;
  const revenue = budget.amountLines.find(
    (l) => l.kind === 'revenue' && l.source === raised.source,
  )!;
  const spending = budget.spending.find(
    (s) => s.line.source === raised.source && s.line.volume === '1',
  )!.line;
  const amount = toAmountText(rupiah(raised.amount).plus(rise));
  return {
    source: raised.source,
    allocation: demoCommand('SetAllocation', `allocation-${villageCode}-${raised.source}-p1`, {
      villageCode,
      source: raised.source,
      amount,
      legalReference: perbup('19 Tahun 2025', '2025-07-28'),
    }),
    village: [
      demoCommand('StartApbdesAmendment', 'p1-start', {
        date: '2025-08-11',
        grounds: ['revenueChange'],
      }),
      draft({ ...revenue, amount }, 'p1-revenue'),
      draft(
        { ...spending, unitPrice: toAmountText(rupiah(spending.unitPrice).plus(rise)) },
        'p1-spending',
      ),
      ...enactment(
        'p1',
        ['2025-08-18', '2025-08-25', '2025-08-27', '2025-09-10', '2025-09-22', '2025-09-29'],
        ['BA/BPD/2025/08', 'Camat 900/2025/41', '4 Tahun 2025', '22 Tahun 2025'],
      ),
    ],
  };
}
