import { cashAccounts, taxesOwed } from '../choices';
import type { CommandForm } from '../form-model';

const AREA = 'Pajak';

/** Depositing withheld taxes to the state treasury: the treasurer's form. */
export const TAX_FORMS: CommandForm[] = [
  {
    type: 'DepositTax',
    area: AREA,
    title: 'Setor pajak',
    explanation:
      'Setor pajak yang sudah dipotong ke kas negara dengan kode billing; NTPN dari bank menjadi buktinya.',
    fields: [
      { kind: 'text', name: 'depositId', label: 'Nomor bukti setor', hint: 'Contoh: SSP/001/2025' },
      { kind: 'choice', name: 'tax', label: 'Pajak', choices: taxesOwed },
      { kind: 'date', name: 'date', label: 'Tanggal setor', hint: 'Contoh: 10/04/2025' },
      { kind: 'money', name: 'amount', label: 'Jumlah', hint: 'Contoh: 375.000' },
      { kind: 'choice', name: 'from', label: 'Disetor dari', choices: cashAccounts },
      {
        kind: 'text',
        name: 'billingCode',
        label: 'Kode billing',
        hint: '15 digit kode billing, tanpa spasi',
      },
      {
        kind: 'text',
        name: 'ntpn',
        label: 'NTPN',
        hint: '16 huruf/angka dari bukti setor bank',
      },
    ],
  },
];
