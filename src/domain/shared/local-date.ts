/** Indonesia's three time zones (WIB, WITA, WIT): each regency keeps its calendar in one. */
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

/**
 * The calendar date (`yyyy-mm-dd`) an instant falls on in the time zone: a
 * village's "today" is its own, not UTC's (07:30 in Jayapura is 22:30 UTC
 * of the day before). Called once per request, so the format is not cached.
 */
export function localDate(instant: Date, timeZone: TimeZone): string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    format.formatToParts(instant).find((each) => each.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
