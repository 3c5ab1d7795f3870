import {
  accountsOf,
  bankFeeLines,
  cashAccounts,
  fundSources,
  undepositedCashReceipts,
} from '../choices';
import type { CommandForm } from '../form-model';

const AREA = 'Penerimaan dan kas';

/** Receipts, deposits of cash and moves between cash and bank: the treasurer's forms. */
export const CASH_FORMS: CommandForm[] = [
  {
    type: 'RecordReceipt',
    area: AREA,
    title: 'Catat penerimaan',
    explanation:
      'Uang masuk ke kas atau rekening desa: transfer Dana Desa/ADD, pendapatan asli desa, atau lainnya.',
    fields: [
      { kind: 'text', name: 'receiptId', label: 'Nomor bukti penerimaan (TBP)' },
      { kind: 'date', name: 'date', label: 'Tanggal' },
      { kind: 'choice', name: 'source', label: 'Sumber dana', choices: fundSources },
      {
        kind: 'choice',
        name: 'account',
        label: 'Rekening pendapatan',
        choices: accountsOf('revenue'),
      },
      { kind: 'money', name: 'amount', label: 'Jumlah', hint: 'Contoh: 25.000.000' },
      { kind: 'choice', name: 'into', label: 'Diterima di', choices: cashAccounts },
      { kind: 'text', name: 'payer.name', label: 'Diterima dari' },
      { kind: 'text', name: 'payer.address', label: 'Alamat penyetor', optional: true },
      { kind: 'text', name: 'description', label: 'Uraian' },
      {
        kind: 'number',
        name: 'transfer.stage',
        label: 'Tahap transfer',
        optional: true,
        hint: 'Hanya untuk transfer dari kabupaten, mis. 1 untuk tahap I.',
      },
      {
        kind: 'text',
        name: 'transfer.reference',
        label: 'Nomor SP2D',
        optional: true,
      },
    ],
  },
  {
    type: 'DepositCashReceipts',
    area: AREA,
    title: 'Setor penerimaan tunai ke bank (STS)',
    explanation:
      'Uang tunai yang sudah diterima disetor ke rekening desa; setelah itu saldonya tercatat di bank.',
    fields: [
      { kind: 'text', name: 'stsId', label: 'Nomor STS', hint: 'Contoh: STS/001/2025' },
      { kind: 'date', name: 'date', label: 'Tanggal setor', hint: 'Contoh: 15/01/2025' },
      {
        kind: 'multiChoice',
        name: 'receiptIds',
        label: 'Penerimaan tunai yang disetor',
        hint: 'Hanya penerimaan tunai yang belum disetor yang tampil.',
        choices: undepositedCashReceipts,
      },
    ],
  },
  {
    type: 'RecordCashMutation',
    area: AREA,
    title: 'Pindahkan uang antara kas tunai dan bank',
    explanation:
      'Ambil uang tunai dari rekening bank atau setor kas tunai ke bank; dicatat oleh Kaur Keuangan sendiri.',
    fields: [
      { kind: 'text', name: 'mutationId', label: 'Nomor bukti mutasi' },
      { kind: 'date', name: 'date', label: 'Tanggal', hint: 'Contoh: 15/01/2025' },
      { kind: 'choice', name: 'from', label: 'Dari', choices: cashAccounts },
      { kind: 'choice', name: 'to', label: 'Ke', choices: cashAccounts },
      { kind: 'money', name: 'amount', label: 'Jumlah', hint: 'Contoh: 5.000.000' },
      {
        kind: 'text',
        name: 'description',
        label: 'Uraian',
        hint: 'Contoh: Ambil tunai untuk honor',
      },
    ],
  },
  {
    type: 'RecordBankInterest',
    area: AREA,
    title: 'Catat bunga bank',
    explanation:
      'Bunga yang dikreditkan bank ke rekening desa, dicatat sebagai pendapatan dari rekening koran.',
    fields: [
      { kind: 'text', name: 'receiptId', label: 'Nomor bukti penerimaan' },
      {
        kind: 'date',
        name: 'date',
        label: 'Tanggal di rekening koran',
        hint: 'Contoh: 31/01/2025',
      },
      { kind: 'money', name: 'amount', label: 'Jumlah bunga', hint: 'Contoh: 125.000' },
      { kind: 'text', name: 'bankName', label: 'Nama bank', hint: 'Contoh: Bank Jatim' },
      { kind: 'text', name: 'statementReference', label: 'Nomor/halaman rekening koran' },
    ],
  },
  {
    type: 'RecordBankFee',
    area: AREA,
    title: 'Catat biaya administrasi bank',
    explanation:
      'Biaya yang dipotong bank dari rekening desa, dibebankan pada baris belanja biaya bank di APBDes.',
    fields: [
      { kind: 'text', name: 'feeId', label: 'Nomor bukti' },
      {
        kind: 'date',
        name: 'date',
        label: 'Tanggal di rekening koran',
        hint: 'Contoh: 31/01/2025',
      },
      { kind: 'money', name: 'amount', label: 'Jumlah biaya', hint: 'Contoh: 15.000' },
      { kind: 'choice', name: 'lineId', label: 'Baris belanja', choices: bankFeeLines },
      { kind: 'text', name: 'statementReference', label: 'Nomor/halaman rekening koran' },
    ],
  },
];
