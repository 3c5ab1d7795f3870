import { createHash } from 'node:crypto';
import { loadReferenceData } from '../../src/app/load-reference-data';
import { regencyCommandSchemas } from '../../src/domain/regency/commands';
import type { RegencyContext } from '../../src/domain/regency/context';
import { regencyDecider } from '../../src/domain/regency/decider';
import { villageCommandSchemas, type ApbdesEvaluation } from '../../src/domain/village/commands';
import type { VillageContext } from '../../src/domain/village/context';
import { villageDecider } from '../../src/domain/village/decider';
import type { Actor } from '../../src/domain/shared/envelope';
import {
  bpdAgreementCommand,
  draftLineCommand,
  spendingLineCommand,
  elaborateCommand,
  enactCommand,
  evaluationCommand,
  openYearCommand,
  rkpdesActivityCommand,
  startAmendmentCommand,
  startDraftCommand,
  submitForEvaluationCommand,
  submitToBpdCommand,
} from '../../src/scenario/budget-commands';
import {
  approvalCommands,
  draftPaymentRequestCommand,
  evidence,
  payCommand,
  receiptCommand,
  type Payee,
  type PaymentRequestLine,
} from '../../src/scenario/execution-commands';
import { commandDraft, type CommandDraft } from '../../src/scenario/scenario-step';
import type { Ledger } from '../../src/app/ledger';
import {
  by,
  command,
  deciderSpecification,
  TEST_ACTOR,
  type RawCommand,
} from './decider-specification';

/** Shared test data: Banyuwangi demo reference data 2025 and a small village budget. */
export const YEAR = 2025;
export const REGENCY = '35.10';
export const VILLAGE = '35.10.01.2001';
export const reference = loadReferenceData(YEAR, REGENCY);

export function villageContext(
  allocations: Record<string, string> = { DDS: '100000000.00' },
  transfers: Record<string, string> = {},
): VillageContext {
  return {
    villageCode: VILLAGE,
    fiscalYear: YEAR,
    reference,
    allocations: new Map(Object.entries(allocations)),
    transfers: new Map(Object.entries(transfers)),
    evaluations: EVALUATIONS,
  };
}

export const regencyContext: RegencyContext = { regencyCode: REGENCY, fiscalYear: YEAR, reference };

export function villageSpec(
  allocations?: Record<string, string>,
  transfers?: Record<string, string>,
) {
  return deciderSpecification(
    villageDecider,
    villageCommandSchemas,
    villageContext(allocations, transfers),
  );
}

export function regencySpec() {
  return deciderSpecification(regencyDecider, regencyCommandSchemas, regencyContext);
}

/** A scenario command as the decider spec sends it: numbered like `command`, by the Sekdes unless given. */
export const fromDraft = ({ type, payload }: CommandDraft, actor: Actor = TEST_ACTOR) =>
  by(actor, command(type, payload));

export const openYear = (silpa = [{ source: 'DDS', amount: '10000000.00' }]) =>
  fromDraft(openYearCommand({ cashOnHand: '250000.00', bank: '9750000.00' }, silpa));

export function activity(
  activityId: string,
  kegiatanCode: string,
  source: string,
  extra: object = {},
) {
  const draft = rkpdesActivityCommand({
    activityId,
    kegiatanCode,
    name: `Kegiatan ${activityId}`,
    hamlet: 'Krajan',
    coordinates: { latitude: -8.5731, longitude: 114.0123 },
    output: { volume: '1', unit: 'paket' },
    executor: { name: 'Bambang', position: 'Kasi Kesejahteraan' },
    beneficiaries: { description: 'Warga desa', count: 250 },
    estimatedCosts: [{ source, amount: '1000000.00' }],
  });
  return fromDraft({ ...draft, payload: { ...draft.payload, ...extra } });
}

export const revenue = (lineId: string, account: string, source: string, amount: string) =>
  fromDraft(
    draftLineCommand({ kind: 'revenue', lineId, account, source, amount, description: lineId }),
  );

export const financing = (lineId: string, account: string, source: string, amount: string) =>
  fromDraft(
    draftLineCommand({ kind: 'financing', lineId, account, source, amount, description: lineId }),
  );

export function spending(
  lineId: string,
  activityId: string,
  account: string,
  source: string,
  volume: string,
  unitPrice: string,
  earmark?: string,
) {
  return fromDraft(
    spendingLineCommand({
      lineId,
      activityId,
      account,
      source,
      earmark,
      volume,
      unit: 'unit',
      unitPrice,
    }),
  );
}

/** A small balanced budget: DDS 100 m + SiLPA 10 m for a road, ADD 60 m for siltap. */
export function smallDraft(): RawCommand[] {
  return [
    openYear(),
    activity('road', '02.03.10', 'DDS'),
    activity('siltap', '01.01.01', 'ADD'),
    fromDraft(startDraftCommand()),
    revenue('r-dds', '4.2.1.01', 'DDS', '100000000'),
    revenue('r-add', '4.2.3.01', 'ADD', '60000000'),
    financing('f-silpa', '6.1.1.01', 'DDS', '10000000'),
    spending('s-road', 'road', '5.3.5.03', 'DDS', '100', '1100000', 'non-earmarked'),
    spending('s-siltap', 'siltap', '5.1.1.01', 'ADD', '12', '5000000'),
  ];
}

export const toBpd = () => fromDraft(submitToBpdCommand('awal', '2024-10-10'));
export const bpdAgrees = () =>
  fromDraft(bpdAgreementCommand('awal', '2024-10-20', 'BA/07/BPD/2024'));
export const toEvaluation = () => fromDraft(submitForEvaluationCommand('awal', '2024-10-22'));
/**
 * The camat's evaluations the tests' village context holds, as the regency
 * stream would: each `evaluation(…)` records its own, under a reference drawn
 * from its content (the same in every run), and is the village's take-in of it.
 */
const EVALUATIONS: ApbdesEvaluation[] = [];

const contentLetter = (remarks: ApbdesEvaluation['remarks']) =>
  createHash('sha256').update(JSON.stringify(remarks)).digest('hex').slice(0, 8);

export const CAMAT: Actor = { id: 'u-camat', role: 'districtHead', displayName: 'Camat Glagah' };

export function evaluation(
  outcome: ApbdesEvaluation['outcome'] = 'approved',
  remarks: ApbdesEvaluation['remarks'] = [],
  letter = outcome === 'approved' ? '123' : contentLetter(remarks),
) {
  const reference = `900/${letter}/429.501/2024`;
  if (!EVALUATIONS.some((known) => known.reference === reference))
    EVALUATIONS.push({ date: '2024-11-12', reference, outcome, remarks });
  return {
    ...fromDraft(commandDraft('ReceiveApbdesEvaluation', 'evaluated', { reference })),
    payload: { reference },
  };
}

/** The camat's evaluation a fixture's take-in stands for, as the regency command. */
export function camatEvaluation(takeIn: { payload: unknown }, villageCode = VILLAGE): RawCommand {
  const { reference } = takeIn.payload as { reference: string };
  const recorded = EVALUATIONS.find((found) => found.reference === reference)!;
  const { date, outcome, remarks } = recorded;
  const draft = evaluationCommand(villageCode, 'awal', date, reference, outcome, remarks);
  return by(CAMAT, command(draft.type, draft.payload));
}

/**
 * A fixture command through the ledger: a take-in is issued as the camat's
 * evaluation on the regency stream, which the ledger has the village take in.
 */
export async function issueFixture(ledger: Ledger, villageCode: string, raw: RawCommand) {
  if (raw.type !== 'ReceiveApbdesEvaluation')
    return ledger.executeVillageCommand(villageCode, YEAR, raw);
  if (!(await ledger.regencyState(REGENCY, YEAR)).opened)
    await ledger.executeRegencyCommand(REGENCY, YEAR, command('OpenRegencyFiscalYear', {}));
  return ledger.executeRegencyCommand(REGENCY, YEAR, camatEvaluation(raw, villageCode));
}
export const enact = (perdesNumber = '8 Tahun 2024') =>
  fromDraft(enactCommand('awal', perdesNumber, '2024-12-20'));
export const elaborate = (perkadesNumber = '12 Tahun 2024') =>
  fromDraft(elaborateCommand('awal', perkadesNumber, '2024-12-21'));

/** Through the camat's approval; a later version of the year needs its own letter. */
export function throughEvaluation(letter?: string): RawCommand[] {
  return [toBpd(), bpdAgrees(), toEvaluation(), evaluation('approved', [], letter)];
}

/** The small budget enacted as "APBDes awal". */
export function enactedSmallBudget(): RawCommand[] {
  return [...smallDraft(), ...throughEvaluation(), enact()];
}

export const startAmendment = (grounds = ['revenueChange']) =>
  fromDraft(startAmendmentCommand('2025-08-01', grounds));

/** Who acts in the execution tests: the Sekdes is TEST_ACTOR. */
export const KADES: Actor = { id: 'u-kades', role: 'kepala-desa', displayName: 'Haji Slamet' };
export const KAUR: Actor = { id: 'u-kaur', role: 'kaur-keuangan', displayName: 'Dewi Lestari' };
export const PKA: Actor = { id: 'u-pka', role: 'pelaksana-kegiatan', displayName: 'Bambang' };

/**
 * An enacted budget (Perdes 2024-12-20) that execution can pay from:
 * DDS 100 m + SiLPA 10 m for the road; ADD 60 m for siltap, office
 * supplies, bank fees and BUMDes capital (a pembiayaan line).
 */
export function enactedExecutionBudget(): RawCommand[] {
  return [
    openYear(),
    activity('road', '02.03.10', 'DDS'),
    activity('siltap', '01.01.01', 'ADD'),
    activity('office', '01.01.04', 'ADD'),
    fromDraft(startDraftCommand()),
    revenue('r-dds', '4.2.1.01', 'DDS', '100000000'),
    revenue('r-add', '4.2.3.01', 'ADD', '60000000'),
    financing('f-silpa', '6.1.1.01', 'DDS', '10000000'),
    financing('f-bumdes', '6.2.2.01', 'ADD', '5400000'),
    spending('s-road', 'road', '5.3.5.03', 'DDS', '100', '1100000', 'non-earmarked'),
    spending('s-siltap', 'siltap', '5.1.1.01', 'ADD', '12', '4000000'),
    spending('s-office', 'office', '5.2.1.01', 'ADD', '1', '6000000'),
    spending('s-bankfee', 'office', '5.2.5.90', 'ADD', '12', '50000'),
    ...throughEvaluation(),
    enact(),
  ];
}

/** What the regency transferred in these tests: Dana Desa stage 1 (40 m) and 2 (60 m). */
export const TRANSFERS = { 'DDS|1': '40000000.00', 'DDS|2': '60000000.00' };

export function executionSpec() {
  return villageSpec(undefined, TRANSFERS);
}

interface ReceiptOptions {
  date?: string;
  account?: string;
  source?: string;
  into?: 'cashOnHand' | 'bank';
  transfer?: { stage: number; reference: string };
}

export function receipt(receiptId: string, amount: string, options: ReceiptOptions = {}) {
  const source = options.source ?? 'ADD';
  const transfer =
    options.transfer ?? (source === 'DDS' ? { stage: 1, reference: 'SP2D 1' } : undefined);
  return fromDraft(
    receiptCommand({
      receiptId,
      date: options.date ?? '2025-01-10',
      account: options.account ?? (source === 'DDS' ? '4.2.1.01' : '4.2.3.01'),
      source,
      amount,
      into: options.into ?? 'bank',
      payer: 'RKUD Kabupaten Banyuwangi',
      description: `Penerimaan ${receiptId}`,
      transfer,
    }),
    KAUR,
  );
}

const SUPPLIER: Payee = {
  payee: 'CV Maju Jaya',
  address: 'Jl. Raya Rogojampi 12',
  bankAccount: '0011223344',
  bankName: 'Bank Jatim',
  npwp: '012345678901234',
};

export const evidenceOf = (receiptNumber: string, receiptDate = '2025-02-03') =>
  evidence(receiptNumber, receiptDate, SUPPLIER);

export type SppLineInput = Omit<PaymentRequestLine, 'evidence'>;

/** An SPP drafted by the PKA: UM lines carry no evidence, LS/PBY lines one piece each. */
export function draftSpp(
  sppId: string,
  kind: 'UM' | 'LS' | 'PBY',
  activityId: string | undefined,
  lines: SppLineInput[],
  date = '2025-02-03',
) {
  return fromDraft(
    draftPaymentRequestCommand({
      sppId,
      kind,
      ...(activityId === undefined ? {} : { activityId }),
      date,
      description: `SPP ${sppId}`,
      lines: lines.map((line) => ({
        ...line,
        evidence: evidenceOf(`BKT/${sppId}/${line.lineId}`, date),
      })),
    }),
    PKA,
  );
}

/** Submitted by the PKA, verified by the Sekdes, approved by the Kades. */
export function approveSpp(sppId: string, date = '2025-02-04'): RawCommand[] {
  const [submit, verify, approve] = approvalCommands(sppId, date) as [
    CommandDraft,
    CommandDraft,
    CommandDraft,
  ];
  return [fromDraft(submit, PKA), fromDraft(verify), fromDraft(approve, KADES)];
}

export function paySpp(
  paymentId: string,
  sppId: string,
  options: { date?: string; from?: 'cashOnHand' | 'bank'; taxOverrides?: object[] } = {},
) {
  return fromDraft(
    payCommand(sppId, options.date ?? '2025-02-05', options.from ?? 'bank', paymentId, {
      transferReference: `TRF/${paymentId}`,
      taxOverrides: options.taxOverrides,
    }),
    KAUR,
  );
}
/** Drafted, approved and paid. */
export function paidSpp(
  sppId: string,
  kind: 'UM' | 'LS' | 'PBY',
  activityId: string | undefined,
  lines: SppLineInput[],
  from: 'cashOnHand' | 'bank' = 'bank',
): RawCommand[] {
  return [
    draftSpp(sppId, kind, activityId, lines),
    ...approveSpp(sppId),
    paySpp(`PAY/${sppId}`, sppId, { from }),
  ];
}

/** Through the ledger: the regency year open with the village's Dana Desa allocation. */
export async function allocateDanaDesa(ledger: Ledger, amount = '100000000'): Promise<void> {
  await ledger.executeRegencyCommand(REGENCY, YEAR, command('OpenRegencyFiscalYear', {}));
  await ledger.executeRegencyCommand(
    REGENCY,
    YEAR,
    command('SetAllocation', {
      villageCode: VILLAGE,
      source: 'DDS',
      amount,
      legalReference: { document: 'Perbup', number: '5 Tahun 2025', date: '2025-01-10' },
    }),
  );
}

/** SPP lines on the road activity's Dana Desa line (`s-road`, kegiatan 02.03.10). */
export const roadLines = (amount: string) => [
  { lineId: 's-road', source: 'DDS', amount, taxes: [] },
];

/**
 * Through the ledger: the regency year open with the village's Dana Desa
 * allocation, the APBDes enacted and the road's first tranche paid (SPP-1),
 * then `more` of the village's commands.
 */
export async function roadFirstTranchePaid(ledger: Ledger, more: RawCommand[] = []): Promise<void> {
  await allocateDanaDesa(ledger);
  for (const raw of [
    ...enactedExecutionBudget(),
    ...paidSpp('SPP-1', 'LS', 'road', roadLines('2000000')),
    ...more,
  ])
    await issueFixture(ledger, VILLAGE, raw);
}
