import type { BilingualText } from '../../domain/shared/domain-error';

/**
 * Every way a Siskeudes file can be refused, Indonesian first then English.
 * Rule ids are stable: the problem report, the API and tests name them.
 */
export const IMPORT_RULES = {
  FILE_READABLE: {
    id: 'Berkas bukan zip CSV Siskeudes atau basis data .mdb yang terbaca',
    en: 'The file is neither a readable zip of Siskeudes CSV nor an .mdb database',
  },
  FILE_SIZE: {
    id: 'Berkas melebihi ukuran yang diterima',
    en: 'The file is larger than accepted',
  },
  TABLE_PRESENT: { id: 'Tabel yang diperlukan tidak ada', en: 'A required table is missing' },
  TABLE_ROWS: {
    id: 'Tabel memiliki baris lebih banyak dari yang diterima',
    en: 'The table has more rows than accepted',
  },
  COLUMN_PRESENT: { id: 'Kolom yang diperlukan tidak ada', en: 'A required column is missing' },
  CSV_PARSABLE: { id: 'CSV tidak dapat diurai', en: 'The CSV cannot be parsed' },
  VALUE_PRESENT: { id: 'Nilai wajib kosong', en: 'A required value is empty' },
  DATE_FORMAT: {
    id: 'Tanggal bukan MM/DD/YYYY [HH:MM:SS] atau YYYY-MM-DD',
    en: 'The date is not MM/DD/YYYY [HH:MM:SS] or YYYY-MM-DD',
  },
  AMOUNT_FORMAT: {
    id: 'Nilai uang bukan angka rupiah (paling banyak dua desimal)',
    en: 'The amount is not a rupiah number (at most two decimals)',
  },
  AMOUNT_NOT_NEGATIVE: { id: 'Nilai uang negatif', en: 'The amount is negative' },
  CODE_FORMAT: {
    id: 'Kode bukan kode bertitik Siskeudes',
    en: 'The code is not a dotted Siskeudes code',
  },
  YEAR_MATCHES: {
    id: 'Tahun baris tidak sama dengan tahun anggaran yang diimpor',
    en: 'The row’s year is not the fiscal year being imported',
  },
  VILLAGE_IN_FILE: {
    id: 'Desa tidak ditemukan di Ta_Desa berkas ini',
    en: 'The village is not in this file’s Ta_Desa',
  },
  KEY_UNIQUE: {
    id: 'Kunci baris muncul lebih dari sekali',
    en: 'The row’s key appears more than once',
  },
  PARENT_PRESENT: {
    id: 'Baris merujuk induk yang tidak ada',
    en: 'The row refers to a parent row that does not exist',
  },
  BUDGET_LINE_PRESENT: {
    id: 'Realisasi merujuk rekening yang tidak dianggarkan di Ta_RABRinci',
    en: 'The realisation refers to an account not budgeted in Ta_RABRinci',
  },
  TAX_ACCOUNT_KNOWN: {
    id: 'Rekening potongan tidak sesuai pajak mana pun dalam kebijakan kabupaten',
    en: 'The deduction account matches no tax of the regency’s policy',
  },
  NOT_YET_SUPPORTED: {
    id: 'Jenis transaksi ini belum dapat diimpor',
    en: 'This kind of transaction cannot be imported yet',
  },
  DOMAIN_RULE: {
    id: 'Aturan Kasdesa menolak transaksi ini',
    en: 'A Kasdesa rule refuses this transaction',
  },
  EVIDENCE_TOTAL: {
    id: 'Nilai rincian SPJ tidak sama dengan jumlah buktinya',
    en: 'The SPJ line’s amount is not the total of its evidence',
  },
  MUTATION_CODE_CONFIGURED: {
    id: 'Kode Kd_Mutasi tidak dikonfigurasi di kebijakan kabupaten (baris siskeudesMutation di policy.jsonl)',
    en: 'The Kd_Mutasi code is not configured in the regency’s policy (a siskeudesMutation row of policy.jsonl)',
  },
} as const satisfies Record<string, BilingualText>;

export type ImportRuleId = keyof typeof IMPORT_RULES;

/**
 * Kasdesa rules that guard new transactions, which a past year may have
 * broken: an import books such a year as it happened, with the breach flagged
 * (ImportedHistoryFlagged), instead of refusing the file. Overspent line,
 * unbalanced or uncovered budget, SiLPA or allocation mismatch, cash or fund
 * source below zero (spent before it came in), over the cash-on-hand limit,
 * received beyond the regency's transfer, tax deposited before it was withheld.
 */
export const HISTORY_RULES = [
  'BUDGET_LINE_AVAILABLE',
  'BUDGET_BALANCED',
  'BUDGET_SOURCE_COVERED',
  'SILPA_WITHIN_OPENING',
  'ALLOCATION_MATCHED',
  'CASH_NOT_NEGATIVE',
  'FUND_RESTRICTION',
  'CASH_ON_HAND_LIMIT',
  'RECEIPT_WITHIN_TRANSFER',
  'TAX_WITHIN_PAYABLE',
] as const;

/** One thing wrong with the file: where (table, 1-based data row, column), what, and which rule. */
export interface ImportProblem {
  table: string;
  /** 1-based row among the table's data rows; 0 for the table or file as a whole. */
  row: number;
  column: string;
  value: string;
  rule: ImportRuleId | string;
  messages: BilingualText;
}

export function importProblem(
  rule: ImportRuleId,
  table: string,
  row: number,
  column: string,
  value: string,
  detail?: BilingualText,
): ImportProblem {
  const text = IMPORT_RULES[rule];
  const where = `${table}${row > 0 ? ` baris/row ${row}` : ''}${column ? `, ${column}` : ''}`;
  return {
    table,
    row,
    column,
    value,
    rule,
    messages: {
      id: `${text.id}${detail ? `: ${detail.id}` : ''} (${where}: "${value}")`,
      en: `${text.en}${detail ? `: ${detail.en}` : ''} (${where}: "${value}")`,
    },
  };
}
