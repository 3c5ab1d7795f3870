import type { Policy } from '../reference/reference-data';

/** The working-day calendar of the policy data: the work week minus holidays. Dates are ISO days. */
const DAY_MS = 24 * 60 * 60 * 1000;

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return format(new Date(parse(date).getTime() + days * DAY_MS));
}

export function isWorkingDay(policy: Policy, date: string): boolean {
  const isoWeekday = parse(date).getUTCDay() || 7;
  return policy.workWeek.includes(isoWeekday) && !policy.holidays.some((day) => day.date === date);
}

/** The date itself when it is a working day, else the next working day. */
export function onOrAfterWorkingDay(policy: Policy, date: string): string {
  let day = date;
  while (!isWorkingDay(policy, day)) day = addDays(day, 1);
  return day;
}

/** The working day `count` working days after the date. */
export function addWorkingDays(policy: Policy, date: string, count: number): string {
  let day = date;
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(policy, day)) left -= 1;
  }
  return day;
}

/** The last day of a month given as `YYYY-MM`. */
export function lastDayOfMonth(month: string): string {
  const [year = 0, monthNumber = 0] = month.split('-').map((part) => Number.parseInt(part, 10));
  return format(new Date(Date.UTC(year, monthNumber, 0)));
}

/** Tax withheld in a month is due on the policy's day of the next month, or the next working day. */
export function taxDueDate(policy: Policy, withheldOn: string): string {
  const [year = 0, month = 0] = withheldOn.split('-').map((part) => Number.parseInt(part, 10));
  const due = new Date(Date.UTC(year, month, policy.taxDepositDayOfNextMonth));
  return onOrAfterWorkingDay(policy, format(due));
}
