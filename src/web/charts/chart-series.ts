import type { ChartSeries } from './chart-data';

/** Budget against what was realised of it: the realisation charts' two bars per row. */
export const BUDGET_REALISED: readonly ChartSeries[] = [
  { label: 'Anggaran', fill: '#9cb8a6' },
  { label: 'Realisasi', fill: '#2f6f4f' },
];

/** A fund source from the regency's allocation to what the village still holds (SiLPA at closing). */
export const FUND_FLOW_STAGES: readonly ChartSeries[] = [
  { label: 'Pagu', fill: '#9cb8a6' },
  { label: 'Diterima', fill: '#5a6f9e' },
  { label: 'Dibelanjakan', fill: '#2f6f4f' },
  { label: 'Sisa (SiLPA)', fill: '#c9822b' },
];
