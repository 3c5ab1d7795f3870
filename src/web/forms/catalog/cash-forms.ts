import { accountsOf, cashAccounts, fundSources } from '../choices';
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
];
