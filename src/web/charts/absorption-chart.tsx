import type { MonitoringRow } from '../regency/monitoring-rows';
import { progressData, type ProgressItem } from './chart-data';
import { ProgressChart } from './progress-chart';

/** Each village's absorption (realised over budgeted, all sources) as a bar, in the table's order. */
export const absorptionItems = (rows: readonly MonitoringRow[]): ProgressItem[] =>
  progressData(rows.map((row) => ({ label: row.villageName, percent: row.absorbed })));

/** The monitoring table's absorption column as a chart, for spotting the villages that lag. */
export function AbsorptionChart({ rows, year }: { rows: readonly MonitoringRow[]; year: number }) {
  return (
    <section class="absorption-chart">
      <h2>Serapan anggaran per desa</h2>
      <ProgressChart
        text={{
          id: 'grafik-serapan',
          title: `Serapan anggaran per desa, ${year}`,
          description:
            'Realisasi dibanding anggaran semua sumber dana untuk setiap desa; batang penuh: 100%. Angkanya ada di tabel di bawahnya.',
        }}
        items={absorptionItems(rows)}
        rowName="Desa"
        valueName="Serapan"
      />
    </section>
  );
}
