import { openEntries } from '../choices';
import type { CommandForm } from '../form-model';

const AREA = 'Koreksi dan penutupan';

/** Reversing an entry, closing a month and the year: the treasurer's forms. */
export const CLOSING_FORMS: CommandForm[] = [
  {
    type: 'ReverseEntry',
    area: AREA,
    title: 'Batalkan catatan (jurnal balik)',
    explanation:
      'Batalkan catatan yang keliru dengan jurnal balik; catatan aslinya tetap ada dan dapat diperiksa.',
    fields: [
      {
        kind: 'text',
        name: 'reversalId',
        label: 'Nomor bukti koreksi',
        hint: 'Contoh: KOR/001/2025',
      },
      {
        kind: 'choice',
        name: 'entryId',
        label: 'Catatan yang dibatalkan',
        hint: 'Nomor bukti catatan, yang terbaru di atas.',
        choices: openEntries,
      },
      { kind: 'date', name: 'date', label: 'Tanggal koreksi', hint: 'Contoh: 20/03/2025' },
      { kind: 'longText', name: 'reason', label: 'Alasan' },
    ],
  },
  {
    type: 'CloseMonth',
    area: AREA,
    title: 'Tutup buku bulanan',
    explanation:
      'Cocokkan kas tunai dan saldo rekening koran dengan buku di akhir bulan; bulan itu lalu tertutup.',
    fields: [
      { kind: 'month', name: 'month', label: 'Bulan', hint: 'Contoh: 03/2025' },
      { kind: 'date', name: 'date', label: 'Tanggal penutupan', hint: 'Contoh: 31/03/2025' },
      {
        kind: 'money',
        name: 'cashCount',
        label: 'Kas tunai dihitung',
        hint: 'Hasil hitung uang di brankas. Contoh: 1.250.000',
      },
      {
        kind: 'money',
        name: 'bankBalance',
        label: 'Saldo rekening koran',
        hint: 'Contoh: 25.000.000',
      },
      { kind: 'longText', name: 'note', label: 'Catatan', optional: true },
    ],
  },
  {
    type: 'CloseFiscalYear',
    area: AREA,
    title: 'Tutup tahun anggaran',
    explanation:
      'Tutup tahun anggaran: saldo kas, SiLPA dan utang pajak dibawa ke tahun berikutnya.',
    fields: [
      { kind: 'date', name: 'date', label: 'Tanggal penutupan', hint: 'Contoh: 31/12/2025' },
    ],
  },
];
