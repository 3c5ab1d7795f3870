import { z } from 'zod';
import { AMOUNT_PATTERN, isAmountText, rupiah, toAmountText, type Rupiah } from './money';

/** Field schemas shared by commands and events of every stream. */
export const amountText = z
  .string()
  .regex(AMOUNT_PATTERN, 'expected rupiah as text with at most two decimals, e.g. "1500000.00"');

/** Amounts in events are canonical ("1500000.00") whatever form the command used. */
function amountWhere(accept: (amount: Rupiah) => boolean, message: string) {
  // zod runs every check even after the pattern failed, so guard the parse.
  return amountText
    .refine((text) => !isAmountText(text) || accept(rupiah(text)), { message })
    .transform((text) => toAmountText(rupiah(text)));
}

export const nonNegativeAmount = amountWhere(
  (amount) => !amount.isNegative(),
  'must not be negative',
);

export const positiveAmount = amountWhere(
  (amount) => amount.isPositive() && !amount.isZero(),
  'must be greater than zero',
);

/** Volumes such as 2.5 m³ or 12 OB; up to four decimals. */
export const quantityText = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,4})?$/, 'expected a quantity such as "12" or "2.5"')
  .refine((text) => !/^0*(\.0*)?$/.test(text), { message: 'must be greater than zero' });

export const businessDate = z.iso.date();
export const identifier = z.string().min(1).max(100);
export const code = z.string().min(1).max(30);
export const text = z.string().min(1).max(500);
/** Numbers of Perdes, Perkades, Perbup, SP2D, minutes and letters. */
export const documentNumber = z.string().min(1).max(100);
