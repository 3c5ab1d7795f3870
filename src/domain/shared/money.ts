import DecimalBase from 'decimal.js';

/**
 * Rupiah amounts: exact decimals with at most two fractional digits.
 * A private Decimal clone keeps our precision and rounding independent of
 * anyone else's global Decimal configuration.
 */
const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });

export type Rupiah = InstanceType<typeof Decimal>;

/** Canonical text of an amount in events and JSON, e.g. "1500000.00". */
export const AMOUNT_PATTERN = /^-?\d{1,15}(\.\d{1,2})?$/;

export const ZERO: Rupiah = new Decimal(0);

export function isAmountText(text: string): boolean {
  return AMOUNT_PATTERN.test(text);
}

/** Parses an amount from its text form; money never comes from a JS number. */
export function rupiah(text: string): Rupiah {
  if (!isAmountText(text)) {
    throw new RangeError(`Jumlah tidak sah / invalid amount: "${text}"`);
  }
  return new Decimal(text);
}

export function toAmountText(amount: Rupiah): string {
  return amount.toFixed(2);
}

export function sum(amounts: Iterable<Rupiah>): Rupiah {
  let total = ZERO;
  for (const amount of amounts) total = total.plus(amount);
  return total;
}

/** Exact product, or undefined when it needs more than two decimals (no silent rounding). */
export function exactProduct(quantity: string, unitPrice: Rupiah): Rupiah | undefined {
  const product = new Decimal(quantity).times(unitPrice);
  return product.decimalPlaces() <= 2 ? product : undefined;
}

/** A share of an amount rounded down to whole rupiah: what a regency transfers in a stage. */
export function wholePercentOf(amount: Rupiah, percent: string): Rupiah {
  return amount.times(new Decimal(percent)).dividedBy(100).toDecimalPlaces(0, Decimal.ROUND_DOWN);
}

export function decimalText(text: string): InstanceType<typeof Decimal> {
  return new Decimal(text);
}

/** Report layout: whole rupiah with dots as thousands separators, e.g. "1.500.000". */
export function formatRupiah(amount: Rupiah): string {
  const whole = amount.toDecimalPlaces(0).abs().toFixed(0);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return amount.isNegative() && !amount.toDecimalPlaces(0).isZero() ? `-${grouped}` : grouped;
}

const WHOLE_RUPIAH_ROUNDING = {
  floor: Decimal.ROUND_FLOOR,
  halfUp: Decimal.ROUND_HALF_UP,
  ceil: Decimal.ROUND_CEIL,
} as const;

/** A percentage of an amount rounded to whole rupiah by the named rule (taxes are). */
export function wholeRupiahPercentOf(
  amount: Rupiah,
  percent: string,
  rule: keyof typeof WHOLE_RUPIAH_ROUNDING,
): Rupiah {
  return amount
    .times(new Decimal(percent))
    .dividedBy(100)
    .toDecimalPlaces(0, WHOLE_RUPIAH_ROUNDING[rule]);
}
