import { z } from 'zod';
import { TIME_ZONES } from '../shared/local-date';
import { AMOUNT_PATTERN, decimalText, sum } from '../shared/money';
import { regionCodeSchema } from '../shared/region-codes';
import { monitoringPolicySchema } from '../projects/policy';
import { SISKEUDES_MUTATION_KINDS } from './reference-data';
import { PAPER_SIZES } from './reference-data';

/** One zod schema per reference file row; unknown keys are refused so typos surface. */
const name = z.string().min(1);
const PERCENT_PATTERN = /^\d{1,3}(\.\d{1,2})?$/;
const percent = z.string().regex(PERCENT_PATTERN, 'expected a percentage such as "40" or "1.5"');
const amount = z.string().regex(AMOUNT_PATTERN, 'expected an amount such as "1500000.00"');
const accountCode = z
  .string()
  .regex(/^\d(\.\d(\.\d{1,2}(\.\d{2})?)?)?$/, 'expected an account code such as 5.2.1.01');
const objekCode = z
  .string()
  .regex(/^\d\.\d\.\d{1,2}\.\d{2}$/, 'expected an objek code such as 5.2.1.90');

export const accountRow = z.strictObject({
  code: accountCode,
  name,
  class: z
    .enum(['revenue', 'spending', 'financingReceipt', 'financingExpenditure', 'nonBudget'])
    .optional(),
  role: z.enum(['silpa', 'bankInterest', 'bankFee']).optional(),
});

export const extensionAccountRow = z.strictObject({
  code: objekCode,
  name,
  role: z.enum(['bankFee']).optional(),
});

export const bidangRow = z.strictObject({ code: z.string().regex(/^\d{2}$/), name });
export const subBidangRow = z.strictObject({ code: z.string().regex(/^\d{2}\.\d{2}$/), name });
export const kegiatanRow = z.strictObject({
  code: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/),
  name,
});

export const fundSourceRow = z.strictObject({
  code: z.string().regex(/^[A-Z]{2,5}$/),
  name,
  origin: z.enum(['APBN', 'APBD_PROVINSI', 'APBD_KABUPATEN', 'DESA', 'LAIN_LAIN']),
  revenueAccount: accountCode,
  danaDesa: z.boolean(),
  regencyAllocated: z.boolean(),
  budgetMatchesAllocation: z.boolean(),
  lateAidByPerkades: z.boolean(),
});

export const earmarkRow = z.strictObject({
  code: z.string().regex(/^[a-z][a-z-]*$/),
  name,
  earmarked: z.boolean(),
});

/** The Indeks Desa Membangun status a village's Dana Desa stage split may depend on. */
export const villageStatusSchema = z.enum([
  'mandiri',
  'maju',
  'berkembang',
  'tertinggal',
  'sangat-tertinggal',
]);

export const regionRow = z.discriminatedUnion('level', [
  z.strictObject({
    level: z.literal('regency'),
    code: regionCodeSchema('regency'),
    name,
    timeZone: z.enum(TIME_ZONES),
    demo: z.boolean(),
  }),
  z.strictObject({
    level: z.literal('district'),
    code: regionCodeSchema('district'),
    name,
    demo: z.boolean(),
  }),
  z.strictObject({
    level: z.literal('village'),
    code: regionCodeSchema('village'),
    name,
    status: villageStatusSchema,
    demo: z.boolean(),
  }),
]);

export const policyRow = z.discriminatedUnion('parameter', [
  z.strictObject({
    parameter: z.literal('ddStageSplit'),
    earmarked: z.boolean(),
    villageStatus: z.string().min(1).nullable(),
    stagePercents: z
      .array(percent)
      .min(1)
      .refine(
        (values) =>
          !values.every((value) => PERCENT_PATTERN.test(value)) ||
          sum(values.map(decimalText)).equals(100),
        {
          message: 'stage percentages must add up to 100',
        },
      ),
    legalBasis: name,
  }),
  z.strictObject({
    parameter: z.literal('ddStageTwoCondition'),
    minStageOneAbsorptionPercent: percent,
    minStageOneOutputPercent: percent,
    requiresPreviousYearReport: z.boolean(),
  }),
  z.strictObject({
    parameter: z.literal('tax'),
    tax: name,
    ratePercent: percent,
    appliesAbove: amount.nullable(),
    /** The PFK (non-budget) account the withheld tax is held on until deposited. */
    pfkAccount: accountCode,
    legalBasis: name,
  }),
  z.strictObject({
    parameter: z.literal('taxRounding'),
    rule: z.enum(['floor', 'halfUp', 'ceil']),
    legalBasis: name,
  }),
  z.strictObject({
    parameter: z.literal('taxDepositDay'),
    dayOfNextMonth: z.number().int().min(1).max(28),
  }),
  z.strictObject({
    parameter: z.literal('cashOnHandLimit'),
    amount,
    mode: z.enum(['warn', 'block']),
  }),
  z.strictObject({
    parameter: z.literal('nonCashException'),
    code: z.string().min(1),
    description: name,
  }),
  z.strictObject({
    parameter: z.literal('panjarWindow'),
    workingDays: z.number().int().positive(),
  }),
  z.strictObject({
    parameter: z.literal('workWeek'),
    isoWeekdays: z.array(z.number().int().min(1).max(7)).min(1),
  }),
  z.strictObject({
    parameter: z.literal('operationalBeforeEnactment'),
    kegiatanCode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/),
  }),
  z.strictObject({ parameter: z.literal('holiday'), date: z.iso.date(), name }),
  z.strictObject({ parameter: z.literal('reportPaper'), paper: z.enum(PAPER_SIZES) }),
  z.strictObject({ parameter: z.literal('regencySignatory'), title: name }),
  /** The regency's project monitoring policy for the year; a field left out keeps its default. */
  z.strictObject({ parameter: z.literal('monitoring'), ...monitoringPolicySchema.shape }),
  /**
   * What one Siskeudes Ta_Mutasi code books, as the regency learned it from
   * its own Siskeudes: no public source says, so nothing is assumed and an
   * unconfigured code refuses the import. `basis` says where it was learned.
   */
  z.strictObject({
    parameter: z.literal('siskeudesMutation'),
    kdMutasi: z.string().trim().min(1).max(30),
    books: z.enum(SISKEUDES_MUTATION_KINDS),
    basis: name,
  }),
]);

export type AccountRow = z.infer<typeof accountRow>;
export type ExtensionAccountRow = z.infer<typeof extensionAccountRow>;
export type RegionRow = z.infer<typeof regionRow>;
export type PolicyRow = z.infer<typeof policyRow>;
