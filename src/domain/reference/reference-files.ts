import type { z } from 'zod';
import * as rows from './row-schemas';

/**
 * The layout of migrations/reference: `{year}/national/*` for the national
 * lists and `{year}/regencies/{regencyCode}/*` for one regency's regions,
 * extensions (objek/kegiatan 90–99) and policy data.
 */
export const REFERENCE_FILES = {
  accounts: { scope: 'national', file: 'accounts.jsonl', schema: rows.accountRow, required: true },
  bidang: { scope: 'national', file: 'bidang.jsonl', schema: rows.bidangRow, required: true },
  subBidang: {
    scope: 'national',
    file: 'sub-bidang.jsonl',
    schema: rows.subBidangRow,
    required: true,
  },
  kegiatan: { scope: 'national', file: 'kegiatan.jsonl', schema: rows.kegiatanRow, required: true },
  fundSources: {
    scope: 'national',
    file: 'fund-sources.jsonl',
    schema: rows.fundSourceRow,
    required: true,
  },
  earmarks: {
    scope: 'national',
    file: 'dd-earmarks.jsonl',
    schema: rows.earmarkRow,
    required: true,
  },
  regions: { scope: 'regency', file: 'regions.jsonl', schema: rows.regionRow, required: true },
  policy: { scope: 'regency', file: 'policy.jsonl', schema: rows.policyRow, required: true },
  accountExtensions: {
    scope: 'regency',
    file: 'account-extensions.jsonl',
    schema: rows.extensionAccountRow,
    required: false,
  },
  kegiatanExtensions: {
    scope: 'regency',
    file: 'kegiatan-extensions.jsonl',
    schema: rows.kegiatanRow,
    required: false,
  },
} as const;

export type ReferenceFileKey = keyof typeof REFERENCE_FILES;

export type ReferenceRows = {
  [K in ReferenceFileKey]: {
    file: string;
    line: number;
    row: z.infer<(typeof REFERENCE_FILES)[K]['schema']>;
  }[];
};

/** Path of a reference file relative to the reference root. */
export function referenceFilePath(
  key: ReferenceFileKey,
  fiscalYear: number,
  regencyCode: string,
): string {
  const spec = REFERENCE_FILES[key];
  const folder = spec.scope === 'national' ? 'national' : `regencies/${regencyCode}`;
  return `${fiscalYear}/${folder}/${spec.file}`;
}
