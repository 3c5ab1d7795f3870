import { z } from 'zod';
import { rupiah, type Rupiah } from '../../domain/shared/money';
import type { ImportRuleId } from './import-rules';

/**
 * The Siskeudes tables the import reads, their columns (names as Siskeudes
 * spells them; files differ in case, so matching ignores it) and the columns
 * that identify a row. docs/siskeudes.md says what each column means.
 */

/** A table as read from the file: column names lower-cased, every value text. */
export interface RawTable {
  name: string;
  rows: Record<string, string>[];
}
export type RawTables = ReadonlyMap<string, RawTable>;

const issue = (rule: ImportRuleId) => ({ params: { rule }, message: rule });

const present = z.string().trim().min(1, issue('VALUE_PRESENT'));
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value));

/** Dotted codes such as "01.2001." or "5.2.1.01."; the trailing dot is Siskeudes' habit, dropped here. */
const dottedCode = present
  .regex(/^[0-9A-Za-z]+(\.[0-9A-Za-z]+)*\.?$/, issue('CODE_FORMAT'))
  .transform((value) => value.replace(/\.$/, ''));

/** Fund source codes (DDS, ADD, PAD, …), kept as written. */
const sourceCode = present.regex(/^[A-Za-z0-9]{2,10}$/, issue('CODE_FORMAT'));

/** A column a row may leave empty, checked as `schema` when it is not. */
const optional = <T extends z.ZodType<unknown, string>>(schema: T) =>
  optionalText.pipe(schema.optional());

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/;

/** mdb-export writes MM/DD/YYYY HH:MM:SS; mdb-reader gives Date objects, turned into YYYY-MM-DD on reading. */
export function isoDate(text: string): string | undefined {
  const us = US_DATE.exec(text);
  const [year, month, day] = us ? [us[3], us[1], us[2]] : (ISO_DATE.exec(text)?.slice(1, 4) ?? []);
  if (!year || !month || !day) return undefined;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? undefined : iso;
}

const date = present.transform((value, context) => {
  const iso = isoDate(value);
  if (iso === undefined) context.addIssue({ code: 'custom', ...issue('DATE_FORMAT') });
  return iso ?? '';
});

/**
 * Access keeps money as Currency (four decimals); exports write "1500000" or
 * "1500000.0000". Exact to the rupiah: at most two non-zero decimals, never a float.
 */
const MONEY = /^-?\d{1,15}(\.\d{1,4})?$/;
const amount = present.transform((value, context): Rupiah => {
  const normal = value.replace(/(\.\d{2})0{1,2}$/, '$1').replace(/\.0{1,4}$/, '');
  if (!MONEY.test(value) || !/^-?\d+(\.\d{1,2})?$/.test(normal)) {
    context.addIssue({ code: 'custom', ...issue('AMOUNT_FORMAT') });
    return rupiah('0');
  }
  const parsed = rupiah(normal);
  if (parsed.isNegative()) context.addIssue({ code: 'custom', ...issue('AMOUNT_NOT_NEGATIVE') });
  return parsed;
});
const optionalAmount = z
  .string()
  .trim()
  .transform((value) => (value === '' ? '0' : value))
  .pipe(amount);
const year = present.regex(/^\d{4}$/, issue('VALUE_PRESENT')).transform(Number);

const villageRow = { Tahun: year, Kd_Desa: dottedCode };

/** A piece of evidence (kuitansi) behind an SPP line (Ta_SPPBukti) or a panjar's SPJ line (Ta_SPJBukti). */
const evidenceColumns = {
  Kd_Keg: dottedCode,
  Kd_Rincian: dottedCode,
  Sumberdana: sourceCode,
  No_Bukti: present,
  Tgl_Bukti: date,
  Nm_Penerima: present,
  Alamat: optionalText,
  Rek_Bank: optionalText,
  Nm_Bank: optionalText,
  NPWP: optionalText,
  Nilai: amount,
};

/** An SPP's (Ta_SPPRinci) or a panjar SPJ's (Ta_SPJRinci) line: the budget line it spends and how much. */
const spendingLineColumns = {
  Kd_Keg: dottedCode,
  Kd_Rincian: dottedCode,
  Sumberdana: sourceCode,
  Nilai: amount,
};

/** A deduction (tax withheld) on a piece of evidence: Ta_SPPPot, Ta_SPJPot. */
const deductionColumns = {
  Kd_Keg: dottedCode,
  No_Bukti: present,
  Kd_Rincian: dottedCode,
  Nilai: amount,
};

/** Row schemas, keyed by the table's Siskeudes name. */
export const TABLE_SCHEMAS = {
  Ref_Version: z.object({ Versi: present }),
  Ta_Desa: z.object({
    ...villageRow,
    Nm_Kades: optionalText,
    Nm_Sekdes: optionalText,
    No_Perdes: optionalText,
    Tgl_Perdes: optionalText,
  }),
  Ta_Kegiatan: z.object({
    ...villageRow,
    Kd_Keg: dottedCode,
    Nama_Kegiatan: present,
    Lokasi: optionalText,
    Keluaran: optionalText,
    Nm_PPTKD: optionalText,
    Jbt_PPTKD: optionalText,
  }),
  Ta_RABRinci: z.object({
    ...villageRow,
    Kd_Keg: dottedCode,
    Kd_Rincian: dottedCode,
    Kd_SubRinci: optionalText,
    No_Urut: present,
    SumberDana: sourceCode,
    Uraian: optionalText,
    Satuan: optionalText,
    JmlSatuanPAK: optionalText,
    HrgSatuanPAK: optionalAmount,
    AnggaranStlhPAK: amount,
  }),
  Ta_SaldoAwal: z.object({
    ...villageRow,
    Kd_Rincian: dottedCode,
    Debet: optionalAmount,
    Kredit: optionalAmount,
  }),
  Ta_TBP: z.object({
    ...villageRow,
    No_Bukti: present,
    Tgl_Bukti: date,
    Uraian: optionalText,
    Nm_Penyetor: optionalText,
    KdBayar: optionalText,
  }),
  Ta_TBPRinci: z.object({
    ...villageRow,
    No_Bukti: present,
    Kd_Rincian: dottedCode,
    SumberDana: sourceCode,
    Nilai: amount,
  }),
  Ta_SPP: z.object({
    ...villageRow,
    No_SPP: present,
    Tgl_SPP: date,
    Jn_SPP: present,
    Keterangan: optionalText,
  }),
  Ta_SPPRinci: z.object({ ...villageRow, No_SPP: present, ...spendingLineColumns }),
  Ta_SPPBukti: z.object({ ...villageRow, No_SPP: present, ...evidenceColumns }),
  Ta_SPPPot: z.object({ ...villageRow, No_SPP: present, ...deductionColumns }),
  Ta_Pencairan: z.object({
    ...villageRow,
    No_Cek: present,
    No_SPP: present,
    Tgl_Cek: date,
    KdBayar: optionalText,
  }),
  Ta_Pajak: z.object({
    ...villageRow,
    No_SSP: present,
    Tgl_SSP: date,
    NTPN: optionalText,
    KdBayar: optionalText,
  }),
  Ta_PajakRinci: z.object({
    ...villageRow,
    No_SSP: present,
    No_Bukti: present,
    Kd_Rincian: dottedCode,
    Nilai: amount,
  }),
  /** A mutation: what it books is the regency's policy per Kd_Mutasi (docs/siskeudes.md). */
  Ta_Mutasi: z.object({
    ...villageRow,
    No_Bukti: present,
    Tgl_Bukti: date,
    Keterangan: optionalText,
    Kd_Bank: optionalText,
    Kd_Rincian: optional(dottedCode),
    Kd_Keg: optional(dottedCode),
    Sumberdana: optional(sourceCode),
    Kd_Mutasi: present,
    Nilai: amount,
  }),
  // Refused, row by row (docs/siskeudes.md): read only to name what the import cannot book.
  Ta_JurnalUmumRinci: z.object({ ...villageRow, NoBukti: optionalText }),
  Ta_SPJ: z.object({
    ...villageRow,
    No_SPJ: present,
    Tgl_SPJ: date,
    No_SPP: present,
    Keterangan: optionalText,
  }),
  Ta_SPJRinci: z.object({ ...villageRow, No_SPJ: present, ...spendingLineColumns }),
  Ta_SPJBukti: z.object({ ...villageRow, No_SPJ: present, ...evidenceColumns }),
  Ta_SPJPot: z.object({ ...villageRow, No_SPJ: present, ...deductionColumns }),
  Ta_STS: z.object({ ...villageRow, No_Bukti: present, Tgl_Bukti: date }),
  Ta_STSRinci: z.object({ ...villageRow, No_Bukti: present, No_TBP: present, Nilai: amount }),
  Ta_JurnalUmum: z.object({ ...villageRow, NoBukti: optionalText }),
};

export type TableName = keyof typeof TABLE_SCHEMAS;
export type RowOf<T extends TableName> = z.output<(typeof TABLE_SCHEMAS)[T]>;

/** A parsed row with its place in the file: the 1-based data row number. */
export type Placed<T extends TableName> = RowOf<T> & { row: number };
export type SiskeudesTables = { [T in TableName]: Placed<T>[] };

/** Without these there is nothing to import; every other table may be absent (no such transactions). */
export const REQUIRED_TABLES: readonly TableName[] = [
  'Ref_Version',
  'Ta_Desa',
  'Ta_Kegiatan',
  'Ta_RABRinci',
];

/** The columns that identify a row within its table and village-year (the natural key). */
export const KEY_COLUMNS: { [T in TableName]: readonly (keyof RowOf<T>)[] } = {
  Ref_Version: ['Versi'],
  Ta_Desa: ['Kd_Desa'],
  Ta_Kegiatan: ['Kd_Keg'],
  Ta_RABRinci: ['Kd_Keg', 'Kd_Rincian', 'Kd_SubRinci', 'No_Urut'],
  Ta_SaldoAwal: ['Kd_Rincian'],
  Ta_TBP: ['No_Bukti'],
  Ta_TBPRinci: ['No_Bukti', 'Kd_Rincian', 'SumberDana'],
  Ta_SPP: ['No_SPP'],
  Ta_SPPRinci: ['No_SPP', 'Kd_Keg', 'Kd_Rincian', 'Sumberdana'],
  Ta_SPPBukti: ['No_Bukti'],
  Ta_SPPPot: ['No_SPP', 'No_Bukti', 'Kd_Rincian'],
  Ta_Pencairan: ['No_Cek'],
  Ta_Pajak: ['No_SSP'],
  Ta_PajakRinci: ['No_SSP', 'No_Bukti', 'Kd_Rincian'],
  Ta_Mutasi: ['No_Bukti'],
  Ta_JurnalUmumRinci: [],
  Ta_SPJ: ['No_SPJ'],
  Ta_SPJRinci: ['No_SPJ', 'Kd_Keg', 'Kd_Rincian', 'Sumberdana'],
  Ta_SPJBukti: ['No_SPJ', 'No_Bukti'],
  Ta_SPJPot: ['No_SPJ', 'No_Bukti', 'Kd_Rincian'],
  Ta_STS: ['No_Bukti'],
  Ta_STSRinci: ['No_Bukti', 'No_TBP'],
  Ta_JurnalUmum: [],
};

export function naturalKey<T extends TableName>(table: T, row: RowOf<T>): string {
  return KEY_COLUMNS[table].map((column) => String(row[column] ?? '')).join('|');
}
