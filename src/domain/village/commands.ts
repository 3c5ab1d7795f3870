import { z } from 'zod';
import {
  businessDate,
  code,
  documentNumber,
  identifier,
  nonNegativeAmount,
  positiveAmount,
  quantityText,
  text,
} from '../shared/fields';
import type { CommandsOf } from '../shared/schema-types';
import { executionCommandSchemas } from './execution-commands';
import { financingCommandSchemas } from './financing-commands';
import { lineInput } from './lines';

const sourceAmount = z.strictObject({ source: code, amount: nonNegativeAmount });

const uniqueSources = (entries: { source: string }[]) =>
  new Set(entries.map((entry) => entry.source)).size === entries.length;

const openingBalances = z.strictObject({
  cashOnHand: nonNegativeAmount,
  bank: nonNegativeAmount,
});

const silpaEntries = z
  .array(sourceAmount)
  .refine(uniqueSources, { message: 'one SiLPA entry per fund source' });

const taxPayableEntries = z
  .array(z.strictObject({ tax: code, amount: positiveAmount }))
  .refine((entries) => new Set(entries.map((entry) => entry.tax)).size === entries.length, {
    message: 'one entry per tax',
  });

/** The camat's evaluation of a submitted APBDes draft, as the regency records it and the village takes it in. */
export const apbdesEvaluation = z.strictObject({
  date: businessDate,
  reference: documentNumber,
  outcome: z.enum(['approved', 'correctionsRequested']),
  remarks: z.array(z.strictObject({ lineId: identifier, remark: text })),
});
export type ApbdesEvaluation = z.infer<typeof apbdesEvaluation>;

/** Payload schema of every village fiscal-year command. */
export const villageCommandSchemas = {
  OpenVillageFiscalYear: z.strictObject({
    openingBalances,
    silpa: silpaEntries,
    /** Taxes withheld last year and not yet deposited, carried into this year. */
    taxPayable: taxPayableEntries.optional(),
    /**
     * The previous year is not closed yet: the APBDes may budget an estimated
     * SiLPA, and the actual SiLPA is booked later (RecordActualSilpa).
     */
    silpaToBeRecorded: z.literal(true).optional(),
  }),
  PlanRkpdesActivity: z.strictObject({
    activityId: identifier,
    subBidangCode: code,
    kegiatanCode: code,
    name: text,
    location: z.strictObject({
      hamlet: text,
      latitude: z.number().min(-90).max(90).optional(),
      longitude: z.number().min(-180).max(180).optional(),
    }),
    output: z.strictObject({ volume: quantityText, unit: z.string().min(1).max(30) }),
    executor: z.strictObject({ name: text, position: text }),
    beneficiaries: z.strictObject({ description: text, count: z.number().int().nonnegative() }),
    estimatedCosts: z
      .array(z.strictObject({ source: code, amount: positiveAmount }))
      .min(1)
      .refine(uniqueSources, { message: 'one estimate per fund source' }),
  }),
  StartApbdesDraft: z.strictObject({}),
  DraftApbdesLine: z.strictObject({ line: lineInput }),
  RemoveApbdesLine: z.strictObject({ lineId: identifier }),
  SubmitApbdesToBpd: z.strictObject({ date: businessDate }),
  RecordBpdAgreement: z.strictObject({ date: businessDate, minutesNumber: documentNumber }),
  SubmitApbdesForEvaluation: z.strictObject({ date: businessDate }),
  /** The village takes in the camat's evaluation the regency stream recorded (RecordApbdesEvaluation there). */
  ReceiveApbdesEvaluation: z.strictObject({ reference: documentNumber }),
  EnactApbdes: z.strictObject({ perdesNumber: documentNumber, date: businessDate }),
  ElaborateApbdes: z.strictObject({ perkadesNumber: documentNumber, date: businessDate }),
  RecordEmergency: z.strictObject({
    reference: documentNumber,
    date: businessDate,
    description: text,
  }),
  StartApbdesAmendment: z.strictObject({
    date: businessDate,
    grounds: z
      .array(
        z.enum(['shiftBetweenJenis', 'silpaUse', 'revenueChange', 'specialEvent', 'policyChange']),
      )
      .min(1),
  }),
  EnactPerkadesChange: z.strictObject({
    kind: z.enum(['lateAid', 'shiftWithinJenis']),
    perkadesNumber: documentNumber,
    date: businessDate,
    bpdInformedOn: businessDate,
    lines: z.array(lineInput),
    removedLineIds: z.array(identifier),
  }),
  RecordAllocationDifference: z.strictObject({
    source: code,
    budgetedAmount: nonNegativeAmount,
    reason: text,
    reference: documentNumber,
  }),
  ...executionCommandSchemas,
  ...financingCommandSchemas,
  RecordActualSilpa: z.strictObject({
    date: businessDate,
    /** The previous year's closing document (LPJ / berita acara) the figures come from. */
    closingDocument: documentNumber,
    silpa: silpaEntries,
  }),
  ProposeOpeningCorrection: z.strictObject({
    correctionId: documentNumber,
    date: businessDate,
    reason: text,
    openingBalances,
    silpa: silpaEntries,
    taxPayable: taxPayableEntries,
  }),
  VerifyOpeningCorrection: z.strictObject({
    correctionId: documentNumber,
    date: businessDate,
    outcome: z.enum(['verified', 'returned']),
    reasons: z.array(text),
  }),
};

export type VillageCommand = CommandsOf<typeof villageCommandSchemas>;
export type VillageCommandOf<T extends VillageCommand['type']> = Extract<
  VillageCommand,
  { type: T }
>;
