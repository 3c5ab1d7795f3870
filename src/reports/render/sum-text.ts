import { toAmountText, ZERO, type Rupiah } from '../../domain/shared/money';

const ZERO_TEXT = toAmountText(ZERO);

/**
 * The text of a report total. Totals add up from ZERO, and decimal.js never
 * makes a negative zero of a sum or a difference (rounding half up), so a
 * zero needs no formatting: most of a regency's per-source totals are zero.
 */
export const sumText = (amount: Rupiah): string =>
  amount.isZero() ? ZERO_TEXT : toAmountText(amount);
