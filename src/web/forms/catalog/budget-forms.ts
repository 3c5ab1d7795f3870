import type { BudgetLine } from '../../../domain/village/lines';
import { accountsOf, activities, budgetLines, draftLines, earmarks, fundSources } from '../choices';
import type {
  Choice,
  CommandForm,
  FormContext,
  FormField,
  InputField,
  VillageCommandType,
} from '../form-model';
import { EVALUATION_TARGET } from '../form-target';

const AREA = 'APBDes';

const date = (label: string, hint = 'Contoh: 07/10/2024'): InputField => ({
  kind: 'date',
  name: 'date',
  label,
  hint,
});

const lineId: InputField = {
  kind: 'text',
  name: 'line.lineId',
  label: 'Kode baris',
  hint: 'Unik dalam APBDes, mis. r-dds. Kode yang sudah ada mengubah baris itu.',
};

const lineDescription: InputField = {
  kind: 'text',
  name: 'line.description',
  label: 'Uraian',
  hint: 'Contoh: Dana Desa 2025',
};

const lineSource: InputField = {
  kind: 'choice',
  name: 'line.source',
  label: 'Sumber dana',
  choices: fundSources,
};

const lineAmount: InputField = {
  kind: 'money',
  name: 'line.amount',
  label: 'Jumlah',
  hint: 'Contoh: 1.119.683.200',
};

/** One form per kind of line: the command's line is a union by `line.kind`. */
const lineForm = (
  kind: BudgetLine['kind'],
  slug: string,
  title: string,
  explanation: string,
  fields: FormField[],
): CommandForm => ({
  type: 'DraftApbdesLine',
  slug: `DraftApbdesLine-${slug}`,
  area: AREA,
  title,
  explanation,
  fields: [{ kind: 'fixed', name: 'line.kind', value: kind }, lineId, ...fields, lineDescription],
});

const AMENDMENT_GROUNDS: Choice[] = [
  { value: 'shiftBetweenJenis', label: 'Pergeseran anggaran antarjenis belanja' },
  { value: 'silpaUse', label: 'Penggunaan SiLPA tahun sebelumnya' },
  { value: 'revenueChange', label: 'Perubahan pendapatan (penambahan atau pengurangan)' },
  { value: 'specialEvent', label: 'Keadaan luar biasa atau darurat' },
  { value: 'policyChange', label: 'Perubahan kebijakan pemerintah atau pemerintah daerah' },
];

const PERKADES_KINDS: Choice[] = [
  { value: 'lateAid', label: 'Bantuan keuangan yang diterima setelah Perubahan APBDes' },
  { value: 'shiftWithinJenis', label: 'Pergeseran anggaran dalam satu jenis belanja' },
];

const LINE_KINDS: Choice[] = [
  { value: 'revenue', label: 'Pendapatan' },
  { value: 'spending', label: 'Belanja' },
  { value: 'financing', label: 'Pembiayaan' },
];

const EVALUATION_OUTCOMES: Choice[] = [
  { value: 'approved', label: 'Disetujui' },
  { value: 'correctionsRequested', label: 'Perlu perbaikan' },
];

/**
 * The APBDes from draft to Perdes and Penjabaran, its amendments and Perkades
 * changes, with the camat's evaluation of it (recorded on the regency's year).
 */
export const BUDGET_FORMS: CommandForm<
  FormContext,
  VillageCommandType | 'RecordApbdesEvaluation'
>[] = [
  {
    type: 'StartApbdesDraft',
    area: AREA,
    title: 'Mulai rancangan APBDes',
    explanation:
      'Sekretaris Desa membuka rancangan APBDes kosong untuk diisi baris pendapatan, belanja dan pembiayaan.',
    fields: [],
  },
  lineForm(
    'revenue',
    'pendapatan',
    'Baris pendapatan APBDes',
    'Sekretaris Desa menambah atau mengubah satu baris pendapatan dalam rancangan APBDes.',
    [
      lineSource,
      {
        kind: 'choice',
        name: 'line.account',
        label: 'Rekening pendapatan',
        choices: accountsOf('revenue'),
      },
      lineAmount,
    ],
  ),
  lineForm(
    'spending',
    'belanja',
    'Baris belanja APBDes',
    'Sekretaris Desa menganggarkan belanja satu kegiatan RKPDes dalam rancangan APBDes.',
    [
      { kind: 'choice', name: 'line.activityId', label: 'Kegiatan RKPDes', choices: activities },
      {
        kind: 'choice',
        name: 'line.account',
        label: 'Rekening belanja (sub rincian)',
        choices: accountsOf('spending'),
      },
      lineSource,
      {
        kind: 'choice',
        name: 'line.earmark',
        label: 'Penggunaan Dana Desa',
        optional: true,
        hint: 'Hanya untuk belanja dari Dana Desa; kosongkan untuk sumber dana lain.',
        choices: earmarks,
      },
      { kind: 'text', name: 'line.volume', label: 'Volume', hint: 'Contoh: 250 atau 1,5' },
      { kind: 'text', name: 'line.unit', label: 'Satuan', hint: 'Contoh: meter, paket, HOK' },
      {
        kind: 'money',
        name: 'line.unitPrice',
        label: 'Harga satuan',
        hint: 'Contoh: 125.000. Jumlah = volume × harga satuan.',
      },
    ],
  ),
  lineForm(
    'financing',
    'pembiayaan',
    'Baris pembiayaan APBDes',
    'Sekretaris Desa menambah penerimaan pembiayaan (mis. SiLPA) atau pengeluaran pembiayaan dalam rancangan APBDes.',
    [
      lineSource,
      {
        kind: 'choice',
        name: 'line.account',
        label: 'Rekening pembiayaan',
        choices: accountsOf('financingReceipt', 'financingExpenditure'),
      },
      { ...lineAmount, hint: 'Contoh: 35.480.000' },
    ],
  ),
  {
    type: 'RemoveApbdesLine',
    area: AREA,
    title: 'Hapus baris rancangan APBDes',
    explanation: 'Sekretaris Desa menghapus satu baris dari rancangan APBDes yang masih disusun.',
    fields: [{ kind: 'choice', name: 'lineId', label: 'Baris', choices: draftLines }],
  },
  {
    type: 'SubmitApbdesToBpd',
    area: AREA,
    title: 'Sampaikan rancangan APBDes ke BPD',
    explanation:
      'Kepala Desa menyampaikan rancangan APBDes kepada BPD untuk dibahas dan disepakati bersama.',
    fields: [date('Tanggal penyampaian')],
  },
  {
    type: 'RecordBpdAgreement',
    area: AREA,
    title: 'Catat kesepakatan BPD',
    explanation:
      'Sekretaris Desa mencatat berita acara kesepakatan BPD; sesudahnya Kepala Desa menyampaikan rancangan ke Camat.',
    fields: [
      date('Tanggal kesepakatan', 'Contoh: 21/10/2024'),
      {
        kind: 'text',
        name: 'minutesNumber',
        label: 'Nomor berita acara BPD',
        hint: 'Contoh: BA/BPD/2024/11',
      },
    ],
  },
  {
    type: 'SubmitApbdesForEvaluation',
    area: AREA,
    title: 'Sampaikan rancangan APBDes ke Camat',
    explanation:
      'Kepala Desa menyampaikan rancangan APBDes yang disepakati BPD kepada Camat untuk dievaluasi.',
    fields: [date('Tanggal penyampaian', 'Contoh: 23/10/2024')],
  },
  {
    type: 'RecordApbdesEvaluation',
    area: AREA,
    target: EVALUATION_TARGET,
    title: 'Hasil evaluasi rancangan APBDes',
    explanation:
      'Camat mencatat hasil evaluasi: bila disetujui, Kepala Desa menetapkan Perdes APBDes; bila perlu perbaikan, rancangan kembali ke Sekretaris Desa.',
    fields: [
      date('Tanggal evaluasi', 'Contoh: 14/11/2024'),
      {
        kind: 'text',
        name: 'reference',
        label: 'Nomor surat evaluasi Camat',
        hint: 'Contoh: 900/77/2024',
      },
      { kind: 'choice', name: 'outcome', label: 'Hasil', choices: () => EVALUATION_OUTCOMES },
      {
        kind: 'rows',
        name: 'remarks',
        label: 'Catatan perbaikan per baris',
        hint: 'Hanya bila perlu perbaikan; biarkan kosong bila disetujui.',
        rows: 3,
        fields: [
          { kind: 'choice', name: 'lineId', label: 'Baris', choices: draftLines },
          { kind: 'text', name: 'remark', label: 'Catatan' },
        ],
      },
    ],
  },
  {
    type: 'ReceiveApbdesEvaluation',
    area: AREA,
    title: 'Terima hasil evaluasi Camat',
    explanation:
      'Hasil evaluasi Camat tercatat di server kabupaten dan biasanya diterima desa dengan sendirinya; bila belum, Kepala Desa menerimanya dengan nomor surat Camat.',
    fields: [
      {
        kind: 'text',
        name: 'reference',
        label: 'Nomor surat evaluasi Camat',
        hint: 'Contoh: 900/77/2024',
      },
    ],
  },
  {
    type: 'EnactApbdes',
    area: AREA,
    title: 'Tetapkan Perdes APBDes',
    explanation:
      'Kepala Desa menetapkan APBDes yang disetujui Camat dengan Peraturan Desa; sesudahnya ditetapkan Perkades penjabarannya.',
    fields: [
      {
        kind: 'text',
        name: 'perdesNumber',
        label: 'Nomor Perdes',
        hint: 'Contoh: 5 Tahun 2024',
      },
      date('Tanggal penetapan', 'Contoh: 19/12/2024'),
    ],
  },
  {
    type: 'ElaborateApbdes',
    area: AREA,
    title: 'Tetapkan Perkades penjabaran APBDes',
    explanation:
      'Kepala Desa menetapkan Peraturan Kepala Desa tentang penjabaran APBDes; sesudahnya anggaran dapat dilaksanakan.',
    fields: [
      {
        kind: 'text',
        name: 'perkadesNumber',
        label: 'Nomor Perkades',
        hint: 'Contoh: 14 Tahun 2024',
      },
      date('Tanggal penetapan', 'Contoh: 23/12/2024'),
    ],
  },
  {
    type: 'RecordEmergency',
    area: AREA,
    title: 'Catat keadaan darurat',
    explanation:
      'Kepala Desa mencatat keadaan darurat yang ditetapkan, sebagai dasar Perubahan APBDes yang disusun Sekretaris Desa.',
    fields: [
      {
        kind: 'text',
        name: 'reference',
        label: 'Nomor penetapan keadaan darurat',
        hint: 'Contoh: SK Bupati 360/45/2025',
      },
      date('Tanggal penetapan', 'Contoh: 02/02/2025'),
      { kind: 'longText', name: 'description', label: 'Uraian keadaan darurat' },
    ],
  },
  {
    type: 'StartApbdesAmendment',
    area: AREA,
    title: 'Mulai Perubahan APBDes',
    explanation:
      'Sekretaris Desa membuka rancangan Perubahan APBDes dari APBDes yang berlaku; rancangan lalu melalui BPD dan Camat seperti APBDes awal.',
    fields: [
      date('Tanggal mulai', 'Contoh: 11/08/2025'),
      {
        kind: 'multiChoice',
        name: 'grounds',
        label: 'Alasan perubahan',
        choices: () => AMENDMENT_GROUNDS,
      },
    ],
  },
  {
    type: 'EnactPerkadesChange',
    area: AREA,
    title: 'Tetapkan perubahan dengan Perkades',
    explanation:
      'Kepala Desa mengubah APBDes dengan Peraturan Kepala Desa (bantuan yang datang terlambat atau pergeseran dalam satu jenis belanja) dan memberitahukannya kepada BPD.',
    fields: [
      { kind: 'choice', name: 'kind', label: 'Jenis perubahan', choices: () => PERKADES_KINDS },
      {
        kind: 'text',
        name: 'perkadesNumber',
        label: 'Nomor Perkades',
        hint: 'Contoh: 27 Tahun 2025',
      },
      date('Tanggal penetapan', 'Contoh: 27/10/2025'),
      {
        kind: 'date',
        name: 'bpdInformedOn',
        label: 'Tanggal pemberitahuan kepada BPD',
        hint: 'Contoh: 28/10/2025',
      },
      {
        kind: 'rows',
        name: 'lines',
        label: 'Baris yang ditambah atau diubah',
        hint: 'Pilih jenis baris, lalu isi hanya kolom jenis itu: pendapatan dan pembiayaan memakai Jumlah; belanja memakai Kegiatan, Volume, Satuan dan Harga satuan (dan Penggunaan Dana Desa bila sumbernya Dana Desa). Kode baris yang sudah ada mengubah baris itu.',
        rows: 4,
        fields: [
          { kind: 'choice', name: 'kind', label: 'Jenis baris', choices: () => LINE_KINDS },
          { kind: 'text', name: 'lineId', label: 'Kode baris' },
          {
            kind: 'choice',
            name: 'activityId',
            label: 'Kegiatan RKPDes (belanja)',
            optional: true,
            choices: activities,
          },
          {
            kind: 'choice',
            name: 'account',
            label: 'Rekening',
            choices: accountsOf('revenue', 'spending', 'financingReceipt', 'financingExpenditure'),
          },
          { kind: 'choice', name: 'source', label: 'Sumber dana', choices: fundSources },
          {
            kind: 'choice',
            name: 'earmark',
            label: 'Penggunaan Dana Desa (belanja Dana Desa)',
            optional: true,
            choices: earmarks,
          },
          { kind: 'text', name: 'volume', label: 'Volume (belanja)', optional: true },
          { kind: 'text', name: 'unit', label: 'Satuan (belanja)', optional: true },
          { kind: 'money', name: 'unitPrice', label: 'Harga satuan (belanja)', optional: true },
          {
            kind: 'money',
            name: 'amount',
            label: 'Jumlah (pendapatan/pembiayaan)',
            optional: true,
          },
          { kind: 'text', name: 'description', label: 'Uraian' },
        ],
      },
      {
        kind: 'multiChoice',
        name: 'removedLineIds',
        label: 'Baris yang dihapus',
        choices: budgetLines(),
      },
    ],
  },
  {
    type: 'RecordAllocationDifference',
    area: AREA,
    title: 'Catat selisih pagu dan anggaran',
    explanation:
      'Sekretaris Desa mencatat mengapa pendapatan yang dianggarkan berbeda dari pagu kabupaten, agar APBDes dapat diajukan.',
    fields: [
      { kind: 'choice', name: 'source', label: 'Sumber dana', choices: fundSources },
      {
        kind: 'money',
        name: 'budgetedAmount',
        label: 'Jumlah yang dianggarkan',
        hint: 'Contoh: 1.100.000.000',
      },
      { kind: 'text', name: 'reason', label: 'Alasan selisih' },
      {
        kind: 'text',
        name: 'reference',
        label: 'Nomor dasar hukum',
        hint: 'Contoh: Perbup 19 Tahun 2025',
      },
    ],
  },
];
