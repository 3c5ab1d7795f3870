import type { MonitoringPolicy } from '../projects/policy';
import type { TimeZone } from '../shared/local-date';

/** The year's reference data for one regency, as the domain sees it (loaded, never hard-coded). */
export type AccountClass =
  'revenue' | 'spending' | 'financingReceipt' | 'financingExpenditure' | 'nonBudget';

export interface Account {
  code: string;
  name: string;
  level: number;
  accountClass: AccountClass | undefined;
  /** Financing receipt that carries the previous year's SiLPA. */
  silpa: boolean;
  /** Revenue account bank interest is booked on. */
  bankInterest: boolean;
  /** Spending account bank fees are booked on. */
  bankFee: boolean;
  regencyExtension: boolean;
}

export interface Named {
  code: string;
  name: string;
}

export interface Kegiatan extends Named {
  subBidangCode: string;
  bidangCode: string;
  regencyExtension: boolean;
}

export type FundOrigin = 'APBN' | 'APBD_PROVINSI' | 'APBD_KABUPATEN' | 'DESA' | 'LAIN_LAIN';

export interface FundSource extends Named {
  origin: FundOrigin;
  revenueAccount: string;
  /** Dana Desa: needs an earmark on spending and a stage plan for transfers. */
  danaDesa: boolean;
  regencyAllocated: boolean;
  /** Budgeted revenue must equal the regency's allocation unless a difference is recorded. */
  budgetMatchesAllocation: boolean;
  /** Aid arriving after the amendment may be budgeted by Perkades. */
  lateAidByPerkades: boolean;
}

export interface Earmark extends Named {
  earmarked: boolean;
}

export interface Village extends Named {
  districtCode: string;
  status: string;
  demo: boolean;
}

export interface DdStageSplit {
  earmarked: boolean;
  /** null: every status without a row of its own. */
  villageStatus: string | null;
  stagePercents: string[];
  legalBasis: string;
}

export interface TaxRule {
  tax: string;
  ratePercent: string;
  /** Withheld only when the base is above this amount; null: always. */
  appliesAbove: string | null;
  pfkAccount: string;
  legalBasis: string;
}

export type TaxRounding = 'floor' | 'halfUp' | 'ceil';

export interface Policy {
  ddStageSplits: DdStageSplit[];
  ddStageTwoCondition: {
    minStageOneAbsorptionPercent: string;
    minStageOneOutputPercent: string;
    requiresPreviousYearReport: boolean;
  };
  taxes: TaxRule[];
  /** Withheld tax amounts are rounded to whole rupiah by this rule. */
  taxRounding: TaxRounding;
  taxDepositDayOfNextMonth: number;
  cashOnHandLimit: { amount: string; mode: 'warn' | 'block' };
  nonCashExceptions: Named[];
  panjarWorkingDays: number;
  /** ISO weekdays (1 = Monday) the village office works; holidays excepted. */
  workWeek: number[];
  operationalBeforeEnactment: string[];
  holidays: { date: string; name: string }[];
  /** The paper the regency prints reports on (policy row `reportPaper`; A4 when absent). */
  reportPaper: PaperSize;
  /**
   * The office that signs the regency's reports, as its signature block
   * titles it (policy row `regencySignatory`); null: the reports' default.
   */
  regencySignatoryTitle: string | null;
  /** Project monitoring: photo steps, payment gates, duplicate thresholds (policy row `monitoring`; defaults when absent). */
  monitoring: MonitoringPolicy;
  /** What each Siskeudes Ta_Mutasi code books (policy rows `siskeudesMutation`; none when absent). */
  siskeudesMutations: SiskeudesMutation[];
}

/**
 * The Kasdesa command a Siskeudes mutation books: RecordCashMutation cash
 * to bank or bank to cash, RecordBankInterest, RecordBankFee.
 */
export const SISKEUDES_MUTATION_KINDS = [
  'cashToBank',
  'bankToCash',
  'bankInterest',
  'bankFee',
] as const;
export type SiskeudesMutationKind = (typeof SISKEUDES_MUTATION_KINDS)[number];

export interface SiskeudesMutation {
  kdMutasi: string;
  books: SiskeudesMutationKind;
  /** Where the regency learned the code's meaning (its Siskeudes, BPKP's guidance). */
  basis: string;
}

export const PAPER_SIZES = ['A4', 'F4'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

export interface ReferenceData {
  fiscalYear: number;
  regency: Named;
  /** The regency's time zone: every "today" of its villages is a date there. */
  timeZone: TimeZone;
  accounts: ReadonlyMap<string, Account>;
  bidang: ReadonlyMap<string, Named>;
  subBidang: ReadonlyMap<string, Named>;
  kegiatan: ReadonlyMap<string, Kegiatan>;
  fundSources: ReadonlyMap<string, FundSource>;
  earmarks: ReadonlyMap<string, Earmark>;
  districts: ReadonlyMap<string, Named>;
  villages: ReadonlyMap<string, Village>;
  policy: Policy;
}

/** The stage split for a village status and earmark kind: its own row, else the default row. */
export function stageSplitFor(
  policy: Policy,
  earmarked: boolean,
  villageStatus: string,
): DdStageSplit | undefined {
  const rows = policy.ddStageSplits.filter((row) => row.earmarked === earmarked);
  return (
    rows.find((row) => row.villageStatus === villageStatus) ??
    rows.find((row) => row.villageStatus === null)
  );
}
