import { cashAccounts, financingAccounts, financingLines, fundSources } from '../choices';
import type { CommandForm, InputField } from '../form-model';

const AREA = 'Pembiayaan';

/** The document, date and amount every financing entry carries. */
const entryFields: InputField[] = [
  { kind: 'text', name: 'financingId', label: 'Nomor bukti' },
  { kind: 'date', name: 'date', label: 'Tanggal', hint: 'Contoh: 15/03/2025' },
  { kind: 'choice', name: 'source', label: 'Sumber dana', choices: fundSources },
  { kind: 'money', name: 'amount', label: 'Jumlah', hint: 'Contoh: 5.000.000' },
];

const documentFields: InputField[] = [
  {
    kind: 'text',
    name: 'evidence.documentNumber',
    label: 'Nomor dokumen dasar',
    hint: 'Contoh: Perdes Dana Cadangan, akta penjualan, atau bukti transfer',
  },
  { kind: 'date', name: 'evidence.documentDate', label: 'Tanggal dokumen' },
  { kind: 'text', name: 'evidence.description', label: 'Uraian' },
];

/** Financing receipts and expenditures booked directly by the treasurer (6.1.x but SiLPA, 6.2.x). */
export const FINANCING_FORMS: CommandForm[] = [
  {
    type: 'RecordFinancingReceipt',
    area: AREA,
    title: 'Catat penerimaan pembiayaan',
    explanation:
      'Pencairan dana cadangan, hasil penjualan kekayaan desa yang dipisahkan, atau penerimaan pembiayaan lainnya, pada baris pembiayaan APBDes. SiLPA tercatat saat tahun anggaran dibuka.',
    fields: [
      ...entryFields,
      {
        kind: 'choice',
        name: 'lineId',
        label: 'Baris penerimaan pembiayaan',
        choices: financingLines('receipt'),
      },
      {
        kind: 'choice',
        name: 'account',
        label: 'Rekening penerimaan pembiayaan',
        choices: financingAccounts('financingReceipt'),
      },
      { kind: 'choice', name: 'into', label: 'Diterima di', choices: cashAccounts },
      ...documentFields,
    ],
  },
  {
    type: 'RecordFinancingExpenditure',
    area: AREA,
    title: 'Catat pengeluaran pembiayaan',
    explanation:
      'Pembentukan dana cadangan, penyertaan modal desa (mis. ke BUM Desa), atau pengeluaran pembiayaan lainnya, dari baris pembiayaan APBDes.',
    fields: [
      ...entryFields,
      {
        kind: 'choice',
        name: 'lineId',
        label: 'Baris pengeluaran pembiayaan',
        choices: financingLines('expenditure'),
      },
      {
        kind: 'choice',
        name: 'account',
        label: 'Rekening pengeluaran pembiayaan',
        choices: financingAccounts('financingExpenditure'),
      },
      { kind: 'choice', name: 'from', label: 'Dibayar dari', choices: cashAccounts },
      ...documentFields,
    ],
  },
];
