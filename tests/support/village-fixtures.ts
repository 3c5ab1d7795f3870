import { loadReferenceData } from '../../src/app/load-reference-data';
import { regencyCommandSchemas } from '../../src/domain/regency/commands';
import type { RegencyContext } from '../../src/domain/regency/context';
import { regencyDecider } from '../../src/domain/regency/decider';
import { villageCommandSchemas } from '../../src/domain/village/commands';
import type { VillageContext } from '../../src/domain/village/context';
import { villageDecider } from '../../src/domain/village/decider';
import type { Actor } from '../../src/domain/shared/envelope';
import { by, command, deciderSpecification, type RawCommand } from './decider-specification';

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

export const openYear = (silpa = [{ source: 'DDS', amount: '10000000.00' }]) =>
  command('OpenVillageFiscalYear', {
    openingBalances: { cashOnHand: '250000.00', bank: '9750000.00' },
    silpa,
  });

export function activity(
  activityId: string,
  kegiatanCode: string,
  source: string,
  extra: object = {},
) {
  return command('PlanRkpdesActivity', {
    activityId,
    subBidangCode: kegiatanCode.slice(0, 5),
    kegiatanCode,
    name: `Kegiatan ${activityId}`,
    location: { hamlet: 'Dusun Krajan', latitude: -8.5731, longitude: 114.0123 },
    output: { volume: '1', unit: 'paket' },
    executor: { name: 'Bambang', position: 'Kasi Kesejahteraan' },
    beneficiaries: { description: 'Warga desa', count: 250 },
    estimatedCosts: [{ source, amount: '1000000.00' }],
    ...extra,
  });
}

export const revenue = (lineId: string, account: string, source: string, amount: string) =>
  command('DraftApbdesLine', {
    line: { kind: 'revenue', lineId, account, source, amount, description: lineId },
  });

export const financing = (lineId: string, account: string, source: string, amount: string) =>
  command('DraftApbdesLine', {
    line: { kind: 'financing', lineId, account, source, amount, description: lineId },
  });

export function spending(
  lineId: string,
  activityId: string,
  account: string,
  source: string,
  volume: string,
  unitPrice: string,
  earmark?: string,
) {
  return command('DraftApbdesLine', {
    line: {
      kind: 'spending',
      lineId,
      activityId,
      account,
      source,
      ...(earmark === undefined ? {} : { earmark }),
      volume,
      unit: 'unit',
      unitPrice,
      description: lineId,
    },
  });
}

/** A small balanced budget: DDS 100 m + SiLPA 10 m for a road, ADD 60 m for siltap. */
export function smallDraft(): RawCommand[] {
  return [
    openYear(),
    activity('road', '02.03.10', 'DDS'),
    activity('siltap', '01.01.01', 'ADD'),
    command('StartApbdesDraft', {}),
    revenue('r-dds', '4.2.1.01', 'DDS', '100000000'),
    revenue('r-add', '4.2.3.01', 'ADD', '60000000'),
    financing('f-silpa', '6.1.1.01', 'DDS', '10000000'),
    spending('s-road', 'road', '5.3.5.03', 'DDS', '100', '1100000', 'non-earmarked'),
    spending('s-siltap', 'siltap', '5.1.1.01', 'ADD', '12', '5000000'),
  ];
}

export const toBpd = () => command('SubmitApbdesToBpd', { date: '2024-10-10' });
export const bpdAgrees = () =>
  command('RecordBpdAgreement', { date: '2024-10-20', minutesNumber: 'BA/07/BPD/2024' });
export const toEvaluation = () => command('SubmitApbdesForEvaluation', { date: '2024-10-22' });
export const evaluation = (
  outcome = 'approved',
  remarks: { lineId: string; remark: string }[] = [],
) =>
  command('RecordApbdesEvaluation', {
    date: '2024-11-12',
    reference: '900/123/429.501/2024',
    outcome,
    remarks,
  });
export const enact = (perdesNumber = '8 Tahun 2024') =>
  command('EnactApbdes', { perdesNumber, date: '2024-12-20' });
export const elaborate = (perkadesNumber = '12 Tahun 2024') =>
  command('ElaborateApbdes', { perkadesNumber, date: '2024-12-21' });

export function throughEvaluation(): RawCommand[] {
  return [toBpd(), bpdAgrees(), toEvaluation(), evaluation()];
}

/** The small budget enacted as "APBDes awal". */
export function enactedSmallBudget(): RawCommand[] {
  return [...smallDraft(), ...throughEvaluation(), enact()];
}

export const startAmendment = (grounds = ['revenueChange']) =>
  command('StartApbdesAmendment', { date: '2025-08-01', grounds });

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
    command('StartApbdesDraft', {}),
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
  return by(
    KAUR,
    command('RecordReceipt', {
      receiptId,
      date: options.date ?? '2025-01-10',
      account: options.account ?? (source === 'DDS' ? '4.2.1.01' : '4.2.3.01'),
      source,
      amount,
      into: options.into ?? 'bank',
      payer: { name: 'RKUD Kabupaten Banyuwangi' },
      description: `Penerimaan ${receiptId}`,
      ...(transfer ? { transfer } : {}),
    }),
  );
}

export const evidenceOf = (receiptNumber: string, receiptDate = '2025-02-03') => ({
  receiptNumber,
  receiptDate,
  payee: 'CV Maju Jaya',
  address: 'Jl. Raya Rogojampi 12',
  bankAccount: '0011223344',
  bankName: 'Bank Jatim',
  npwp: '012345678901234',
});

export interface SppLineInput {
  lineId: string;
  source: string;
  amount: string;
  taxes?: string[];
}

/** An SPP drafted by the PKA: UM lines carry no evidence, LS/PBY lines one piece each. */
export function draftSpp(
  sppId: string,
  kind: 'UM' | 'LS' | 'PBY',
  activityId: string | undefined,
  lines: SppLineInput[],
  date = '2025-02-03',
) {
  return by(
    PKA,
    command('DraftPaymentRequest', {
      sppId,
      kind,
      ...(activityId === undefined ? {} : { activityId }),
      date,
      description: `SPP ${sppId}`,
      progressReportReference: `LPK/${sppId}`,
      lines: lines.map((line) => ({
        ...line,
        taxes: line.taxes ?? [],
        ...(kind === 'UM' ? {} : { evidence: evidenceOf(`BKT/${sppId}/${line.lineId}`, date) }),
      })),
    }),
  );
}

/** Submitted by the PKA, verified by the Sekdes, approved by the Kades. */
export function approveSpp(sppId: string, date = '2025-02-04'): RawCommand[] {
  return [
    by(PKA, command('SubmitPaymentRequest', { sppId, date })),
    command('VerifyPaymentRequest', { sppId, date, outcome: 'verified', reasons: [] }),
    by(KADES, command('ApprovePaymentRequest', { sppId, date, outcome: 'approved', reasons: [] })),
  ];
}

export function paySpp(
  paymentId: string,
  sppId: string,
  options: { date?: string; from?: 'cashOnHand' | 'bank'; taxOverrides?: object[] } = {},
) {
  const from = options.from ?? 'bank';
  return by(
    KAUR,
    command('PayPaymentRequest', {
      paymentId,
      sppId,
      date: options.date ?? '2025-02-05',
      from,
      ...(from === 'bank' ? { transferReference: `TRF/${paymentId}` } : {}),
      taxOverrides: options.taxOverrides ?? [],
    }),
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
