/**
 * What people type into a form, turned into what commands take. Anything
 * not recognised passes through unchanged, so the command's own schema
 * refuses it with its rule, naming the field and the value as typed: no
 * rule of the ledger is repeated here.
 */

const THOUSANDS_WITH_DOTS = /^\d{1,3}(\.\d{3})+$/;
const PLAIN_NUMBER = /^\d+(\.\d+)?$/;
const INDONESIAN_DECIMAL = /^\d{1,3}(\.\d{3})*,\d{1,2}$|^\d+,\d{1,2}$/;

/** `25.000.000`, `25000000`, `Rp 25.000.000,00`, `Rp25.000.000,5` → `25000000`, `25000000.00`, … */
export function typedRupiah(typed: string): string {
  const bare = typed.replace(/^\s*Rp\.?/i, '').replace(/[\s\u00a0]/g, '');
  if (THOUSANDS_WITH_DOTS.test(bare)) return bare.replace(/\./g, '');
  if (INDONESIAN_DECIMAL.test(bare)) return bare.replace(/\./g, '').replace(',', '.');
  return PLAIN_NUMBER.test(bare) ? bare : typed.trim();
}

const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const MONTH_YEAR = /^(\d{1,2})[/.-](\d{4})$/;

/** `7/3/2025` or `07-03-2025` → `2025-03-07`; an ISO date as it is. */
export function typedDate(typed: string): string {
  const text = typed.trim();
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) return text;
  const [, day, month, year] = match;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** `3/2025` or `03-2025` → `2025-03`; `2025-03` as it is. */
export function typedMonth(typed: string): string {
  const text = typed.trim();
  const match = MONTH_YEAR.exec(text);
  return match ? `${match[2]}-${match[1]!.padStart(2, '0')}` : text;
}

/** A whole number as a number; anything else as typed, for the schema to refuse. */
export function typedNumber(typed: string): number | string {
  const text = typed.trim();
  return /^-?\d{1,15}$/.test(text) ? Number(text) : text;
}

/** A textarea with one entry per line: the non-empty lines. */
export function typedLines(typed: string): string[] {
  return typed
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** How a value the ledger holds is shown in a form field: dates and months as people write them. */
export function shownDate(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : value;
}

export function shownMonth(value: string): string {
  const iso = /^(\d{4})-(\d{2})$/.exec(value);
  return iso ? `${iso[2]}/${iso[1]}` : value;
}
