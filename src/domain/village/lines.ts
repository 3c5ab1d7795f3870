import { z } from 'zod';
import { PersistentMap } from '../shared/persistent-map';
import { amountText, code, identifier, positiveAmount, quantityText, text } from '../shared/fields';

/** Budget line inputs (commands) and budget lines (events, state): revenue, spending, financing. */
export const revenueLineInput = z.strictObject({
  kind: z.literal('revenue'),
  lineId: identifier,
  account: code,
  source: code,
  amount: positiveAmount,
  description: text,
});

export const spendingLineInput = z.strictObject({
  kind: z.literal('spending'),
  lineId: identifier,
  activityId: identifier,
  account: code,
  source: code,
  /** Dana Desa earmark category; only on Dana Desa lines. */
  earmark: code.optional(),
  volume: quantityText,
  unit: z.string().min(1).max(30),
  unitPrice: positiveAmount,
  description: text,
});

export const financingLineInput = z.strictObject({
  kind: z.literal('financing'),
  lineId: identifier,
  account: code,
  source: code,
  amount: positiveAmount,
  description: text,
});

export const lineInput = z.discriminatedUnion('kind', [
  revenueLineInput,
  spendingLineInput,
  financingLineInput,
]);
export type LineInput = z.infer<typeof lineInput>;

export const budgetLine = z.discriminatedUnion('kind', [
  revenueLineInput,
  spendingLineInput.extend({
    kegiatanCode: code,
    earmark: code.nullable(),
    amount: amountText,
  }),
  financingLineInput.extend({ direction: z.enum(['receipt', 'expenditure']) }),
]);
export type BudgetLine = z.infer<typeof budgetLine>;

export type BudgetLines = PersistentMap<BudgetLine>;
