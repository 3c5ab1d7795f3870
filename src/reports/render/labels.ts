import { dateInWords } from './document';
import type { FundOrigin } from '../../domain/reference/reference-data';

/** Indonesian labels users read in reports. */
export const ORIGIN_LABELS: Record<FundOrigin, string> = {
  APBN: 'APBN',
  APBD_PROVINSI: 'APBD Provinsi',
  APBD_KABUPATEN: 'APBD Kabupaten/Kota',
  DESA: 'Pendapatan Asli Desa',
  LAIN_LAIN: 'Lain-lain',
};

export const CHANGE_LABELS = { added: 'Ditambah', removed: 'Dihapus', changed: 'Diubah' } as const;

export const KIND_LABELS = {
  revenue: 'Pendapatan',
  spending: 'Belanja',
  financing: 'Pembiayaan',
} as const;

export const STATUS_LABELS = {
  onTime: 'Tepat waktu',
  late: 'Terlambat',
  pending: 'Belum ditetapkan',
  overdue: 'Lewat batas waktu',
} as const;

export function villageTitle(identity: {
  villageName: string;
  districtName: string;
  fiscalYear: number;
}) {
  return `Desa ${identity.villageName}, Kecamatan ${identity.districtName} — Tahun Anggaran ${identity.fiscalYear}`;
}

export function documentTitle(document: { document: string; number: string; date: string }) {
  return `${document.document} Nomor ${document.number} tanggal ${dateInWords(document.date)}`;
}
