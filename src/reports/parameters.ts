import { z } from 'zod';
import type { ReferenceData } from '../domain/reference/reference-data';
import type { BilingualText } from '../domain/shared/domain-error';
import { regionCodeSchema } from '../domain/shared/region-codes';
import { fullYear, semesterOne, type Period } from './realisation/periods';

/**
 * One query parameter of a report: how it is checked, and how the OpenAPI
 * document and a refusal describe the values it takes.
 */
export interface ReportParameter {
  name: string;
  required: boolean;
  description: BilingualText;
  /** The values allowed, as a refusal names them. */
  allowed: string;
  schema: z.ZodType<string>;
}

/** The parameters a report was asked with, checked; absent ones are undefined. */
export type ReportParameters = Readonly<Record<string, string | undefined>>;

/** A query parameter outside what its report allows: named with its value and the values allowed. */
export class ReportParameterError extends Error {
  override readonly name = 'ReportParameterError';
  constructor(
    readonly parameter: string,
    readonly value: string,
    readonly allowed: string,
  ) {
    super(`query parameter ${parameter} = "${value}": allowed ${allowed}`);
  }
}

/** What a report is about does not exist (a village without a ledger that year, an APBDes label). */
export class ReportSubjectMissingError extends Error {
  override readonly name = 'ReportSubjectMissingError';
  constructor(
    readonly field: string,
    readonly value: string,
  ) {
    super(`${field} = "${value}" not found`);
  }
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const oneOf = (
  name: string,
  values: readonly [string, ...string[]],
  description: BilingualText,
): ReportParameter => ({
  name,
  required: false,
  description,
  allowed: values.join(', '),
  schema: z.enum(values),
});

const date = (name: string, description: BilingualText): ReportParameter => ({
  name,
  required: false,
  description,
  allowed: 'YYYY-MM-DD',
  schema: z.string().regex(DATE),
});

const text = (name: string, description: BilingualText, allowed: string): ReportParameter => ({
  name,
  required: false,
  description,
  allowed,
  schema: z.string().min(1).max(200),
});

export const FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

/** Parameters every report takes: the format, the two clocks, and read-your-writes. */
export const COMMON_PARAMETERS: readonly ReportParameter[] = [
  oneOf('format', FORMATS, { id: 'format berkas (bawaan json)', en: 'file format (default json)' }),
  date('asOf', {
    id: 'per tanggal transaksi (jam bisnis)',
    en: 'as of a business date (the business clock)',
  }),
  {
    name: 'knownAt',
    required: false,
    description: {
      id: 'sebagaimana tercatat pada saat itu (jam pencatatan)',
      en: 'as known at a moment (the recording clock)',
    },
    allowed: 'ISO 8601, e.g. 2025-07-01T00:00:00Z',
    schema: z.string().refine((value) => !Number.isNaN(Date.parse(value))),
  },
  {
    name: 'after',
    required: false,
    description: {
      id: 'tunggu sampai laporan memuat posisi ini (dari jawaban perintah)',
      en: "wait until the report includes this position (a command answer's position)",
    },
    allowed: 'a whole number (position)',
    schema: z.string().regex(/^\d{1,19}$/),
  },
];

export const month = (required: boolean): ReportParameter => ({
  name: 'month',
  required,
  description: { id: 'bulan', en: 'month' },
  allowed: '1–12',
  schema: z.string().regex(/^(0?[1-9]|1[0-2])$/),
});

export const PERIOD_PARAMETERS: readonly ReportParameter[] = [
  oneOf('period', ['semester1', 'year'], {
    id: 'periode (bawaan satu tahun)',
    en: 'period (default the year)',
  }),
  date('from', { id: 'dari tanggal (dalam tahun anggaran)', en: 'from a date within the year' }),
  date('to', { id: 'sampai tanggal (dalam tahun anggaran)', en: 'to a date within the year' }),
];

export const label = (name: string, description: BilingualText): ReportParameter =>
  text(name, description, 'a version label of the APBDes, e.g. "APBDes 2025"');

export const DISTRICT_PARAMETER: ReportParameter = {
  name: 'district',
  required: false,
  description: { id: 'satu kecamatan', en: 'one district' },
  allowed: 'a district code of the regency, e.g. 35.99.01',
  schema: regionCodeSchema('district'),
};

/** The district asked for, refused unless the year's reference data has it in the regency. */
export function districtWithin(
  reference: Pick<ReferenceData, 'districts'>,
  regencyCode: string,
  district: string | undefined,
): string | undefined {
  if (district !== undefined && !reference.districts.has(district))
    throw new ReportParameterError(
      'district',
      district,
      `a district of ${regencyCode}: ${[...reference.districts.keys()].join(', ')}`,
    );
  return district;
}

/** The query checked against a report's parameters and the common ones; others are ignored. */
export function parseParameters(
  parameters: readonly ReportParameter[],
  query: Readonly<Record<string, unknown>>,
): ReportParameters {
  const parsed: Record<string, string | undefined> = {};
  for (const parameter of [...COMMON_PARAMETERS, ...parameters]) {
    const value = query[parameter.name];
    if (value === undefined) {
      if (parameter.required) throw new ReportParameterError(parameter.name, '', parameter.allowed);
      continue;
    }
    if (typeof value !== 'string' || !parameter.schema.safeParse(value).success)
      throw new ReportParameterError(
        parameter.name,
        typeof value === 'string' ? value : JSON.stringify(value),
        parameter.allowed,
      );
    parsed[parameter.name] = value;
  }
  return parsed;
}

/** `month` as `YYYY-MM` within the fiscal year. */
export function monthWithin(params: ReportParameters, fiscalYear: number): string | undefined {
  const number = params.month;
  return number === undefined ? undefined : `${fiscalYear}-${number.padStart(2, '0')}`;
}

/** `period=semester1|year` or `from`/`to` within the year; the year by default. */
export function periodWithin(params: ReportParameters, fiscalYear: number): Period {
  const base = params.period === 'semester1' ? semesterOne(fiscalYear) : fullYear(fiscalYear);
  const chosen = { from: params.from ?? base.from, to: params.to ?? base.to };
  if (chosen.from > chosen.to)
    throw new ReportParameterError('to', chosen.to, `a date on or after from (${chosen.from})`);
  return chosen;
}
