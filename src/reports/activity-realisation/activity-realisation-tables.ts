import { periodInWords } from '../render/document';
import { villageTitle } from '../render/labels';
import { sumOf, type Column, type ReportTable, type TableRow } from '../render/table';
import type { ActivityRealisationReport, DanaDesaAbsorption } from './activity-realisation';

/** Laporan Realisasi Kegiatan (and, with DD rows, the Dana Desa absorption report). */
export function activityRealisationTable(
  report: ActivityRealisationReport | DanaDesaAbsorption,
  danaDesa = false,
): ReportTable {
  const columns: Column[] = [
    { key: 'code', header: 'Kode Kegiatan', kind: 'text', width: 12 },
    { key: 'description', header: 'Uraian', kind: 'text', width: 40 },
    { key: 'volume', header: 'Volume', kind: 'quantity', width: 10 },
    { key: 'unit', header: 'Satuan', kind: 'text', width: 12 },
    { key: 'budget', header: 'Anggaran (Rp)', kind: 'amount', width: 18 },
    { key: 'realised', header: 'Realisasi (Rp)', kind: 'amount', width: 18 },
    { key: 'remaining', header: 'Sisa (Rp)', kind: 'amount', width: 18 },
    { key: 'percent', header: '%', kind: 'percent', width: 8 },
    { key: 'note', header: danaDesa ? 'Capaian Keluaran' : 'Keterangan', kind: 'text', width: 20 },
  ];
  const ids = report.activities.map((a) => `activity:${a.activityId}`);
  const rows: TableRow[] = [
    ...report.activities.map((a, index): TableRow => ({
      id: ids[index],
      style: 'detail',
      cells: {
        code: a.kegiatanCode,
        description: a.name,
        volume: a.output.volume,
        unit: a.output.unit,
        budget: a.budget,
        realised: a.realised,
        remaining: a.remaining,
        percent: a.percent,
        note: danaDesa ? 'belum dicatat' : a.sources.join(', '),
      },
    })),
    {
      style: 'total',
      cells: {
        description: 'Jumlah',
        budget: report.totals.budget,
        realised: report.totals.realised,
        remaining: report.totals.difference,
        percent: report.totals.percent,
      },
      formulas: { budget: sumOf(ids), realised: sumOf(ids), remaining: sumOf(ids) },
    },
  ];
  return {
    name: danaDesa ? 'Penyerapan Dana Desa' : 'Realisasi Kegiatan',
    title: [
      danaDesa
        ? 'Laporan Realisasi Penyerapan dan Capaian Keluaran Dana Desa'
        : 'Laporan Realisasi Kegiatan',
      villageTitle(report.identity),
      `Periode ${periodInWords(report.period)}`,
    ],
    columns,
    rows,
    landscape: true,
  };
}
