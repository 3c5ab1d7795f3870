import type { VillagePlanningTrail } from '../../../projections/read-models/planning-trail';
import { villageTitle } from '../render/labels';
import { columnTotal, sumOf, type Column, type ReportTable, type TableRow } from '../render/table';

/** One row per activity: RKPDes plan, then the budget in each enacted version. */
export function planningTrailTable(trail: VillagePlanningTrail): ReportTable {
  const labels = [...new Set(trail.activities.flatMap((a) => a.steps.map((step) => step.label)))];
  const amountKeys = ['planned', ...labels.map((_, index) => `version${index}`)];
  const columns: Column[] = [
    { key: 'code', header: 'Kode Kegiatan', kind: 'text', width: 12 },
    { key: 'description', header: 'Kegiatan', kind: 'text', width: 44 },
    { key: 'hamlet', header: 'Lokasi', kind: 'text', width: 18 },
    { key: 'volume', header: 'Volume Keluaran', kind: 'quantity', width: 10 },
    { key: 'unit', header: 'Satuan', kind: 'text', width: 12 },
    { key: 'planned', header: 'Rencana RKPDes (Rp)', kind: 'amount', width: 18 },
    ...labels.map((label, index): Column => ({
      key: `version${index}`,
      header: `Anggaran ${label} (Rp)`,
      kind: 'amount',
      width: 18,
    })),
  ];
  const rows: TableRow[] = trail.activities.map((activity) => {
    const budgeted = Object.fromEntries(
      activity.steps.map((step) => [`version${labels.indexOf(step.label)}`, step.total]),
    );
    return {
      id: `activity:${activity.activityId}`,
      style: 'detail',
      cells: {
        code: activity.kegiatanCode,
        description: activity.name,
        hamlet: activity.hamlet,
        volume: activity.output.volume,
        unit: activity.output.unit,
        planned: activity.planned.total,
        ...budgeted,
      },
    };
  });
  const ids = rows.map((row) => row.id!);
  rows.push({
    style: 'total',
    cells: {
      description: 'JUMLAH',
      ...Object.fromEntries(amountKeys.map((key) => [key, columnTotal(rows, key)])),
    },
    formulas: Object.fromEntries(amountKeys.map((key) => [key, sumOf(ids)])),
  });
  return {
    name: 'Jejak Perencanaan',
    title: [
      'Jejak Perencanaan Kegiatan: RKPDes → APBDes → Perubahan',
      villageTitle(trail.identity),
    ],
    columns,
    rows,
    landscape: true,
  };
}
