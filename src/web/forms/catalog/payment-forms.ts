import { paymentRequests } from '../choices';
import type { CommandForm } from '../form-model';

const AREA = 'SPP dan pembayaran';

/** The SPP's way from draft to payment: executor, secretary, village head, treasurer. */
export const PAYMENT_FORMS: CommandForm[] = [
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
];
