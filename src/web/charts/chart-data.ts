import Decimal from 'decimal.js';
import { rupiah, ZERO } from '../../domain/shared/money';

/** Length of the longest bar in SVG user units: the drawing scales to its box, so only proportions matter. */
export const BAR_LENGTH_MAX = 600;

const HUNDRED = new Decimal(100);

/** One quantity a chart compares across its rows (Anggaran, Realisasi, …), drawn in its own colour. */
export interface ChartSeries {
  label: string;
  /** A presentation attribute (`fill`), which the CSP allows where it forbids a style attribute. */
  fill: string;
}

/** A row of the chart as the report has it: one amount (decimal text) per series. */
export interface AmountRow {
  label: string;
  amounts: readonly string[];
}

export interface Bar {
  amount: string;
  /** The bar's length in SVG units: 0 for nothing or less, BAR_LENGTH_MAX for the largest amount. */
  length: number;
}

export interface BarGroup {
  label: string;
  bars: Bar[];
}

/** Grouped horizontal bars on one scale: every amount against the largest of the chart. */
export interface BarChartData {
  series: readonly ChartSeries[];
  groups: BarGroup[];
}

/** `amount / max × BAR_LENGTH_MAX`, in decimals; nothing below zero is drawn. */
function lengthOf(amount: Decimal, max: Decimal): number {
  if (max.lte(0) || amount.lte(0)) return 0;
  // A number only now: an SVG coordinate, one decimal is finer than any screen or print shows.
  return amount.div(max).times(BAR_LENGTH_MAX).toDecimalPlaces(1).toNumber();
}

/** The rows' amounts scaled to bar lengths; a row must have one amount per series. */
export function barChartData(
  series: readonly ChartSeries[],
  rows: readonly AmountRow[],
): BarChartData {
  for (const row of rows)
    if (row.amounts.length !== series.length)
      throw new Error(
        `chart row ${row.label}: ${row.amounts.length} amounts for ${series.length} series`,
      );
  const max = Decimal.max(ZERO, ...rows.flatMap((row) => row.amounts.map(rupiah)));
  return {
    series,
    groups: rows.map((row) => ({
      label: row.label,
      bars: row.amounts.map((amount) => ({ amount, length: lengthOf(rupiah(amount), max) })),
    })),
  };
}

/** Part over whole in percent, two decimals (as the realisation report has it); null when the whole is zero. */
export function shareInPercent(part: string, whole: string): string | null {
  const base = rupiah(whole);
  return base.isZero() ? null : rupiah(part).div(base).times(HUNDRED).toFixed(2);
}

export interface ProgressRow {
  label: string;
  /** Percent, decimal text; null when there is nothing to measure against. */
  percent: string | null;
}

export interface ProgressItem extends ProgressRow {
  /** The filled part of the track in SVG units: 0 to BAR_LENGTH_MAX, past 100% drawn full. */
  length: number;
}

/** Each row's percent as the filled length of a track of BAR_LENGTH_MAX. */
export function progressData(rows: readonly ProgressRow[]): ProgressItem[] {
  return rows.map((row) => ({
    ...row,
    length:
      row.percent === null ? 0 : lengthOf(Decimal.min(new Decimal(row.percent), HUNDRED), HUNDRED),
  }));
}

/** A percentage the Indonesian way: `12,50%`; a dash when there is none. */
export const percentText = (percent: string | null): string =>
  percent === null ? '–' : `${percent.replace('.', ',')}%`;
