import { decimalText, rupiah } from '../../domain/shared/money';

/**
 * The one place where money becomes a JS number: an xlsx cell stores IEEE
 * doubles. Amounts up to 15 significant digits survive exactly; anything
 * that would not is refused rather than silently rounded.
 */
export function amountCellValue(amountText: string): number {
  const exact = rupiah(amountText);
  const value = exact.toNumber();
  if (!rupiah(value.toFixed(2)).equals(exact)) {
    throw new RangeError(
      `Jumlah tidak dapat disimpan persis di sel / amount not exact in a cell: ${amountText}`,
    );
  }
  return value;
}

/** Volumes and counts: not money, but they too become doubles only here. */
export function quantityCellValue(text: string): number {
  return decimalText(text).toNumber();
}
