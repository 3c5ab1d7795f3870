/**
 * How far a project has come, in the bands the map colours and the legend
 * names. Imported by the map's browser script too: one table of colours.
 */
export const PROGRESS_BANDS = {
  none: { label: 'Belum ada kemajuan (0%)', colour: '#8a8a8a' },
  started: { label: 'Berjalan (1–49%)', colour: '#d35400' },
  half: { label: 'Lebih dari separuh (50–99%)', colour: '#b7950b' },
  done: { label: 'Selesai (100%)', colour: '#1e8449' },
} as const;
export type ProgressBand = keyof typeof PROGRESS_BANDS;

/** A project with an open duplicate suspicion: drawn in this colour, dashed, whatever its progress. */
export const SUSPECTED_STYLE = { label: 'Dugaan duplikasi terbuka', colour: '#c0392b' } as const;

/** The band of a reported percent; no report yet is no progress. */
export function progressBand(percent: number | undefined): ProgressBand {
  if (percent === undefined || percent <= 0) return 'none';
  if (percent >= 100) return 'done';
  return percent >= 50 ? 'half' : 'started';
}
