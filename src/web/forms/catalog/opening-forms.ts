import { fundSources, pendingOpeningCorrections, taxes } from '../choices';
import type { CommandForm, FormField } from '../form-model';

const AREA = 'Saldo awal dan SiLPA';

/** The opening's figures, as the opening and its correction both ask for them. */
export const openingFigures = (labels: {
  cashOnHand: string;
  bank: string;
  silpa: string;
  taxPayable: string;
  taxHint: string;
}): FormField[] => [
  {
    kind: 'money',
    name: 'openingBalances.cashOnHand',
    label: labels.cashOnHand,
    hint: 'Contoh: 1.250.000. Isi 0 bila kosong.',
  },
  {
    kind: 'money',
    name: 'openingBalances.bank',
    label: labels.bank,
    hint: 'Contoh: 35.480.000. Isi 0 bila kosong.',
  },
  silpaRows(labels.silpa),
  {
    kind: 'rows',
    name: 'taxPayable',
    label: labels.taxPayable,
    hint: labels.taxHint,
    rows: 3,
    fields: [
      { kind: 'choice', name: 'tax', label: 'Pajak', choices: taxes },
      { kind: 'money', name: 'amount', label: 'Jumlah', hint: 'Contoh: 275.000' },
    ],
  },
];

const silpaRows = (label: string): FormField => ({
  kind: 'rows',
  name: 'silpa',
  label,
  hint: 'Satu baris per sumber dana; biarkan kosong bila tidak ada SiLPA.',
  rows: 4,
  fields: [
    { kind: 'choice', name: 'source', label: 'Sumber dana', choices: fundSources },
    { kind: 'money', name: 'amount', label: 'Jumlah', hint: 'Contoh: 35.480.000' },
  ],
});

/** The SiLPA booked once last year is closed, and corrections of the opening figures. */
export const OPENING_FORMS: CommandForm[] = [
  {
    type: 'RecordActualSilpa',
    area: AREA,
    title: 'Catat SiLPA sebenarnya',
    explanation:
      'Bila tahun dibuka sebelum tahun lalu ditutup, Bendahara mencatat SiLPA sebenarnya dari dokumen penutupan tahun lalu; SiLPA terealisasi pada tanggal ini. Selisih dengan SiLPA yang dianggarkan disesuaikan lewat Perubahan APBDes.',
    fields: [
      { kind: 'date', name: 'date', label: 'Tanggal pencatatan', hint: 'Contoh: 15/07/2025' },
      {
        kind: 'text',
        name: 'closingDocument',
        label: 'Nomor dokumen penutupan tahun lalu',
        hint: 'Contoh: BA/LPJ/2024',
      },
      silpaRows('SiLPA tahun lalu per sumber dana'),
    ],
  },
  {
    type: 'ProposeOpeningCorrection',
    area: AREA,
    title: 'Usulkan koreksi saldo awal',
    explanation:
      'Bendahara mengusulkan angka saldo awal yang benar dengan alasannya; koreksi berlaku setelah Sekretaris Desa memverifikasinya, dan angka lama tetap tercatat dalam riwayat.',
    fields: [
      {
        kind: 'text',
        name: 'correctionId',
        label: 'Nomor koreksi',
        hint: 'Contoh: KOR-SA/001/2025',
      },
      { kind: 'date', name: 'date', label: 'Tanggal usulan', hint: 'Contoh: 03/03/2025' },
      { kind: 'longText', name: 'reason', label: 'Alasan koreksi' },
      ...openingFigures({
        cashOnHand: 'Saldo awal kas tunai yang benar',
        bank: 'Saldo awal rekening bank yang benar',
        silpa: 'SiLPA per sumber dana yang benar',
        taxPayable: 'Pajak tahun lalu yang belum disetor (yang benar)',
        taxHint: 'Satu baris per jenis pajak; biarkan kosong bila tidak ada.',
      }),
    ],
  },
  {
    type: 'VerifyOpeningCorrection',
    area: AREA,
    title: 'Verifikasi koreksi saldo awal',
    explanation:
      'Sekretaris Desa memeriksa usulan koreksi saldo awal dengan dokumennya; bila lolos, semua laporan memakai angka yang dikoreksi.',
    fields: [
      {
        kind: 'choice',
        name: 'correctionId',
        label: 'Usulan koreksi',
        choices: pendingOpeningCorrections,
      },
      { kind: 'date', name: 'date', label: 'Tanggal verifikasi', hint: 'Contoh: 04/03/2025' },
      {
        kind: 'choice',
        name: 'outcome',
        label: 'Hasil verifikasi',
        choices: () => [
          { value: 'verified', label: 'Lolos verifikasi' },
          { value: 'returned', label: 'Dikembalikan untuk diperbaiki' },
        ],
      },
      {
        kind: 'lines',
        name: 'reasons',
        label: 'Alasan',
        hint: 'Satu alasan per baris; wajib bila usulan dikembalikan.',
      },
    ],
  },
];
