import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SYSTEM_ACTOR } from '../access/access-service';
import { createLedger } from '../app/ledger';
import { ReferenceCatalog } from '../app/load-reference-data';
import { FISCAL_YEAR_PATTERN } from '../domain/shared/fiscal-year';
import { isRegionCode } from '../domain/shared/region-codes';
import { importSiskeudes } from '../import/siskeudes/import-siskeudes';
import { commandProgress } from './command-progress';
import { withConfiguredStore } from './open-access';

interface ImportOptions {
  village: string;
  year: string;
  json?: boolean;
}

/**
 * `kasdesa import-siskeudes FILE --village CODE --year YYYY`: one village-year
 * from a Siskeudes zip of CSV or .mdb, all or nothing. A refusal lists every
 * problem and exits 1; the same file again writes nothing.
 */
export function registerImportSiskeudes(program: Command): void {
  program
    .command('import-siskeudes <file>')
    .description(
      'Impor satu desa-tahun dari Siskeudes (.zip CSV atau .mdb) / import one village-year from Siskeudes',
    )
    .requiredOption('--village <code>', 'kode desa / village code, e.g. 35.10.01.2001')
    .requiredOption('--year <year>', 'tahun anggaran / fiscal year')
    .option('--json', 'cetak sebagai JSON / print as JSON')
    .action(async (file: string, options: ImportOptions) => {
      if (!FISCAL_YEAR_PATTERN.test(options.year)) throw new Error(`--year: ${options.year}`);
      if (!isRegionCode(options.village, 'village'))
        throw new Error(`--village: ${options.village}`);
      const bytes = readFileSync(file);
      // The long part: deciding the file's commands.
      const progress = commandProgress(
        'import-siskeudes',
        '{value}/{total} perintah diperiksa / commands decided',
      );
      const reference = new ReferenceCatalog();
      const outcome = await withConfiguredStore((store) =>
        importSiskeudes(
          { store, ledger: createLedger({ store, reference }), reference },
          {
            bytes,
            fileName: path.basename(file),
            villageCode: options.village,
            fiscalYear: Number.parseInt(options.year, 10),
            actor: SYSTEM_ACTOR,
            now: new Date(),
            onProgress: (decided, total) => progress.show(decided, total),
          },
        ),
      ).finally(progress.stop);
      if (options.json) console.log(JSON.stringify(outcome, null, 2));
      else if (outcome.status === 'refused') {
        console.log(
          `Berkas ditolak, tidak ada yang ditulis / file refused, nothing written: ${outcome.problemCount} masalah / problems`,
        );
        for (const problem of outcome.problems)
          console.log(`- ${problem.messages.id}\n  ${problem.messages.en}`);
      } else {
        const verb =
          outcome.status === 'imported'
            ? 'Diimpor / imported'
            : 'Sudah diimpor sebelumnya, tidak ada yang ditulis / already imported, nothing written';
        console.log(`${verb}: ${outcome.eventCount} peristiwa / events → ${outcome.streamId}`);
        console.log(JSON.stringify(outcome.totals, null, 2));
        for (const flagged of outcome.exceptions)
          console.log(
            `Pengecualian / exception: ${flagged.table} ${flagged.naturalKey}: ${flagged.exceptions.map((e) => `${e.messages.id} / ${e.messages.en}`).join('; ')}`,
          );
        const { summary, differences } = outcome.reconciliation;
        console.log(`Rekonsiliasi / reconciliation: ${summary.id} / ${summary.en}`);
        for (const d of differences)
          console.log(
            `- ${d.section} ${d.kegiatan ?? ''} ${d.account} ${d.figure}: Siskeudes ${d.siskeudes}, Kasdesa ${d.kasdesa}, selisih / difference ${d.difference}`,
          );
      }
      if (outcome.status === 'refused') process.exitCode = 1;
    });
}
