import Decimal from 'decimal.js';
import type { TimeZone } from '../domain/shared/local-date';

const WHOLE_RUPIAH = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});
const DAY_MONTH_YEAR = new Intl.DateTimeFormat('id-ID', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

/**
 * An amount (decimal text, as events carry it) as Indonesians read it:
 * `Rp 1.234.567`, with sen only when there are any. The whole rupiah go to
 * Intl as a bigint, so no digit passes through a binary number.
 */
export function formatRupiah(amount: string): string {
  const value = new Decimal(amount);
  const size = value.abs();
  const whole = WHOLE_RUPIAH.format(BigInt(size.trunc().toFixed()));
  const sen = size.minus(size.trunc());
  const fraction = sen.isZero() ? '' : `,${sen.toFixed(2).slice(2)}`;
  return `${value.isNegative() && !value.isZero() ? '-' : ''}${whole}${fraction}`;
}

/**
 * An amount in a report's cell: as formatRupiah, but a negative in brackets,
 * `(Rp 2.500)`, as the printed report and the annexes show it.
 */
export function formatRupiahCell(amount: string): string {
  const value = new Decimal(amount);
  return value.isNegative() && !value.isZero()
    ? `(${formatRupiah(value.abs().toFixed())})`
    : formatRupiah(amount);
}

/** A calendar date (`yyyy-mm-dd`, or the date part of an ISO timestamp) as dd/mm/yyyy. */
export function formatDate(isoDate: string): string {
  return DAY_MONTH_YEAR.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

const MONTH_YEAR = new Intl.DateTimeFormat('id-ID', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A month (`yyyy-mm`) as Indonesians name it: "Maret 2025". */
export function formatMonth(month: string): string {
  return MONTH_YEAR.format(new Date(`${month}-01T00:00:00Z`));
}

/** How Indonesians name each of their time zones. */
const ZONE_NAMES: Record<TimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** An instant (ISO timestamp) as `dd/mm/yyyy HH:MM` in the regency's time zone, with the zone's name. */
export function formatDateTime(instant: string, timeZone: TimeZone): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((each) => each.type === type)?.value;
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')} ${ZONE_NAMES[timeZone]}`;
}
