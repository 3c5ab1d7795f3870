import { prefixAt } from '../domain/shared/dotted-codes';
import { rupiah, toAmountText, ZERO, type Rupiah } from '../domain/shared/money';
import { commandDraft, type CommandDraft } from './scenario-step';
import type { AmountLine, SourceAmount, SpendingLine, VillageBudget } from './village-budget';

/** A regency regulation (Perbup) an allocation rests on. */
export const perbup = (number: string, date: string) => ({ document: 'Perbup', number, date });

export const allocationCommand = (
  villageCode: string,
  source: string,
  amount: string,
  legalReference: ReturnType<typeof perbup>,
  key = `allocation-${villageCode}-${source}`,
): CommandDraft =>
  commandDraft('SetAllocation', key, { villageCode, source, amount, legalReference });

/** The regency's allocations and Dana Desa stage plan for the village (the Perbup of late last year). */
export function allocationCommands(
  villageCode: string,
  budget: VillageBudget,
  fiscalYear: number,
): CommandDraft[] {
  const legal = perbup(`5 Tahun ${fiscalYear - 1}`, `${fiscalYear - 1}-11-29`);
  return [
    ...budget.allocations.map(({ source, amount }) =>
      allocationCommand(villageCode, source, amount, legal),
    ),
    commandDraft('PlanDanaDesaStages', `stages-${villageCode}`, {
      villageCode,
      source: budget.danaDesaSource,
      earmarks: budget.earmarks,
    }),
  ];
}

/** The dates and document numbers of one APBDes version's path. */
export interface Enactment {
  /** To the BPD, BPD agreed, to the camat, evaluated, Perdes, Perkades (Penjabaran). */
  dates: [string, string, string, string, string, string];
  /** BPD minutes, the camat's evaluation, the Perdes, the Perkades. */
  numbers: [string, string, string, string];
}

/** The APBDes version goes to the BPD for deliberation. */
export const submitToBpdCommand = (version: string, date: string) =>
  commandDraft('SubmitApbdesToBpd', `${version}-bpd`, { date });

export const bpdAgreementCommand = (version: string, date: string, minutesNumber: string) =>
  commandDraft('RecordBpdAgreement', `${version}-agreed`, { date, minutesNumber });

/** The agreed APBDes goes to the camat for evaluation. */
export const submitForEvaluationCommand = (version: string, date: string) =>
  commandDraft('SubmitApbdesForEvaluation', `${version}-to-camat`, { date });

/** The camat's evaluation, on the regency's year; the ledger has the village take it in. */
export const evaluationCommand = (
  villageCode: string,
  version: string,
  date: string,
  reference: string,
  outcome = 'approved',
  remarks: { lineId: string; remark: string }[] = [],
): CommandDraft => ({
  ...commandDraft('RecordApbdesEvaluation', `${version}-evaluated`, {
    villageCode,
    date,
    reference,
    outcome,
    remarks,
  }),
  regency: true,
});

export const enactCommand = (version: string, perdesNumber: string, date: string) =>
  commandDraft('EnactApbdes', `${version}-enacted`, { perdesNumber, date });

/** The Perkades (Penjabaran APBDes) that elaborates the Perdes. */
export const elaborateCommand = (version: string, perkadesNumber: string, date: string) =>
  commandDraft('ElaborateApbdes', `${version}-elaborated`, { perkadesNumber, date });

/** BPD agreement, camat's evaluation, Perdes and Perkades: the path every APBDes version takes. */
export function enactmentCommands(
  villageCode: string,
  version: string,
  { dates, numbers }: Enactment,
): CommandDraft[] {
  const [toBpd, agreed, toCamat, evaluated, enacted, elaborated] = dates;
  const [minutes, evaluation, perdes, perkades] = numbers;
  return [
    submitToBpdCommand(version, toBpd),
    bpdAgreementCommand(version, agreed, minutes),
    submitForEvaluationCommand(version, toCamat),
    evaluationCommand(villageCode, version, evaluated, evaluation),
    enactCommand(version, perdes, enacted),
    elaborateCommand(version, perkades, elaborated),
  ];
}

export const draftLineCommand = (line: AmountLine | SpendingLine, key = `draft-${line.lineId}`) =>
  commandDraft('DraftApbdesLine', key, { line: { ...line } });

/** A spending line described by its own id, as small budgets write one; no earmark unless given. */
export const spendingLineCommand = ({
  earmark,
  ...line
}: Omit<SpendingLine, 'kind' | 'description'>) =>
  draftLineCommand({
    kind: 'spending',
    ...line,
    ...(earmark ? { earmark } : {}),
    description: line.lineId,
  });

/** An RKPDes activity: where, by whom, for whom, and what it costs per fund source. */
export interface PlannedActivity {
  activityId: string;
  kegiatanCode: string;
  name: string;
  hamlet: string;
  coordinates?: { latitude: number; longitude: number };
  /** One kegiatan unless given. */
  output?: { volume: string; unit: string };
  /** The Kasi as PKA unless given. */
  executor?: { name: string; position: string };
  beneficiaries: { description: string; count: number };
  estimatedCosts: { source: string; amount: string }[];
}

export const rkpdesActivityCommand = (activity: PlannedActivity): CommandDraft =>
  commandDraft('PlanRkpdesActivity', `plan-${activity.activityId}`, {
    activityId: activity.activityId,
    subBidangCode: prefixAt(activity.kegiatanCode, 2),
    kegiatanCode: activity.kegiatanCode,
    name: activity.name,
    location: { hamlet: `Dusun ${activity.hamlet}`, ...activity.coordinates },
    output: activity.output ?? { volume: '1', unit: 'kegiatan' },
    executor: activity.executor ?? { name: 'Kasi Kesejahteraan', position: 'PKA' },
    beneficiaries: activity.beneficiaries,
    estimatedCosts: activity.estimatedCosts,
  });

/** What an activity's lines cost per fund source. */
export function estimatedCosts(lines: readonly SpendingLine[]) {
  const costs = new Map<string, Rupiah>();
  for (const line of lines)
    costs.set(
      line.source,
      (costs.get(line.source) ?? ZERO).plus(rupiah(line.unitPrice).times(line.volume)),
    );
  return [...costs].map(([source, amount]) => ({ source, amount: toAmountText(amount) }));
}

/** The year opened on its cash and bank balances and the SiLPA per fund source they hold. */
export const openYearCommand = (
  openingBalances: { cashOnHand: string; bank: string },
  silpa: readonly SourceAmount[],
): CommandDraft => commandDraft('OpenVillageFiscalYear', 'open', { openingBalances, silpa });

export const startDraftCommand = (): CommandDraft => commandDraft('StartApbdesDraft', 'draft', {});

/** The village's plan: the year opened on its SiLPA and the RKPDes activities. */
export function planCommands(
  villageName: string,
  budget: VillageBudget,
  cashOnHand: Rupiah,
): CommandDraft[] {
  const silpa = budget.silpa.reduce((total, entry) => total.plus(rupiah(entry.amount)), ZERO);
  return [
    openYearCommand(
      { cashOnHand: toAmountText(cashOnHand), bank: toAmountText(silpa.minus(cashOnHand)) },
      budget.silpa,
    ),
    ...budget.activities.map((activity) =>
      rkpdesActivityCommand({
        ...activity,
        beneficiaries: { description: `Warga Desa ${villageName}`, count: 2400 },
        estimatedCosts: estimatedCosts(
          budget.spending
            .filter((s) => s.line.activityId === activity.activityId)
            .map((s) => s.line),
        ),
      }),
    ),
  ];
}

/** The APBDes awal from draft to Penjabaran, in the autumn before the fiscal year. */
export function originalBudgetCommands(
  villageCode: string,
  budget: VillageBudget,
  fiscalYear: number,
): CommandDraft[] {
  const before = fiscalYear - 1;
  return [
    startDraftCommand(),
    ...budget.amountLines.map((line) => draftLineCommand(line)),
    ...budget.spending.map(({ line }) => draftLineCommand(line)),
    ...enactmentCommands(villageCode, 'awal', {
      dates: [
        `${before}-10-07`,
        `${before}-10-21`,
        `${before}-10-23`,
        `${before}-11-14`,
        `${before}-12-19`,
        `${before}-12-23`,
      ],
      numbers: [
        `BA/BPD/${before}/11`,
        `Camat 900/${before}/77`,
        `8 Tahun ${before}`,
        `14 Tahun ${before}`,
      ],
    }),
  ];
}

export const startAmendmentCommand = (date: string, grounds: string[], key = 'p1-start') =>
  commandDraft('StartApbdesAmendment', key, { date, grounds });

/** The Perubahan's path, August to September of the fiscal year. */
export const amendmentEnactment = (fiscalYear: number): Enactment => ({
  dates: [
    `${fiscalYear}-08-18`,
    `${fiscalYear}-08-25`,
    `${fiscalYear}-08-27`,
    `${fiscalYear}-09-10`,
    `${fiscalYear}-09-22`,
    `${fiscalYear}-09-29`,
  ],
  numbers: [
    `BA/BPD/${fiscalYear}/08`,
    `Camat 900/${fiscalYear}/41`,
    `4 Tahun ${fiscalYear}`,
    `22 Tahun ${fiscalYear}`,
  ],
});

export interface Amendment {
  /** The regency's raised allocation (SetAllocation with the new amount). */
  allocation: CommandDraft;
  /** The village's Perubahan APBDes, from its start to the Penjabaran. */
  village: CommandDraft[];
}

/**
 * A Perubahan APBDes after the regency raises an allocation in July: the
 * revenue line and the source's one-unit spending line grow by the rise.
 */
export function amendment(
  villageCode: string,
  budget: VillageBudget,
  rise: Rupiah,
  fiscalYear: number,
): Amendment {
  const raised = budget.allocations.find((a) => a.source !== budget.danaDesaSource)!;
  const revenue = budget.amountLines.find(
    (l) => l.kind === 'revenue' && l.source === raised.source,
  )!;
  const spending = budget.spending.find(
    (s) => s.line.source === raised.source && s.line.volume === '1',
  )!.line;
  const amount = toAmountText(rupiah(raised.amount).plus(rise));
  return {
    allocation: allocationCommand(
      villageCode,
      raised.source,
      amount,
      perbup(`19 Tahun ${fiscalYear}`, `${fiscalYear}-07-28`),
      `allocation-${villageCode}-${raised.source}-p1`,
    ),
    village: [
      startAmendmentCommand(`${fiscalYear}-08-11`, ['revenueChange']),
      draftLineCommand({ ...revenue, amount }, 'p1-revenue'),
      draftLineCommand(
        { ...spending, unitPrice: toAmountText(rupiah(spending.unitPrice).plus(rise)) },
        'p1-spending',
      ),
      ...enactmentCommands(villageCode, 'p1', amendmentEnactment(fiscalYear)),
    ],
  };
}
