import type { RegencyCommand } from '../../../domain/regency/commands';
import type { CommandForm, RegencyFormContext } from '../form-model';
import { REGENCY_TARGET } from '../form-target';
import {
  allocatedSources,
  danaDesaEarmarks,
  danaDesaSources,
  regencyVillages,
  stageNumbers,
} from '../regency-choices';

const AREA = 'Dana kabupaten untuk desa';

const EARMARK_ROWS = 6;

/** The regency finance office's forms: the year, each village's pagu, Dana Desa stages and transfers. */
export const REGENCY_FORMS: CommandForm<RegencyFormContext, RegencyCommand['type']>[] = [
  {
    type: 'OpenRegencyFiscalYear',
    area: AREA,
    target: REGENCY_TARGET,
    title: 'Buka tahun anggaran kabupaten',
    explanation:
      'Membuka tahun anggaran kabupaten sebelum pagu desa ditetapkan dan dana disalurkan.',
    fields: [],
  },
  {
    type: 'SetAllocation',
    area: AREA,
    target: REGENCY_TARGET,
    title: 'Tetapkan pagu desa',
    explanation:
      'Pagu satu sumber dana untuk satu desa, dengan dasar hukumnya (mis. Perbup). Menetapkan lagi mengubah pagu; pagu tidak boleh di bawah yang sudah disalurkan.',
    fields: [
      { kind: 'choice', name: 'villageCode', label: 'Desa', choices: regencyVillages },
      { kind: 'choice', name: 'source', label: 'Sumber dana', choices: allocatedSources },
      { kind: 'money', name: 'amount', label: 'Pagu', hint: 'Contoh: 1.025.000.000' },
      {
        kind: 'text',
        name: 'legalReference.document',
        label: 'Dasar hukum',
        hint: 'Contoh: Peraturan Bupati tentang rincian Dana Desa',
      },
      { kind: 'text', name: 'legalReference.number', label: 'Nomor' },
      { kind: 'date', name: 'legalReference.date', label: 'Tanggal' },
    ],
  },
  {
    type: 'PlanDanaDesaStages',
    area: AREA,
    target: REGENCY_TARGET,
    title: 'Rencana tahap Dana Desa',
    explanation:
      'Rincian pagu Dana Desa satu desa per earmark; tahap dan persentasenya mengikuti kebijakan untuk status desa. Jumlahnya harus sama dengan pagu.',
    fields: [
      { kind: 'choice', name: 'villageCode', label: 'Desa', choices: regencyVillages },
      { kind: 'choice', name: 'source', label: 'Sumber dana', choices: danaDesaSources },
      {
        kind: 'rows',
        name: 'earmarks',
        label: 'Rincian per earmark',
        hint: 'Baris kosong diabaikan.',
        rows: EARMARK_ROWS,
        fields: [
          { kind: 'choice', name: 'earmark', label: 'Earmark', choices: danaDesaEarmarks },
          { kind: 'money', name: 'amount', label: 'Jumlah' },
        ],
      },
    ],
  },
  {
    type: 'SendTransfer',
    area: AREA,
    target: REGENCY_TARGET,
    title: 'Catat transfer ke desa',
    explanation:
      'Penyaluran dana ke rekening kas desa (SP2D), per sumber dana dan tahap; tidak boleh melebihi pagu atau rencana tahap.',
    fields: [
      { kind: 'choice', name: 'villageCode', label: 'Desa', choices: regencyVillages },
      { kind: 'choice', name: 'source', label: 'Sumber dana', choices: allocatedSources },
      { kind: 'number', name: 'stage', label: 'Tahap', choices: stageNumbers },
      { kind: 'money', name: 'amount', label: 'Jumlah', hint: 'Contoh: 410.000.000' },
      { kind: 'date', name: 'date', label: 'Tanggal transfer' },
      { kind: 'text', name: 'reference', label: 'Nomor SP2D' },
    ],
  },
];
