import type { MonitoringReport, StatusCounts } from './monitoring-report';
import { dayMonthYear } from '../render/cell-text';
import { dateInWords } from '../render/document';
import { STATUS_LABELS } from '../render/labels';
import { sumOf, type Column, type ReportTable } from '../render/table';

const COUNT_KEYS = ['villages', 'onTime', 'late', 'pending', 'overdue'] as const;
const COUNT_HEADERS: Record<(typeof COUNT_KEYS)[number], string> = {
  villages: 'Jumlah Desa',
  ...STATUS_LABELS,
};

const countCells = (counts: StatusCounts) =>
  Object.fromEntries(COUNT_KEYS.map((key) => [key, String(counts[key])]));

/**
 * Regency monitoring: APBDes enacted on time or late, and each village's
 * physical projects; a summary and one sheet per district.
 */
export function monitoringTables(report: MonitoringReport): ReportTable[] {
  const heading = `${report.regency.name} — Tahun Anggaran ${report.fiscalYear}, keadaan ${dateInWords(report.asOf)}`;
  const summaryColumns: Column[] = [
    { key: 'code', header: 'Kode', kind: 'text', width: 12 },
    { key: 'description', header: 'Kecamatan', kind: 'text', width: 28 },
    ...COUNT_KEYS.map((key): Column => ({
      key,
      header: COUNT_HEADERS[key],
      kind: 'count',
      width: 14,
    })),
  ];
  const districtIds = report.districts.map((d) => `district:${d.districtCode}`);
  const summary: ReportTable = {
    name: 'Ringkasan',
    title: ['Pemantauan Penetapan APBDes', heading],
    columns: summaryColumns,
    rows: [
      ...report.districts.map((district, index) => ({
        id: districtIds[index],
        style: 'detail' as const,
        cells: {
          code: district.districtCode,
          description: district.districtName,
          ...countCells(district.counts),
        },
      })),
      {
        style: 'total',
        cells: {
          code: report.regency.code,
          description: `Jumlah ${report.regency.name}`,
          ...countCells(report.counts),
        },
        formulas: Object.fromEntries(COUNT_KEYS.map((key) => [key, sumOf(districtIds)])),
      },
    ],
    landscape: false,
  };
  const districtColumns: Column[] = [
    { key: 'code', header: 'Kode Desa', kind: 'text', width: 16 },
    { key: 'description', header: 'Desa', kind: 'text', width: 24 },
    { key: 'number', header: 'Nomor Perdes APBDes', kind: 'text', width: 20 },
    { key: 'date', header: 'Tanggal Penetapan', kind: 'date', width: 16 },
    { key: 'deadline', header: 'Batas Waktu', kind: 'date', width: 14 },
    { key: 'status', header: 'Status', kind: 'text', width: 18 },
    { key: 'daysLate', header: 'Hari Terlambat', kind: 'count', width: 12 },
    { key: 'changes', header: 'Perubahan / Perkades', kind: 'text', width: 40 },
    { key: 'projects', header: 'Proyek Fisik', kind: 'count', width: 10 },
    { key: 'behindSchedule', header: 'Proyek Terlambat', kind: 'count', width: 12 },
    { key: 'withoutPhotos', header: 'Proyek Tanpa Foto', kind: 'count', width: 12 },
    { key: 'openSuspicions', header: 'Dugaan Duplikasi Terbuka', kind: 'count', width: 14 },
    { key: 'importedExceptions', header: 'Pengecualian Impor', kind: 'count', width: 12 },
  ];
  const districts = report.districts.map((district): ReportTable => ({
    name: district.districtName,
    title: ['Pemantauan Penetapan APBDes', `Kecamatan ${district.districtName}, ${heading}`],
    columns: districtColumns,
    rows: district.villages.map((row) => ({
      style: 'detail',
      cells: {
        code: row.identity.villageCode,
        description: row.identity.villageName,
        number: row.apbdes?.enactedBy.number ?? null,
        date: row.apbdes?.enactedBy.date ?? null,
        deadline: row.apbdesDeadline,
        status: STATUS_LABELS[row.status],
        daysLate: row.apbdes ? String(row.apbdes.daysLate) : null,
        changes:
          row.changes
            .map((c) => `${c.label}: ${c.enactedBy.number} (${dayMonthYear(c.enactedBy.date)})`)
            .join('; ') || null,
        projects: String(row.projects.registered),
        behindSchedule: String(row.projects.behindSchedule),
        withoutPhotos: String(row.projects.withoutPhotos),
        openSuspicions: String(row.projects.openSuspicions),
        importedExceptions: String(row.importedExceptions),
      },
    })),
    landscape: true,
  }));
  return [summary, ...districts];
}
