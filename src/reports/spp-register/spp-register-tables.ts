import type { VillageIdentity } from '../../../projections/folds/reference-lookup';
import type { VillageView } from '../../../projections/folds/village-books';
import { monthInWords } from '../render/document';
import { villageTitle } from '../render/labels';
import { columnTotal, sumOf, type Column, type ReportTable, type TableRow } from '../render/table';

const STATUS_LABELS: Record<string, string> = {
  drafted: 'Disusun',
  submitted: 'Diajukan',
  returned: 'Dikembalikan',
  verified: 'Diverifikasi',
  approved: 'Disetujui',
  rejected: 'Ditolak',
  paid: 'Dibayar',
  advanced: 'Panjar belum di-SPJ-kan',
  closed: 'Selesai (SPJ)',
};

/** Register SPP: every SPP of the month (all months when none), with its payment and SPJ. */
export function sppRegisterTable(
  state: VillageView,
  identity: VillageIdentity,
  month: string | undefined,
): ReportTable {
  const columns: Column[] = [
    { key: 'sppId', header: 'Nomor SPP', kind: 'text', width: 14 },
    { key: 'date', header: 'Tanggal', kind: 'date', width: 12 },
    { key: 'kind', header: 'Jenis', kind: 'text', width: 6 },
    { key: 'activity', header: 'Kegiatan', kind: 'text', width: 20 },
    { key: 'description', header: 'Uraian', kind: 'text', width: 36 },
    { key: 'total', header: 'Jumlah (Rp)', kind: 'amount', width: 18 },
    { key: 'status', header: 'Status', kind: 'text', width: 18 },
    { key: 'paymentId', header: 'Nomor Pembayaran', kind: 'text', width: 16 },
    { key: 'paidOn', header: 'Tanggal Bayar', kind: 'date', width: 12 },
    { key: 'spjId', header: 'Nomor SPJ', kind: 'text', width: 14 },
  ];
  const requests = [...state.whole().paymentRequests.values()].filter(
    (r) => month === undefined || r.request.date.startsWith(month),
  );
  const ids = requests.map((r) => `spp:${r.request.sppId}`);
  const rows: TableRow[] = requests.map((r, index) => ({
    id: ids[index],
    style: 'detail',
    cells: {
      sppId: r.request.sppId,
      date: r.request.date,
      kind: r.request.kind,
      activity: r.request.activityId ?? null,
      description: r.request.description,
      total: r.request.total,
      status: STATUS_LABELS[r.status] ?? r.status,
      paymentId: r.payment?.paymentId ?? null,
      paidOn: r.payment?.date ?? null,
      spjId: r.spjId ?? null,
    },
  }));
  return {
    name: 'Register SPP',
    title: ['Register SPP', `${villageTitle(identity)}${month ? `, ${monthInWords(month)}` : ''}`],
    columns,
    rows: [
      ...rows,
      {
        style: 'total',
        cells: { description: 'Jumlah', total: columnTotal(rows, 'total') },
        formulas: { total: sumOf(ids) },
      },
    ],
    landscape: true,
  };
}
