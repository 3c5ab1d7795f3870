import type ExcelJS from 'exceljs';
import { decimalText, ZERO, type Rupiah } from '../../../src/domain/shared/money';

type Worksheets = (name: string) => ExcelJS.Worksheet;

const REF = /^(?:'((?:[^']|'')+)'!)?([A-Z]+)(\d+)$/;

/**
 * Recomputes the formulas Kasdesa writes (SUM of cells and ranges, signed
 * sums of cells) from the stored cell values, following formula cells
 * instead of trusting their cached results.
 */
export function evaluate(sheetName: string, formula: string, sheets: Worksheets): Rupiah {
  const sum = /^SUM\((.*)\)$/.exec(formula);
  if (sum)
    return sum[1]!
      .split(',')
      .reduce((total, part) => total.plus(rangeTotal(sheetName, part, sheets)), ZERO);
  if (formula === '0') return ZERO;
  let total = ZERO;
  for (const [, sign, ref] of formula.matchAll(/([+-]?)((?:'(?:[^']|'')+'!)?[A-Z]+\d+)/g)) {
    const value = cellAmount(sheetName, ref!, sheets);
    total = sign === '-' ? total.minus(value) : total.plus(value);
  }
  return total;
}

function rangeTotal(sheetName: string, part: string, sheets: Worksheets): Rupiah {
  const [from, to] = part.split(':');
  if (to === undefined) return cellAmount(sheetName, from!, sheets);
  const start = REF.exec(from!)!;
  const end = REF.exec(to)!;
  const sheet = start[1]?.replaceAll("''", "'") ?? sheetName;
  let total = ZERO;
  for (let row = Number(start[3]); row <= Number(end[3]); row += 1) {
    total = total.plus(cellAmount(sheet, `${start[2]}${row}`, sheets));
  }
  return total;
}

function cellAmount(sheetName: string, ref: string, sheets: Worksheets): Rupiah {
  const match = REF.exec(ref)!;
  const sheet = match[1]?.replaceAll("''", "'") ?? sheetName;
  const value = sheets(sheet).getCell(`${match[2]}${match[3]}`).value;
  if (value === null || value === undefined) return ZERO;
  if (typeof value === 'number') return decimalText(value.toFixed(2));
  if (typeof value === 'object' && 'formula' in value && value.formula)
    return evaluate(sheet, value.formula, sheets);
  throw new Error(`not a number at ${sheet}!${ref}: ${JSON.stringify(value)}`);
}
