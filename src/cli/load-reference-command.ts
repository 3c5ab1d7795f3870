import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_REFERENCE_ROOT, loadReferenceData } from '../app/load-reference-data';
import {
  REFERENCE_FILES,
  referenceFilePath,
  type ReferenceFileKey,
} from '../domain/reference/reference-files';
import { FISCAL_YEAR_PATTERN } from '../domain/shared/fiscal-year';

interface LoadReferenceOptions {
  year: string;
  regency: string;
  root: string;
  json?: boolean;
}

/** Rows per file (JSON Lines: one row per non-blank line); null for an optional file that is absent. */
function rowCounts(root: string, year: number, regency: string) {
  return (Object.keys(REFERENCE_FILES) as ReferenceFileKey[]).map((key) => {
    const file = referenceFilePath(key, year, regency);
    const absolute = path.join(root, file);
    const rows = existsSync(absolute)
      ? readFileSync(absolute, 'utf8')
          .split(/\r?\n/)
          .filter((line) => line.trim() !== '').length
      : null;
    return { file, rows };
  });
}

/**
 * `kasdesa load-reference`: reads and validates one regency's reference data
 * for a year (every row and the rules between files) and prints what it
 * holds; a fault names the file, the line and the rule.
 */
export function registerLoadReference(program: Command): void {
  program
    .command('load-reference')
    .description('Periksa data referensi / validate reference data and summarise it')
    .requiredOption('--year <year>', 'tahun anggaran / fiscal year')
    .requiredOption('--regency <code>', 'kode kabupaten / regency code, e.g. 35.10')
    .option(
      '--root <folder>',
      'folder data referensi / reference data folder',
      DEFAULT_REFERENCE_ROOT,
    )
    .option('--json', 'cetak sebagai JSON / print as JSON')
    .action((options: LoadReferenceOptions) => {
      if (!FISCAL_YEAR_PATTERN.test(options.year)) throw new Error(`--year: ${options.year}`);
      const year = Number.parseInt(options.year, 10);
      const reference = loadReferenceData(year, options.regency, options.root);
      const summary = {
        fiscalYear: year,
        regency: reference.regency,
        files: rowCounts(options.root, year, options.regency),
        districts: reference.districts.size,
        villages: reference.villages.size,
        accounts: reference.accounts.size,
        fundSources: reference.fundSources.size,
      };
      if (options.json) {
        console.log(JSON.stringify(summary, null, 2));
        return;
      }
      console.log(
        `Data referensi sah / reference data valid: ${reference.regency.code} ${reference.regency.name}, ${year}`,
      );
      for (const { file, rows } of summary.files)
        console.log(
          `  ${file}: ${rows === null ? 'tidak ada (opsional) / absent (optional)' : `${rows} baris / rows`}`,
        );
      console.log(
        `  kecamatan / districts ${summary.districts}, desa / villages ${summary.villages}, ` +
          `akun / accounts ${summary.accounts}, sumber dana / fund sources ${summary.fundSources}`,
      );
    });
}
