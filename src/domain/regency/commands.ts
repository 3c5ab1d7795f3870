import { z } from 'zod';
import {
  businessDate,
  code,
  documentNumber,
  nonNegativeAmount,
  positiveAmount,
  text,
} from '../shared/fields';
import type { CommandsOf } from '../shared/schema-types';
import { apbdesEvaluation } from '../village/commands';

/** Payload schema of every regency fiscal-year command. */
export const regencyCommandSchemas = {
  OpenRegencyFiscalYear: z.strictObject({}),
  SetAllocation: z.strictObject({
    villageCode: code,
    source: code,
    amount: nonNegativeAmount,
    /** e.g. Perbup number and date fixing the pagu. */
    legalReference: z.strictObject({ document: text, number: documentNumber, date: businessDate }),
  }),
  PlanDanaDesaStages: z.strictObject({
    villageCode: code,
    source: code,
    earmarks: z
      .array(z.strictObject({ earmark: code, amount: nonNegativeAmount }))
      .min(1)
      .refine((rows) => new Set(rows.map((row) => row.earmark)).size === rows.length, {
        message: 'one row per earmark',
      }),
  }),
  SendTransfer: z.strictObject({
    villageCode: code,
    source: code,
    stage: z.number().int().positive(),
    amount: positiveAmount,
    date: businessDate,
    /** SP2D number or the KPPN reference. */
    reference: documentNumber,
  }),
  /** The camat's evaluation of a village's submitted APBDes draft; the village takes it in. */
  RecordApbdesEvaluation: apbdesEvaluation.extend({ villageCode: code }),
};

export type RegencyCommand = CommandsOf<typeof regencyCommandSchemas>;
export type RegencyCommandOf<T extends RegencyCommand['type']> = Extract<
  RegencyCommand,
  { type: T }
>;
