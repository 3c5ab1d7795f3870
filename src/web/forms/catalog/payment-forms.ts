import {
  activities,
  budgetLines,
  cashAccounts,
  fundSources,
  paymentRequests,
  taxes,
} from '../choices';
import type { CommandForm, InputField, RowsField } from '../form-model';

const AREA = 'SPP dan pembayaran';

const sppKinds = () => [
  { value: 'UM', label: 'Panjar (UM)' },
  { value: 'LS', label: 'Pembayaran langsung (LS)' },
  { value: 'PBY', label: 'Pembiayaan (PBY)' },
];

const dateField: InputField = {
  kind: 'date',
  name: 'date',
  label: 'Tanggal',
  hint: 'Contoh: 15/03/2025',
};

const reasonsField: InputField = {
  kind: 'lines',
  name: 'reasons',
  label: 'Alasan',
  hint: 'Satu alasan per baris; wajib bila SPP dikembalikan atau ditolak.',
};

/** The receipt or invoice (bukti) behind a payment, its inputs under `prefix`. */
function evidenceFields(prefix: string, optional: boolean): InputField[] {
  const field = (
    kind: InputField['kind'],
    name: string,
    label: string,
    hint?: string,
    alwaysOptional = false,
  ): InputField => ({
    kind,
    name: `${prefix}.${name}`,
    label,
    ...(hint === undefined ? {} : { hint }),
    ...(optional || alwaysOptional ? { optional: true } : {}),
  });
  return [
    field('text', 'receiptNumber', 'Nomor kuitansi/nota', 'Contoh: KW-012/2025'),
    field('date', 'receiptDate', 'Tanggal kuitansi', 'Contoh: 14/03/2025'),
    field('text', 'payee', 'Penerima pembayaran', 'Contoh: CV Maju Jaya'),
    field('text', 'address', 'Alamat penerima'),
    field('text', 'bankAccount', 'Nomor rekening penerima', undefined, true),
    field('text', 'bankName', 'Bank penerima', undefined, true),
    field('text', 'npwp', 'NPWP penerima', '15 atau 16 digit, tanpa titik', true),
  ];
}

/** Tax amounts set by hand instead of the policy's rate, each with its reason. */
function taxOverrideRows(withReceipt: boolean): RowsField {
  return {
    kind: 'rows',
    name: 'taxOverrides',
    label: 'Koreksi pajak (bila berbeda dari tarif)',
    hint: 'Kosongkan bila pajak dihitung sesuai tarif.',
    rows: 2,
    fields: [
      {
        kind: 'choice',
        name: 'lineId',
        label: 'Baris anggaran',
        choices: budgetLines('spending', 'financing'),
      },
      ...(withReceipt
        ? [{ kind: 'text', name: 'receiptNumber', label: 'Nomor kuitansi' } as const]
        : []),
      { kind: 'choice', name: 'tax', label: 'Pajak', choices: taxes },
      { kind: 'money', name: 'amount', label: 'Jumlah pajak', hint: 'Contoh: 150.000' },
      { kind: 'text', name: 'reason', label: 'Alasan' },
    ],
  };
}

/** The SPP's way from draft to payment: executor, secretary, village head, treasurer. */
export const PAYMENT_FORMS: CommandForm[] = [
  {
    type: 'DraftPaymentRequest',
    area: AREA,
    title: 'Susun SPP',
    explanation:
      'Susun permintaan pembayaran untuk kegiatan Anda; setelah disimpan, ajukan kepada Sekretaris Desa.',
    fields: [
      { kind: 'text', name: 'sppId', label: 'Nomor SPP', hint: 'Contoh: SPP/001/2025' },
      { kind: 'choice', name: 'kind', label: 'Jenis SPP', choices: sppKinds },
      {
        kind: 'choice',
        name: 'activityId',
        label: 'Kegiatan',
        optional: true,
        hint: 'Kosongkan untuk SPP pembiayaan.',
        choices: activities,
      },
      dateField,
      { kind: 'longText', name: 'description', label: 'Uraian' },
      {
        kind: 'text',
        name: 'progressReportReference',
        label: 'Nomor laporan kemajuan kegiatan',
        hint: 'Contoh: LPK/001/2025',
      },
      {
        kind: 'rows',
        name: 'lines',
        label: 'Rincian',
        hint: 'Satu baris anggaran per rincian; bukti wajib untuk LS, tidak diisi untuk panjar.',
        rows: 3,
        fields: [
          {
            kind: 'choice',
            name: 'lineId',
            label: 'Baris anggaran',
            choices: budgetLines('spending', 'financing'),
          },
          { kind: 'choice', name: 'source', label: 'Sumber dana', choices: fundSources },
          { kind: 'money', name: 'amount', label: 'Jumlah', hint: 'Contoh: 25.000.000' },
          { kind: 'multiChoice', name: 'taxes', label: 'Pajak dipotong', choices: taxes },
          ...evidenceFields('evidence', true),
        ],
      },
    ],
  },
  {
    type: 'SubmitPaymentRequest',
    area: AREA,
    title: 'Ajukan SPP',
    explanation: 'Kirim SPP yang sudah disusun kepada Sekretaris Desa untuk diverifikasi.',
    fields: [
      {
        kind: 'choice',
        name: 'sppId',
        label: 'SPP',
        choices: paymentRequests('drafted', 'returned'),
      },
      { kind: 'date', name: 'date', label: 'Tanggal pengajuan' },
    ],
  },
  {
    type: 'VerifyPaymentRequest',
    area: AREA,
    title: 'Verifikasi SPP',
    explanation:
      'Periksa SPP yang diajukan: yang lolos diteruskan ke Kepala Desa, yang kurang dikembalikan ke pelaksana.',
    fields: [
      {
        kind: 'choice',
        name: 'sppId',
        label: 'SPP',
        choices: paymentRequests('submitted'),
      },
      dateField,
      {
        kind: 'choice',
        name: 'outcome',
        label: 'Hasil verifikasi',
        choices: () => [
          { value: 'verified', label: 'Lolos verifikasi' },
          { value: 'returned', label: 'Dikembalikan untuk diperbaiki' },
        ],
      },
      reasonsField,
    ],
  },
  {
    type: 'ApprovePaymentRequest',
    area: AREA,
    title: 'Setujui SPP',
    explanation:
      'Setujui SPP yang sudah diverifikasi agar dibayar oleh Kaur Keuangan, atau tolak dengan alasan.',
    fields: [
      {
        kind: 'choice',
        name: 'sppId',
        label: 'SPP',
        choices: paymentRequests('verified'),
      },
      dateField,
      {
        kind: 'choice',
        name: 'outcome',
        label: 'Keputusan',
        choices: () => [
          { value: 'approved', label: 'Disetujui' },
          { value: 'rejected', label: 'Ditolak' },
        ],
      },
      reasonsField,
    ],
  },
  {
    type: 'PayPaymentRequest',
    area: AREA,
    title: 'Bayar SPP',
    explanation:
      'Bayar SPP yang disetujui dari kas atau bank; pajak dipotong dan menunggu disetor oleh Kaur Keuangan.',
    fields: [
      { kind: 'text', name: 'paymentId', label: 'Nomor bukti pembayaran', hint: 'Contoh: BKU/045' },
      {
        kind: 'choice',
        name: 'sppId',
        label: 'SPP',
        choices: paymentRequests('approved'),
      },
      dateField,
      { kind: 'choice', name: 'from', label: 'Dibayar dari', choices: cashAccounts },
      {
        kind: 'text',
        name: 'transferReference',
        label: 'Nomor bukti transfer',
        optional: true,
        hint: 'Wajib bila dibayar lewat bank. Contoh: TRF-20250315-01',
      },
      taxOverrideRows(false),
    ],
  },
  {
    type: 'AccountPanjar',
    area: AREA,
    title: 'Pertanggungjawaban panjar (SPJ)',
    explanation:
      'Laporkan bukti belanja dari panjar yang diterima; sisa panjar dikembalikan ke kas desa.',
    fields: [
      { kind: 'text', name: 'spjId', label: 'Nomor SPJ', hint: 'Contoh: SPJ/001/2025' },
      {
        kind: 'choice',
        name: 'sppId',
        label: 'SPP panjar',
        choices: paymentRequests('advanced'),
      },
      dateField,
      { kind: 'choice', name: 'returnTo', label: 'Sisa dikembalikan ke', choices: cashAccounts },
      {
        kind: 'rows',
        name: 'lines',
        label: 'Bukti belanja',
        hint: 'Satu bukti per baris.',
        rows: 3,
        fields: [
          {
            kind: 'choice',
            name: 'lineId',
            label: 'Baris anggaran',
            choices: budgetLines('spending'),
          },
          ...evidenceFields('evidence.0', false),
          { kind: 'money', name: 'evidence.0.amount', label: 'Jumlah', hint: 'Contoh: 2.500.000' },
          {
            kind: 'multiChoice',
            name: 'evidence.0.taxes',
            label: 'Pajak dipotong',
            choices: taxes,
          },
        ],
      },
      taxOverrideRows(true),
    ],
  },
];
