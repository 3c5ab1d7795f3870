import { decimalText } from '../../domain/shared/money';
import type { Column } from './table';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Digits grouped by thousands with `.`, as Indonesian documents write them. */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** A decimal in the Indonesian way: `.` thousands, `,` decimals, negatives in brackets. */
export function indonesianNumber(text: string, decimals: number): string {
  const value = decimalText(text);
  const [whole, fraction] = value.abs().toFixed(decimals).split('.');
  const shown = `${grouped(whole!)}${fraction === undefined ? '' : `,${fraction}`}`;
  return value.isNegative() && !value.isZero() ? `(${shown})` : shown;
}

/** `2025-04-10` → `10/04/2025`; other text as it is. */
export function dayMonthYear(text: string): string {
  const match = ISO_DATE.exec(text);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : text;
}

/**
 * A cell as a printed report shows it, matching the xlsx number formats:
 * whole rupiah, percentages with two decimals, dates dd/mm/yyyy.
 */
export function documentCellText(column: Column, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  switch (column.kind) {
    case 'amount':
      return indonesianNumber(value, 0);
    case 'percent':
      return indonesianNumber(value, 2);
    case 'quantity': {
      const places = value.split('.')[1]?.replace(/0+$/, '').length ?? 0;
      return indonesianNumber(value, places);
    }
    case 'date':
      return dayMonthYear(value);
    default:
      return value;
  }
}
