import { dateInWords } from '../render/document';
import type { Column, ReportTable, TableRow } from '../render/table';
import type { LateReason, OutputRow, ProjectOutputsReport } from './project-outputs-report';

const LATE_TEXT: Record<LateReason, string> = {
  'not-reported': 'Belum ada laporan kemajuan',
  overdue: 'Lewat rencana selesai',
};

const PROJECT_COLUMNS: Column[] = [
  { key: 'rowNumber', header: 'No.', kind: 'count', width: 5 },
  { key: 'village', header: 'Desa', kind: 'text', width: 20 },
  { key: 'project', header: 'Proyek', kind: 'text', width: 32 },
  { key: 'kegiatan', header: 'Kode Kegiatan', kind: 'text', width: 12 },
  { key: 'outputType', header: 'Jenis Keluaran', kind: 'text', width: 16 },
  { key: 'unit', header: 'Satuan', kind: 'text', width: 8 },
  { key: 'planned', header: 'Volume Rencana', kind: 'quantity', width: 12 },
  { key: 'realised', header: 'Volume Realisasi', kind: 'quantity', width: 12 },
  { key: 'volumePercent', header: '% Volume', kind: 'percent', width: 10 },
  { key: 'percent', header: 'Kemajuan (%)', kind: 'count', width: 10 },
  { key: 'expected', header: 'Kemajuan Rencana (%)', kind: 'count', width: 12 },
  { key: 'budget', header: 'Anggaran (Rp)', kind: 'amount', width: 16 },
  { key: 'plannedEnd', header: 'Rencana Selesai', kind: 'date', width: 12 },
  { key: 'lastReport', header: 'Laporan Terakhir', kind: 'date', width: 12 },
  { key: 'photoSteps', header: 'Tahap Foto Belum Ada (%)', kind: 'text', width: 14 },
  { key: 'flagged', header: 'Foto Bercatatan', kind: 'count', width: 10 },
  { key: 'suspicions', header: 'Dugaan Duplikasi Terbuka', kind: 'count', width: 12 },
];

function projectCells(row: OutputRow, index: number): TableRow['cells'] {
  return {
    rowNumber: String(index + 1),
    village: `${row.villageName} (${row.villageCode})`,
    project: `${row.title} [${row.projectId}]`,
    kegiatan: row.kegiatanCode,
    outputType: row.outputType,
    unit: row.unit,
    planned: row.plannedVolume,
    realised: row.realisedVolume,
    volumePercent: row.volumePercent,
    percent: row.percent === null ? null : String(row.percent),
    expected: String(row.expectedPercent),
    budget: row.budget,
    plannedEnd: row.plannedEnd,
    lastReport: row.lastReportDate,
    photoSteps: row.missingPhotoSteps.join(', '),
    flagged: String(row.flaggedPhotos),
    suspicions: String(row.openSuspicions),
  };
}

const detail = (cells: TableRow['cells']): TableRow => ({ style: 'detail', cells });

/** The output realisation: per project, per output type, behind schedule, photos missing, suspected. */
export function projectOutputsTables(report: ProjectOutputsReport): ReportTable[] {
  const where = report.district ? `Kecamatan ${report.district.name}, ` : '';
  const heading = `${where}${report.regency.name} — Tahun Anggaran ${report.fiscalYear}, keadaan ${dateInWords(report.asOf)}`;
  const projectTable = (name: string, title: string, rows: OutputRow[], extra: Column[] = []) => ({
    name,
    title: [title, heading],
    columns: [...PROJECT_COLUMNS, ...extra],
    rows: rows.map((row, index) =>
      detail({
        ...projectCells(row, index),
        ...('reason' in row ? { reason: LATE_TEXT[row.reason as LateReason] } : {}),
      }),
    ),
    landscape: true,
  });
  return [
    projectTable('Realisasi Keluaran', 'Realisasi Keluaran Proyek Fisik', report.projects),
    {
      name: 'Per Jenis Keluaran',
      title: ['Realisasi Keluaran per Jenis Keluaran', heading],
      columns: [
        { key: 'outputType', header: 'Jenis Keluaran', kind: 'text', width: 20 },
        { key: 'unit', header: 'Satuan', kind: 'text', width: 8 },
        { key: 'projects', header: 'Jumlah Proyek', kind: 'count', width: 10 },
        { key: 'planned', header: 'Volume Rencana', kind: 'quantity', width: 14 },
        { key: 'realised', header: 'Volume Realisasi', kind: 'quantity', width: 14 },
        { key: 'volumePercent', header: '% Volume', kind: 'percent', width: 10 },
      ],
      rows: report.byOutputType.map((row) =>
        detail({
          outputType: row.outputType,
          unit: row.unit,
          projects: String(row.projects),
          planned: row.plannedVolume,
          realised: row.realisedVolume,
          volumePercent: row.volumePercent,
        }),
      ),
      landscape: false,
    },
    projectTable('Terlambat', 'Proyek Terlambat dari Jadwal', report.behindSchedule, [
      { key: 'reason', header: 'Keterangan', kind: 'text', width: 24 },
    ]),
    projectTable(
      'Foto Belum Ada',
      `Proyek dengan Foto Tahap ${report.photoSteps.join('/')} % Belum Ada`,
      report.photosMissing,
    ),
    projectTable('Dugaan Duplikasi', 'Proyek dengan Dugaan Duplikasi Terbuka', report.suspected),
  ];
}
