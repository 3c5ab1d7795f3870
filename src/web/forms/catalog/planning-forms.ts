import { fundSources, kegiatan, subBidang } from '../choices';
import type { CommandForm } from '../form-model';
import { openingFigures } from './opening-forms';

const AREA = 'Perencanaan (RKPDes)';

/** Opening the year on last year's balances, then the RKPDes activities the APBDes is drafted from. */
export const PLANNING_FORMS: CommandForm[] = [
  {
    type: 'OpenVillageFiscalYear',
    area: AREA,
    title: 'Buka tahun anggaran',
    explanation:
      'Bendahara membuka tahun anggaran dengan saldo kas dan SiLPA tahun lalu; sesudahnya Sekretaris Desa dapat menyusun RKPDes dan APBDes.',
    fields: [
      ...openingFigures({
        cashOnHand: 'Saldo awal kas tunai',
        bank: 'Saldo awal rekening bank desa',
        silpa: 'SiLPA tahun lalu per sumber dana',
        taxPayable: 'Pajak dipungut tahun lalu yang belum disetor',
        taxHint: 'Satu baris per jenis pajak; biarkan kosong bila semua sudah disetor.',
      }),
      {
        kind: 'flag',
        name: 'silpaToBeRecorded',
        label: 'Tahun lalu belum ditutup: SiLPA dicatat kemudian',
        hint: 'Centang bila tahun lalu belum ditutup. Kosongkan baris SiLPA di atas; APBDes boleh memakai SiLPA perkiraan, dan Bendahara mencatat SiLPA sebenarnya lewat "Catat SiLPA sebenarnya".',
      },
    ],
  },
  {
    type: 'PlanRkpdesActivity',
    area: AREA,
    title: 'Rencanakan kegiatan RKPDes',
    explanation:
      'Catat satu kegiatan hasil musyawarah desa ke RKPDes; Sekretaris Desa lalu menganggarkannya dalam rancangan APBDes.',
    fields: [
      {
        kind: 'text',
        name: 'activityId',
        label: 'Kode kegiatan desa',
        hint: 'Singkat dan unik dalam tahun ini, mis. jalan-desa-krajan.',
      },
      { kind: 'choice', name: 'subBidangCode', label: 'Sub bidang', choices: subBidang },
      {
        kind: 'choice',
        name: 'kegiatanCode',
        label: 'Kegiatan (menurut Permendagri)',
        hint: 'Pilih kegiatan di bawah sub bidang yang dipilih: kodenya diawali kode sub bidang.',
        choices: kegiatan,
      },
      {
        kind: 'text',
        name: 'name',
        label: 'Nama kegiatan',
        hint: 'Contoh: Pembangunan jalan rabat beton Dusun Krajan',
      },
      {
        kind: 'text',
        name: 'location.hamlet',
        label: 'Lokasi (dusun)',
        hint: 'Contoh: Dusun Krajan',
      },
      {
        kind: 'decimal',
        name: 'location.latitude',
        label: 'Lintang (latitude)',
        optional: true,
        hint: 'Dari peta di ponsel, mis. -7,8123',
      },
      {
        kind: 'decimal',
        name: 'location.longitude',
        label: 'Bujur (longitude)',
        optional: true,
        hint: 'Mis. 112,0178',
      },
      { kind: 'text', name: 'output.volume', label: 'Volume keluaran', hint: 'Contoh: 250' },
      { kind: 'text', name: 'output.unit', label: 'Satuan keluaran', hint: 'Contoh: meter' },
      { kind: 'text', name: 'executor.name', label: 'Pelaksana kegiatan', hint: 'Nama orangnya' },
      {
        kind: 'text',
        name: 'executor.position',
        label: 'Jabatan pelaksana',
        hint: 'Contoh: Kasi Kesejahteraan (PKA)',
      },
      {
        kind: 'text',
        name: 'beneficiaries.description',
        label: 'Penerima manfaat',
        hint: 'Contoh: Warga Dusun Krajan',
      },
      {
        kind: 'number',
        name: 'beneficiaries.count',
        label: 'Jumlah penerima manfaat (orang)',
        hint: 'Angka bulat, mis. 320',
      },
      {
        kind: 'rows',
        name: 'estimatedCosts',
        label: 'Perkiraan biaya per sumber dana',
        hint: 'Paling sedikit satu baris; satu baris per sumber dana.',
        rows: 3,
        fields: [
          { kind: 'choice', name: 'source', label: 'Sumber dana', choices: fundSources },
          { kind: 'money', name: 'amount', label: 'Jumlah', hint: 'Contoh: 150.000.000' },
        ],
      },
    ],
  },
];
