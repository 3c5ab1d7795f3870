import type { Role } from '../../access/roles';
import { reportsOf } from '../../reports/catalog';
import type { ReportDefinition } from '../../reports/report-definition';

/** A village report as the books page lists it: the catalogue's entry and what it is for. */
export interface ShelvedReport {
  report: ReportDefinition;
  description: string;
}

export interface Shelf {
  heading: string;
  reports: ShelvedReport[];
}

/** What each village report is for, in a line a treasurer or village head reads. */
const SHELVES: readonly { heading: string; reports: Record<string, string> }[] = [
  {
    heading: 'Buku',
    reports: {
      bku: 'Semua penerimaan dan pengeluaran kas desa dalam sebulan, dengan saldonya.',
      bank: 'Setoran, penarikan, bunga dan biaya rekening kas desa di bank.',
      tax: 'Pajak yang dipotong dari pembayaran dan yang sudah disetor ke kas negara.',
      panjar: 'Uang muka kepada pelaksana kegiatan dan pertanggungjawabannya.',
      'revenue-detail': 'Penerimaan desa dirinci per kode rekening pendapatan.',
      kegiatan: 'Uang yang diterima dan dibelanjakan pelaksana untuk setiap kegiatan.',
    },
  },
  {
    heading: 'Register SPP',
    reports: {
      'spp-register': 'Daftar Surat Permintaan Pembayaran (SPP): diajukan, disetujui, dibayar.',
    },
  },
  {
    heading: 'Laporan',
    reports: {
      apbdes: 'Anggaran desa yang berlaku: pendapatan, belanja dan pembiayaan.',
      'apbdes-diff': 'Apa yang berubah di antara dua versi APBDes.',
      realisation: 'Laporan Realisasi APBDes (LRA) semester atau setahun: anggaran dan realisasi.',
      'activity-realisation': 'Anggaran dan realisasi setiap kegiatan.',
      'dana-desa-absorption': 'Dana Desa yang sudah diterima dan dibelanjakan (penyerapan).',
      'fund-flow': 'Arus dana per sumber: diterima, dibelanjakan dan sisa kas.',
      'planning-trail': 'Jejak perencanaan: dari RPJMDes dan RKPDes sampai APBDes.',
    },
  },
];

/** The village reports of the catalogue a role may read, on their shelves, in the shelves' order. */
export function shelvesFor(role: Role): Shelf[] {
  const catalogue = new Map(reportsOf('village').map((report) => [report.name, report]));
  return SHELVES.map(({ heading, reports }) => ({
    heading,
    reports: Object.entries(reports).flatMap(([name, description]) => {
      const report = catalogue.get(name);
      return report && report.readers.includes(role) ? [{ report, description }] : [];
    }),
  })).filter((shelf) => shelf.reports.length > 0);
}

/** Every report name the shelves list, to check no village report is left off. */
export const SHELVED_NAMES: readonly string[] = SHELVES.flatMap(({ reports }) =>
  Object.keys(reports),
);
