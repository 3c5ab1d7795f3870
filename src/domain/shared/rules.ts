/**
 * Every rule a user can break, with its description in Indonesian and
 * English. Rule ids are stable: the API and tests refer to them.
 */
export const RULES = {
  COMMAND_SCHEMA: {
    id: 'Perintah tidak lengkap atau formatnya salah',
    en: 'The command is incomplete or malformed',
  },
  COMMAND_ID_CONFLICT: {
    id: 'ID perintah sudah dipakai untuk perintah dengan isi berbeda',
    en: 'The command id was already used for a command with different content',
  },
  FISCAL_YEAR_OPEN: {
    id: 'Tahun anggaran belum dibuka',
    en: 'The fiscal year has not been opened',
  },
  FISCAL_YEAR_ALREADY_OPEN: {
    id: 'Tahun anggaran sudah dibuka',
    en: 'The fiscal year is already open',
  },
  REGION_KNOWN: {
    id: 'Kode wilayah (kabupaten atau desa) tidak ada dalam data wilayah tahun ini',
    en: "The region code (regency or village) is not in this year's regional data",
  },
  FUND_SOURCE_KNOWN: {
    id: 'Sumber dana tidak ada dalam data referensi tahun ini',
    en: "The fund source is not in this year's reference data",
  },
  ACCOUNT_KNOWN: {
    id: 'Kode rekening (tingkat objek) tidak ada dalam data referensi tahun ini',
    en: "The account code (object level) is not in this year's reference data",
  },
  ACCOUNT_CLASS: {
    id: 'Kode rekening tidak sesuai dengan jenis baris anggaran',
    en: 'The account code does not fit the kind of budget line',
  },
  REVENUE_ACCOUNT_OF_SOURCE: {
    id: 'Rekening pendapatan tidak sesuai dengan sumber dana',
    en: 'The revenue account does not belong to the fund source',
  },
  KEGIATAN_KNOWN: {
    id: 'Kode kegiatan tidak ada dalam data referensi tahun ini',
    en: "The kegiatan code is not in this year's reference data",
  },
  KEGIATAN_UNDER_SUB_BIDANG: {
    id: 'Kegiatan tidak berada di bawah sub bidang yang disebutkan',
    en: 'The kegiatan does not sit under the given sub-bidang',
  },
  EARMARK_KNOWN: {
    id: 'Kategori earmark Dana Desa tidak ada dalam data referensi tahun ini',
    en: "The Dana Desa earmark category is not in this year's reference data",
  },
  EARMARK_APPLICABLE: {
    id: 'Kategori earmark wajib untuk Dana Desa dan hanya untuk Dana Desa',
    en: 'An earmark category is required for Dana Desa and only for Dana Desa',
  },
  ACTIVITY_ID_UNIQUE: {
    id: 'ID kegiatan RKPDes sudah dipakai',
    en: 'The RKPDes activity id is already in use',
  },
  ACTIVITY_KNOWN: {
    id: 'Kegiatan RKPDes tidak ditemukan',
    en: 'The RKPDes activity does not exist',
  },
  LINE_KNOWN: {
    id: 'Baris anggaran tidak ditemukan',
    en: 'The budget line does not exist',
  },
  LINE_KIND_FIXED: {
    id: 'ID baris sudah dipakai untuk jenis baris lain',
    en: 'The line id is already used by a line of another kind',
  },
  AMOUNT_PRECISION: {
    id: 'Volume × harga satuan menghasilkan lebih dari dua desimal',
    en: 'Volume × unit price yields more than two decimals',
  },
  BUDGET_SOURCE_COVERED: {
    id: 'Belanja per sumber dana melebihi pendapatan, SiLPA dan pembiayaan sumber itu',
    en: 'Spending per fund source exceeds the revenue, SiLPA and financing of that source',
  },
  BUDGET_BALANCED: {
    id: 'Surplus/defisit tidak tertutup oleh pembiayaan netto',
    en: 'The surplus/deficit is not covered by net financing',
  },
  SILPA_WITHIN_OPENING: {
    id: 'SiLPA yang dianggarkan melebihi SiLPA tahun sebelumnya untuk sumber dana itu',
    en: "Budgeted SiLPA exceeds the previous year's SiLPA of that fund source",
  },
  ALLOCATION_MATCHED: {
    id: 'Pendapatan tidak sama dengan pagu dari kabupaten dan selisihnya tidak dicatat',
    en: "Revenue differs from the regency's allocation and no difference was recorded",
  },
  LINES_EDITABLE: {
    id: 'Baris anggaran hanya dapat diubah saat rancangan atau setelah evaluasi meminta perbaikan',
    en: 'Budget lines can be changed only in draft or after the evaluation requested corrections',
  },
  ENACTED_VERSION_IMMUTABLE: {
    id: 'Versi APBDes yang sudah ditetapkan tidak dapat diubah',
    en: 'An enacted APBDes version cannot be changed',
  },
  BUDGET_LIFECYCLE: {
    id: 'Langkah ini tidak berlaku pada tahap APBDes saat ini',
    en: 'This step does not apply at the current APBDes stage',
  },
  CORRECTION_REMARKS: {
    id: 'Permintaan perbaikan harus memuat catatan per baris',
    en: 'A request for corrections needs remarks per line',
  },
  AMENDMENT_LIMIT: {
    id: 'Perubahan APBDes hanya sekali setahun kecuali dalam keadaan darurat yang dicatat',
    en: 'The APBDes may be amended once a year unless a recorded emergency allows another',
  },
  PERKADES_LATE_AID: {
    id: 'Perubahan lewat Perkades hanya untuk bantuan yang diterima setelah Perubahan APBDes',
    en: 'A Perkades change is only for aid that arrives after the APBDes amendment',
  },
  PERKADES_SHIFT_WITHIN_JENIS: {
    id: 'Pergeseran lewat Perkades hanya di dalam satu jenis belanja dan sumber dana',
    en: 'A Perkades shift must stay within one jenis belanja and fund source',
  },
  SOURCE_ALLOCATABLE: {
    id: 'Sumber dana ini tidak dialokasikan oleh kabupaten',
    en: 'This fund source is not allocated by the regency',
  },
  ALLOCATION_EXISTS: {
    id: 'Pagu untuk desa dan sumber dana ini belum ditetapkan',
    en: 'No allocation has been set for this village and fund source',
  },
  ALLOCATION_NOT_BELOW_TRANSFERRED: {
    id: 'Pagu tidak boleh lebih kecil dari dana yang sudah disalurkan',
    en: 'An allocation cannot fall below what was already transferred',
  },
  STAGE_PLAN_MATCHES_ALLOCATION: {
    id: 'Rincian earmark Dana Desa harus sama dengan pagu Dana Desa desa',
    en: "The Dana Desa earmark split must equal the village's Dana Desa allocation",
  },
  STAGE_PLANNED: {
    id: 'Tahap penyaluran Dana Desa ini belum direncanakan',
    en: 'This Dana Desa stage has not been planned',
  },
  TRANSFER_WITHIN_ALLOCATION: {
    id: 'Penyaluran melebihi sisa pagu',
    en: 'The transfer exceeds the remaining allocation',
  },
  TRANSFER_WITHIN_STAGE: {
    id: 'Penyaluran melebihi sisa tahap Dana Desa',
    en: 'The transfer exceeds the remaining Dana Desa stage amount',
  },
} as const satisfies Record<string, { id: string; en: string }>;

export type RuleId = keyof typeof RULES;
