/**
 * What breaking a rule means: a conflict with what the stream already holds
 * (a repeated id, a year already opened: the API's 409), or an invalid
 * request (the API's 422).
 */
export type RuleKind = 'conflict' | 'invalid';

export interface RuleText {
  id: string;
  en: string;
  kind: RuleKind;
}

/**
 * Every rule a user can break, with its description in Indonesian and
 * English and its kind. Rule ids are stable: the API and tests refer to them.
 */
export const RULES = {
  COMMAND_SCHEMA: {
    id: 'Perintah tidak lengkap atau formatnya salah',
    en: 'The command is incomplete or malformed',
    kind: 'invalid',
  },
  COMMAND_ID_CONFLICT: {
    id: 'ID perintah sudah dipakai untuk perintah dengan isi berbeda',
    en: 'The command id was already used for a command with different content',
    kind: 'conflict',
  },
  FISCAL_YEAR_OPEN: {
    id: 'Tahun anggaran belum dibuka',
    en: 'The fiscal year has not been opened',
    kind: 'invalid',
  },
  FISCAL_YEAR_ALREADY_OPEN: {
    id: 'Tahun anggaran sudah dibuka',
    en: 'The fiscal year is already open',
    kind: 'conflict',
  },
  REGION_KNOWN: {
    id: 'Kode wilayah (kabupaten atau desa) tidak ada dalam data wilayah tahun ini',
    en: "The region code (regency or village) is not in this year's regional data",
    kind: 'invalid',
  },
  FUND_SOURCE_KNOWN: {
    id: 'Sumber dana tidak ada dalam data referensi tahun ini',
    en: "The fund source is not in this year's reference data",
    kind: 'invalid',
  },
  ACCOUNT_KNOWN: {
    id: 'Kode rekening (tingkat objek) tidak ada dalam data referensi tahun ini',
    en: "The account code (object level) is not in this year's reference data",
    kind: 'invalid',
  },
  ACCOUNT_CLASS: {
    id: 'Kode rekening tidak sesuai dengan jenis baris anggaran',
    en: 'The account code does not fit the kind of budget line',
    kind: 'invalid',
  },
  REVENUE_ACCOUNT_OF_SOURCE: {
    id: 'Rekening pendapatan tidak sesuai dengan sumber dana',
    en: 'The revenue account does not belong to the fund source',
    kind: 'invalid',
  },
  KEGIATAN_KNOWN: {
    id: 'Kode kegiatan tidak ada dalam data referensi tahun ini',
    en: "The kegiatan code is not in this year's reference data",
    kind: 'invalid',
  },
  KEGIATAN_UNDER_SUB_BIDANG: {
    id: 'Kegiatan tidak berada di bawah sub bidang yang disebutkan',
    en: 'The kegiatan does not sit under the given sub-bidang',
    kind: 'invalid',
  },
  EARMARK_KNOWN: {
    id: 'Kategori earmark Dana Desa tidak ada dalam data referensi tahun ini',
    en: "The Dana Desa earmark category is not in this year's reference data",
    kind: 'invalid',
  },
  EARMARK_APPLICABLE: {
    id: 'Kategori earmark wajib untuk Dana Desa dan hanya untuk Dana Desa',
    en: 'An earmark category is required for Dana Desa and only for Dana Desa',
    kind: 'invalid',
  },
  ACTIVITY_ID_UNIQUE: {
    id: 'ID kegiatan RKPDes sudah dipakai',
    en: 'The RKPDes activity id is already in use',
    kind: 'conflict',
  },
  ACTIVITY_KNOWN: {
    id: 'Kegiatan RKPDes tidak ditemukan',
    en: 'The RKPDes activity does not exist',
    kind: 'invalid',
  },
  LINE_KNOWN: {
    id: 'Baris anggaran tidak ditemukan',
    en: 'The budget line does not exist',
    kind: 'invalid',
  },
  LINE_KIND_FIXED: {
    id: 'ID baris sudah dipakai untuk jenis baris lain',
    en: 'The line id is already used by a line of another kind',
    kind: 'conflict',
  },
  AMOUNT_PRECISION: {
    id: 'Volume × harga satuan menghasilkan lebih dari dua desimal',
    en: 'Volume × unit price yields more than two decimals',
    kind: 'invalid',
  },
  BUDGET_SOURCE_COVERED: {
    id: 'Belanja per sumber dana melebihi pendapatan, SiLPA dan pembiayaan sumber itu',
    en: 'Spending per fund source exceeds the revenue, SiLPA and financing of that source',
    kind: 'invalid',
  },
  BUDGET_BALANCED: {
    id: 'Surplus/defisit tidak tertutup oleh pembiayaan netto',
    en: 'The surplus/deficit is not covered by net financing',
    kind: 'invalid',
  },
  SILPA_WITHIN_OPENING: {
    id: 'SiLPA yang dianggarkan melebihi SiLPA tahun sebelumnya untuk sumber dana itu',
    en: "Budgeted SiLPA exceeds the previous year's SiLPA of that fund source",
    kind: 'invalid',
  },
  ALLOCATION_MATCHED: {
    id: 'Pendapatan tidak sama dengan pagu dari kabupaten dan selisihnya tidak dicatat',
    en: "Revenue differs from the regency's allocation and no difference was recorded",
    kind: 'invalid',
  },
  LINES_EDITABLE: {
    id: 'Baris anggaran hanya dapat diubah saat rancangan atau setelah evaluasi meminta perbaikan',
    en: 'Budget lines can be changed only in draft or after the evaluation requested corrections',
    kind: 'invalid',
  },
  ENACTED_VERSION_IMMUTABLE: {
    id: 'Versi APBDes yang sudah ditetapkan tidak dapat diubah',
    en: 'An enacted APBDes version cannot be changed',
    kind: 'invalid',
  },
  BUDGET_LIFECYCLE: {
    id: 'Langkah ini tidak berlaku pada tahap APBDes saat ini',
    en: 'This step does not apply at the current APBDes stage',
    kind: 'invalid',
  },
  CORRECTION_REMARKS: {
    id: 'Permintaan perbaikan harus memuat catatan per baris',
    en: 'A request for corrections needs remarks per line',
    kind: 'invalid',
  },
  AMENDMENT_LIMIT: {
    id: 'Perubahan APBDes hanya sekali setahun kecuali dalam keadaan darurat yang dicatat',
    en: 'The APBDes may be amended once a year unless a recorded emergency allows another',
    kind: 'invalid',
  },
  PERKADES_LATE_AID: {
    id: 'Perubahan lewat Perkades hanya untuk bantuan yang diterima setelah Perubahan APBDes',
    en: 'A Perkades change is only for aid that arrives after the APBDes amendment',
    kind: 'invalid',
  },
  PERKADES_SHIFT_WITHIN_JENIS: {
    id: 'Pergeseran lewat Perkades hanya di dalam satu jenis belanja dan sumber dana',
    en: 'A Perkades shift must stay within one jenis belanja and fund source',
    kind: 'invalid',
  },
  SOURCE_ALLOCATABLE: {
    id: 'Sumber dana ini tidak dialokasikan oleh kabupaten',
    en: 'This fund source is not allocated by the regency',
    kind: 'invalid',
  },
  ALLOCATION_EXISTS: {
    id: 'Pagu untuk desa dan sumber dana ini belum ditetapkan',
    en: 'No allocation has been set for this village and fund source',
    kind: 'invalid',
  },
  ALLOCATION_NOT_BELOW_TRANSFERRED: {
    id: 'Pagu tidak boleh lebih kecil dari dana yang sudah disalurkan',
    en: 'An allocation cannot fall below what was already transferred',
    kind: 'invalid',
  },
  STAGE_PLAN_MATCHES_ALLOCATION: {
    id: 'Rincian earmark Dana Desa harus sama dengan pagu Dana Desa desa',
    en: "The Dana Desa earmark split must equal the village's Dana Desa allocation",
    kind: 'invalid',
  },
  STAGE_PLANNED: {
    id: 'Tahap penyaluran Dana Desa ini belum direncanakan',
    en: 'This Dana Desa stage has not been planned',
    kind: 'invalid',
  },
  TRANSFER_WITHIN_ALLOCATION: {
    id: 'Penyaluran melebihi sisa pagu',
    en: 'The transfer exceeds the remaining allocation',
    kind: 'invalid',
  },
  TRANSFER_WITHIN_STAGE: {
    id: 'Penyaluran melebihi sisa tahap Dana Desa',
    en: 'The transfer exceeds the remaining Dana Desa stage amount',
    kind: 'invalid',
  },
  ENTRY_ID_UNIQUE: {
    id: 'Nomor bukti sudah dipakai untuk transaksi lain',
    en: 'The entry number is already used by another entry',
    kind: 'conflict',
  },
  ENTRY_KNOWN: {
    id: 'Transaksi yang dikoreksi tidak ditemukan',
    en: 'The entry to correct does not exist',
    kind: 'invalid',
  },
  ENTRY_REVERSIBLE: {
    id: 'Transaksi ini tidak dapat dibalik (sudah dibalik, atau transaksi lanjutannya harus dibalik dulu)',
    en: 'This entry cannot be reversed (already reversed, or an entry that follows it must be reversed first)',
    kind: 'invalid',
  },
  DATE_IN_FISCAL_YEAR: {
    id: 'Tanggal transaksi di luar tahun anggaran',
    en: 'The entry date is outside the fiscal year',
    kind: 'invalid',
  },
  MONTH_CLOSED: {
    id: 'Bulan ini sudah tutup buku; catat koreksi di bulan yang masih terbuka',
    en: 'This month is closed; record a correction in the open month',
    kind: 'invalid',
  },
  FISCAL_YEAR_CLOSED: {
    id: 'Tahun anggaran sudah ditutup',
    en: 'The fiscal year is closed',
    kind: 'invalid',
  },
  CASH_NOT_NEGATIVE: {
    id: 'Saldo kas tunai atau rekening kas desa tidak boleh negatif',
    en: 'Cash on hand and the bank balance may not go negative',
    kind: 'invalid',
  },
  CASH_ON_HAND_LIMIT: {
    id: 'Kas tunai melebihi batas yang ditetapkan Perbup',
    en: 'Cash on hand exceeds the limit set by the Perbup',
    kind: 'invalid',
  },
  FUND_RESTRICTION: {
    id: 'Belanja melebihi kas yang tersedia dari sumber dana itu (diterima + SiLPA − dibelanjakan)',
    en: 'Spending exceeds the cash that fund source has brought in (received + SiLPA − spent)',
    kind: 'invalid',
  },
  BUDGET_LINE_AVAILABLE: {
    id: 'Pembayaran melebihi sisa anggaran baris pada versi APBDes yang berlaku',
    en: 'The payment exceeds what is left on the budget line in the enacted version in force',
    kind: 'invalid',
  },
  PAYMENT_BEFORE_ENACTMENT: {
    id: 'Belum ada APBDes yang ditetapkan; hanya kegiatan operasional yang diizinkan kebijakan',
    en: 'No APBDes is enacted yet; only the operational kegiatan the policy allows may be paid',
    kind: 'invalid',
  },
  TRANSFER_NAMED: {
    id: 'Penerimaan Dana Desa harus menyebut penyaluran (tahap) yang dijawabnya',
    en: 'A Dana Desa receipt must name the transfer (stage) it answers',
    kind: 'invalid',
  },
  RECEIPT_WITHIN_TRANSFER: {
    id: 'Penerimaan melebihi dana yang disalurkan kabupaten untuk sumber dan tahap itu',
    en: 'The receipt exceeds what the regency transferred for that source and stage',
    kind: 'invalid',
  },
  RECEIPT_DEPOSITABLE: {
    id: 'Hanya penerimaan tunai yang belum disetor dan tidak dibalik yang dapat disetor ke bank',
    en: 'Only cash receipts not yet deposited and not reversed can be deposited in the bank',
    kind: 'invalid',
  },
  ACCOUNT_ROLE: {
    id: 'Rekening tidak memiliki peran yang diperlukan dalam data referensi',
    en: 'The account does not have the role this entry needs in the reference data',
    kind: 'invalid',
  },
  PAYMENT_REQUEST_ID_UNIQUE: {
    id: 'Nomor SPP sudah dipakai',
    en: 'The SPP number is already in use',
    kind: 'conflict',
  },
  PAYMENT_REQUEST_KNOWN: {
    id: 'SPP tidak ditemukan',
    en: 'The SPP does not exist',
    kind: 'invalid',
  },
  PAYMENT_REQUEST_STATUS: {
    id: 'Langkah ini tidak berlaku pada status SPP saat ini',
    en: 'This step does not apply at the current SPP status',
    kind: 'invalid',
  },
  PAYMENT_REQUEST_KIND: {
    id: 'Isian SPP tidak sesuai dengan jenisnya (panjar, definitif, pembiayaan)',
    en: 'The SPP content does not fit its kind (panjar, definitif, pembiayaan)',
    kind: 'invalid',
  },
  PAYMENT_LINE_OF_REQUEST: {
    id: 'Baris anggaran tidak sesuai dengan kegiatan atau jenis SPP',
    en: 'The budget line does not belong to the activity or kind of the SPP',
    kind: 'invalid',
  },
  PAYMENT_SOURCE_MATCHES_LINE: {
    id: 'Sumber dana SPP harus sama dengan sumber dana baris anggaran (Dana Desa hanya dari baris Dana Desa)',
    en: "The SPP's fund source must be the budget line's (Dana Desa only from a Dana Desa line)",
    kind: 'invalid',
  },
  VERIFIER_NOT_APPROVER: {
    id: 'Orang yang memverifikasi SPP tidak boleh menyetujuinya',
    en: 'The person who verified the SPP may not approve it',
    kind: 'invalid',
  },
  RETURN_REASONS: {
    id: 'SPP yang dikembalikan atau ditolak harus disertai alasan',
    en: 'A returned or rejected SPP needs reasons',
    kind: 'invalid',
  },
  PAYMENT_REQUEST_PAID_ONCE: {
    id: 'SPP sudah dibayar',
    en: 'The SPP has already been paid',
    kind: 'invalid',
  },
  PANJAR_ACCOUNTED_ONCE: {
    id: 'Panjar sudah dipertanggungjawabkan',
    en: 'The panjar has already been accounted for',
    kind: 'invalid',
  },
  PANJAR_WITHIN_ADVANCE: {
    id: 'Bukti SPJ melebihi panjar yang diberikan untuk baris itu',
    en: 'The SPJ evidence exceeds the panjar given for that line',
    kind: 'invalid',
  },
  PANJAR_OUTSTANDING: {
    id: 'Masih ada panjar yang belum dipertanggungjawabkan',
    en: 'A panjar has not been accounted for yet',
    kind: 'invalid',
  },
  TAX_KNOWN: {
    id: 'Jenis pajak tidak ada dalam kebijakan pajak tahun ini',
    en: "The tax is not in this year's tax policy",
    kind: 'invalid',
  },
  TAX_OVERRIDE_TARGET: {
    id: 'Koreksi potongan pajak harus menunjuk pajak yang disebut pada baris dan tidak melebihi dasarnya',
    en: 'A tax override must name a tax of the line and not exceed its base',
    kind: 'invalid',
  },
  TAX_WITHIN_PAYABLE: {
    id: 'Setoran melebihi utang pajak (dipotong − disetor) jenis itu',
    en: 'The deposit exceeds the tax payable (withheld − deposited) of that tax',
    kind: 'invalid',
  },
  MONTH_CLOSING_ORDER: {
    id: 'Tutup buku harus berurutan per bulan di dalam tahun anggaran',
    en: 'Months are closed in order, within the fiscal year',
    kind: 'invalid',
  },
  MONTH_CLOSING_DATE: {
    id: 'Tutup buku hanya setelah bulan itu berakhir',
    en: 'A month can be closed only after it has ended',
    kind: 'invalid',
  },
  MONTHS_CLOSED: {
    id: 'Tutup tahun memerlukan tutup buku Desember',
    en: 'Closing the year needs the December closing',
    kind: 'invalid',
  },
  FISCAL_YEAR_NOT_CLOSED: {
    id: 'Tahun anggaran belum ditutup',
    en: 'The fiscal year has not been closed',
    kind: 'invalid',
  },
  FISCAL_YEAR_REFERENCE: {
    id: 'Tidak ada data referensi untuk tahun anggaran ini',
    en: 'There is no reference data for this fiscal year',
    kind: 'invalid',
  },
  FINANCING_ACCOUNT: {
    id: 'Rekening bukan rekening pembiayaan arah itu (penerimaan 6.1 selain SiLPA, pengeluaran 6.2)',
    en: 'The account is not a financing account of that direction (receipt 6.1 other than SiLPA, expenditure 6.2)',
    kind: 'invalid',
  },
  FINANCING_LINE: {
    id: 'Tidak ada baris pembiayaan dengan arah, rekening dan sumber dana itu pada APBDes yang berlaku',
    en: 'No financing line of that direction, account and fund source in the APBDes in force',
    kind: 'invalid',
  },
  REGION_CODE_TAKEN: {
    id: 'Kode wilayah sudah terdaftar atau ada dalam data referensi kabupaten',
    en: "The region code is already registered or in the regency's reference data",
    kind: 'conflict',
  },
  REGION_IN_REGENCY: {
    id: 'Kode wilayah harus berada di dalam kabupaten ini',
    en: 'The region code must lie within this regency',
    kind: 'invalid',
  },
  REGION_DISTRICT_KNOWN: {
    id: 'Kecamatan desa ini belum terdaftar dan tidak ada dalam data referensi',
    en: "The village's district is neither registered nor in the reference data",
    kind: 'invalid',
  },
  PREVIOUS_FISCAL_YEAR_CLOSED: {
    id: 'Tahun anggaran sebelumnya ada di buku besar tetapi belum ditutup',
    en: 'The previous fiscal year is in the ledger but has not been closed',
    kind: 'invalid',
  },
  OPENING_FROM_CLOSING: {
    id: 'Pembukaan tahun harus sama dengan penutupan tahun sebelumnya',
    en: "The opening must carry over the previous year's closing",
    kind: 'invalid',
  },
  SILPA_HELD_BY_OPENING_BALANCES: {
    id: 'SiLPA per sumber dana dan pajak terutang melebihi saldo kas tunai dan bank pembukaan',
    en: 'The SiLPA per fund source and the tax payable exceed the opening cash and bank balances',
    kind: 'invalid',
  },
  SILPA_LEFT_FOR_LATER: {
    id: 'SiLPA dikosongkan bila tahun dibuka dengan SiLPA dicatat kemudian; catat lewat Catat SiLPA sebenarnya',
    en: 'SiLPA stays empty when the year opens with its SiLPA to be recorded later; record it with RecordActualSilpa',
    kind: 'invalid',
  },
  SILPA_TO_BE_RECORDED: {
    id: 'SiLPA tahun ini sudah dicatat atau tidak ditunda saat pembukaan tahun',
    en: "This year's SiLPA is already recorded or was not left to be recorded at the opening",
    kind: 'conflict',
  },
  OPENING_CORRECTION_PENDING: {
    id: 'Koreksi saldo pembukaan lain masih menunggu verifikasi sekretaris',
    en: "Another opening correction is still waiting for the secretary's verification",
    kind: 'conflict',
  },
  OPENING_CORRECTION_KNOWN: {
    id: 'Koreksi saldo pembukaan tidak ditemukan atau tidak menunggu verifikasi',
    en: 'The opening correction does not exist or is not waiting for verification',
    kind: 'invalid',
  },
  OPENING_CORRECTION_VERIFIER: {
    id: 'Koreksi saldo pembukaan harus diverifikasi orang lain dari pengusulnya',
    en: 'An opening correction is verified by someone other than its proposer',
    kind: 'invalid',
  },
  SILPA_NOT_YET_RECORDED: {
    id: 'SiLPA tahun ini belum dicatat: catat dulu SiLPA sebenarnya, lalu koreksi',
    en: "This year's SiLPA is not recorded yet: record the actual SiLPA first, then correct it",
    kind: 'invalid',
  },
  OPENING_CORRECTION_REASONS: {
    id: 'Koreksi saldo pembukaan yang dikembalikan harus disertai alasan',
    en: 'A returned opening correction needs reasons',
    kind: 'invalid',
  },
  PROJECT_ID_TAKEN: {
    id: 'ID proyek sudah terdaftar',
    en: 'The project id is already registered',
    kind: 'conflict',
  },
  PROJECT_KNOWN: {
    id: 'Proyek belum terdaftar',
    en: 'The project is not registered',
    kind: 'invalid',
  },
  PROJECT_PERIOD: {
    id: 'Rencana selesai proyek tidak boleh sebelum rencana mulainya',
    en: "The project's planned end must not come before its planned start",
    kind: 'invalid',
  },
  PROJECT_NEAR_VILLAGE: {
    id: 'Lokasi proyek harus di dalam atau dekat batas (atau pusat) desanya',
    en: "The project's location must lie inside or near its village's boundary (or centre)",
    kind: 'invalid',
  },
  PROJECT_LINE_LENGTH: {
    id: 'Panjang garis lokasi proyek tidak sesuai dengan volumenya',
    en: "The length of the project's line does not fit its volume",
    kind: 'invalid',
  },
  PROGRESS_NOT_DECREASING: {
    id: 'Persentase kemajuan tidak boleh turun; gunakan koreksi kemajuan dengan alasan',
    en: 'Progress percent must not go down; use a progress correction with a reason',
    kind: 'invalid',
  },
  PROGRESS_DATE_ORDER: {
    id: 'Tanggal laporan kemajuan tidak boleh sebelum laporan terakhir',
    en: 'A progress report must not be dated before the latest report',
    kind: 'invalid',
  },
  PROGRESS_PHOTOS_REQUIRED: {
    id: 'Laporan yang mencapai tahap foto kebijakan kabupaten harus disertai foto',
    en: "A report reaching a photo step of the regency's policy needs a photo",
    kind: 'invalid',
  },
  PROGRESS_REPORTED: {
    id: 'Belum ada laporan kemajuan untuk dikoreksi',
    en: 'There is no progress report to correct yet',
    kind: 'invalid',
  },
  SUSPICION_KNOWN: {
    id: 'Dugaan duplikasi tidak ditemukan pada proyek ini',
    en: 'No such duplicate suspicion on this project',
    kind: 'invalid',
  },
  SUSPICION_OPEN: {
    id: 'Dugaan duplikasi sudah diputuskan',
    en: 'The duplicate suspicion has already been decided',
    kind: 'conflict',
  },
  PAYMENT_PROJECT_PROGRESS: {
    id: 'Tahap pencairan berikutnya menunggu kemajuan proyek yang disyaratkan kebijakan kabupaten',
    en: "The next tranche waits for the project progress the regency's policy requires",
    kind: 'invalid',
  },
  PAYMENT_SUSPICION_OPEN: {
    id: 'Pembayaran proyek ditahan selama dugaan duplikasinya belum diputuskan',
    en: "The project's payment is held while its duplicate suspicion is undecided",
    kind: 'invalid',
  },
  SYNC_NODE_VILLAGE_IN_REGENCY: {
    id: 'Simpul desa hanya dapat didaftarkan untuk desa di kabupaten ini',
    en: 'A village node can only be registered for a village of this regency',
    kind: 'invalid',
  },
  SYNC_NODE_KNOWN: {
    id: 'Simpul desa ini tidak dikenal atau sudah dicabut',
    en: 'No such active village node',
    kind: 'invalid',
  },
  SYNC_STREAM_OF_VILLAGE: {
    id: 'Simpul desa hanya boleh mengirim aliran desanya sendiri; tidak ada yang ditulis',
    en: "A village node may only send its own village's streams; nothing was written",
    kind: 'invalid',
  },
  SYNC_FILE_SIGNATURE: {
    id: 'Berkas sinkronisasi ditolak: tanda tangan tidak cocok (berkas diubah, rusak, atau bukan dari simpul ini); tidak ada yang ditulis',
    en: 'Sync file refused: its signature does not match (the file was changed, damaged, or is not from this node); nothing was written',
    kind: 'invalid',
  },
  SYNC_FILE_FORMAT: {
    id: 'Berkas sinkronisasi tidak terbaca; tidak ada yang ditulis',
    en: 'The sync file cannot be read; nothing was written',
    kind: 'invalid',
  },
  SYNC_STREAM_QUARANTINED: {
    id: 'Aliran ini tidak sedang dikarantina',
    en: 'This stream is not quarantined',
    kind: 'invalid',
  },
  VILLAGE_BOOKS_ON_NODE: {
    id: 'Buku desa ini dicatat di simpul desanya; salinan di server kabupaten hanya dapat dibaca',
    en: "This village's books are kept on its village node; the regency's copy is read-only",
    kind: 'conflict',
  },
  EVALUATION_REFERENCE_UNIQUE: {
    id: 'Nomor surat evaluasi Camat ini sudah tercatat untuk desa ini pada tahun anggaran ini',
    en: "This camat's evaluation reference is already recorded for this village in this fiscal year",
    kind: 'conflict',
  },
  EVALUATION_AWAITS_VILLAGE: {
    id: 'Evaluasi Camat sebelumnya belum diterima desa; evaluasi berikutnya menunggu sampai diterima',
    en: "The camat's previous evaluation has not been taken in by the village yet; the next one waits until it is",
    kind: 'conflict',
  },
  EVALUATION_KNOWN: {
    id: 'Evaluasi Camat dengan nomor surat ini tidak ada di aliran kabupaten untuk desa ini',
    en: "No camat's evaluation with this reference is on the regency stream for this village",
    kind: 'invalid',
  },
} as const satisfies Record<string, RuleText>;

export type RuleId = keyof typeof RULES;
