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
  ENTRY_ID_UNIQUE: {
    id: 'Nomor bukti sudah dipakai untuk transaksi lain',
    en: 'The entry number is already used by another entry',
  },
  ENTRY_KNOWN: {
    id: 'Transaksi yang dikoreksi tidak ditemukan',
    en: 'The entry to correct does not exist',
  },
  ENTRY_REVERSIBLE: {
    id: 'Transaksi ini tidak dapat dibalik (sudah dibalik, atau transaksi lanjutannya harus dibalik dulu)',
    en: 'This entry cannot be reversed (already reversed, or an entry that follows it must be reversed first)',
  },
  DATE_IN_FISCAL_YEAR: {
    id: 'Tanggal transaksi di luar tahun anggaran',
    en: 'The entry date is outside the fiscal year',
  },
  MONTH_CLOSED: {
    id: 'Bulan ini sudah tutup buku; catat koreksi di bulan yang masih terbuka',
    en: 'This month is closed; record a correction in the open month',
  },
  FISCAL_YEAR_CLOSED: {
    id: 'Tahun anggaran sudah ditutup',
    en: 'The fiscal year is closed',
  },
  CASH_NOT_NEGATIVE: {
    id: 'Saldo kas tunai atau rekening kas desa tidak boleh negatif',
    en: 'Cash on hand and the bank balance may not go negative',
  },
  CASH_ON_HAND_LIMIT: {
    id: 'Kas tunai melebihi batas yang ditetapkan Perbup',
    en: 'Cash on hand exceeds the limit set by the Perbup',
  },
  FUND_RESTRICTION: {
    id: 'Belanja melebihi kas yang tersedia dari sumber dana itu (diterima + SiLPA − dibelanjakan)',
    en: 'Spending exceeds the cash that fund source has brought in (received + SiLPA − spent)',
  },
  BUDGET_LINE_AVAILABLE: {
    id: 'Pembayaran melebihi sisa anggaran baris pada versi APBDes yang berlaku',
    en: 'The payment exceeds what is left on the budget line in the enacted version in force',
  },
  PAYMENT_BEFORE_ENACTMENT: {
    id: 'Belum ada APBDes yang ditetapkan; hanya kegiatan operasional yang diizinkan kebijakan',
    en: 'No APBDes is enacted yet; only the operational kegiatan the policy allows may be paid',
  },
  TRANSFER_NAMED: {
    id: 'Penerimaan Dana Desa harus menyebut penyaluran (tahap) yang dijawabnya',
    en: 'A Dana Desa receipt must name the transfer (stage) it answers',
  },
  RECEIPT_WITHIN_TRANSFER: {
    id: 'Penerimaan melebihi dana yang disalurkan kabupaten untuk sumber dan tahap itu',
    en: 'The receipt exceeds what the regency transferred for that source and stage',
  },
  RECEIPT_DEPOSITABLE: {
    id: 'Hanya penerimaan tunai yang belum disetor dan tidak dibalik yang dapat disetor ke bank',
    en: 'Only cash receipts not yet deposited and not reversed can be deposited in the bank',
  },
  ACCOUNT_ROLE: {
    id: 'Rekening tidak memiliki peran yang diperlukan dalam data referensi',
    en: 'The account does not have the role this entry needs in the reference data',
  },
  PAYMENT_REQUEST_ID_UNIQUE: {
    id: 'Nomor SPP sudah dipakai',
    en: 'The SPP number is already in use',
  },
  PAYMENT_REQUEST_KNOWN: {
    id: 'SPP tidak ditemukan',
    en: 'The SPP does not exist',
  },
  PAYMENT_REQUEST_STATUS: {
    id: 'Langkah ini tidak berlaku pada status SPP saat ini',
    en: 'This step does not apply at the current SPP status',
  },
  PAYMENT_REQUEST_KIND: {
    id: 'Isian SPP tidak sesuai dengan jenisnya (panjar, definitif, pembiayaan)',
    en: 'The SPP content does not fit its kind (panjar, definitif, pembiayaan)',
  },
  PAYMENT_LINE_OF_REQUEST: {
    id: 'Baris anggaran tidak sesuai dengan kegiatan atau jenis SPP',
    en: 'The budget line does not belong to the activity or kind of the SPP',
  },
  PAYMENT_SOURCE_MATCHES_LINE: {
    id: 'Sumber dana SPP harus sama dengan sumber dana baris anggaran (Dana Desa hanya dari baris Dana Desa)',
    en: "The SPP's fund source must be the budget line's (Dana Desa only from a Dana Desa line)",
  },
  VERIFIER_NOT_APPROVER: {
    id: 'Orang yang memverifikasi SPP tidak boleh menyetujuinya',
    en: 'The person who verified the SPP may not approve it',
  },
  RETURN_REASONS: {
    id: 'SPP yang dikembalikan atau ditolak harus disertai alasan',
    en: 'A returned or rejected SPP needs reasons',
  },
  PAYMENT_REQUEST_PAID_ONCE: {
    id: 'SPP sudah dibayar',
    en: 'The SPP has already been paid',
  },
  PANJAR_ACCOUNTED_ONCE: {
    id: 'Panjar sudah dipertanggungjawabkan',
    en: 'The panjar has already been accounted for',
  },
  PANJAR_WITHIN_ADVANCE: {
    id: 'Bukti SPJ melebihi panjar yang diberikan untuk baris itu',
    en: 'The SPJ evidence exceeds the panjar given for that line',
  },
  PANJAR_OUTSTANDING: {
    id: 'Masih ada panjar yang belum dipertanggungjawabkan',
    en: 'A panjar has not been accounted for yet',
  },
  TAX_KNOWN: {
    id: 'Jenis pajak tidak ada dalam kebijakan pajak tahun ini',
    en: "The tax is not in this year's tax policy",
  },
  TAX_OVERRIDE_TARGET: {
    id: 'Koreksi potongan pajak harus menunjuk pajak yang disebut pada baris dan tidak melebihi dasarnya',
    en: 'A tax override must name a tax of the line and not exceed its base',
  },
  TAX_WITHIN_PAYABLE: {
    id: 'Setoran melebihi utang pajak (dipotong − disetor) jenis itu',
    en: 'The deposit exceeds the tax payable (withheld − deposited) of that tax',
  },
  MONTH_CLOSING_ORDER: {
    id: 'Tutup buku harus berurutan per bulan di dalam tahun anggaran',
    en: 'Months are closed in order, within the fiscal year',
  },
  MONTH_CLOSING_DATE: {
    id: 'Tutup buku hanya setelah bulan itu berakhir',
    en: 'A month can be closed only after it has ended',
  },
  MONTHS_CLOSED: {
    id: 'Tutup tahun memerlukan tutup buku Desember',
    en: 'Closing the year needs the December closing',
  },
  FISCAL_YEAR_NOT_CLOSED: {
    id: 'Tahun anggaran belum ditutup',
    en: 'The fiscal year has not been closed',
  },
} as const satisfies Record<string, { id: string; en: string }>;

export type RuleId = keyof typeof RULES;
