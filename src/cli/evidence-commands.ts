import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { FlowTotals } from '../reports/fund-flow/fund-flow-report';
import type { EvidenceReports } from '../audit/evidence-reports';
import { withBundleFolder } from '../audit/evidence-archive';
import { exportEvidence, folderSink } from '../audit/export-evidence';
import { verifyEvidence } from '../audit/verify-evidence';
import { DEFAULT_REFERENCE_ROOT } from '../app/load-reference-data';
import { runConfiguration } from '../composition/demo-settings';
import { openStore } from '../composition/open-store';

/** The figures the verifier re-derived from the bundle alone: fund-flow totals and realisation totals. */
function printReports({ fundFlow, realisation }: EvidenceReports): void {
  const flowLine = (label: string, totals: FlowTotals) =>
    console.log(
      `${label}: pagu / allocation ${totals.allocation}, disalurkan / transferred ${totals.transferred}, sisa / remaining ${totals.remaining}`,
    );
  flowLine('arus dana / fund flow', fundFlow.totals);
  for (const [source, totals] of Object.entries(fundFlow.bySource)) flowLine(`  ${source}`, totals);
  console.log('realisasi APBDes / realisation:');
  for (const [section, figures] of Object.entries(realisation.totals))
    console.log(
      `  ${section}: anggaran / budget ${figures.budget}, realisasi / realised ${figures.realised} (${figures.percent ?? '-'}%)`,
    );
}

interface ExportOptions {
  regency: string;
  village?: string;
  year: string;
  out: string;
}

/** `kasdesa export-evidence` and `kasdesa verify-evidence`: bundles an auditor can check offline. */
export function registerEvidence(program: Command): void {
  program
    .command('export-evidence')
    .description('Tulis paket bukti untuk auditor / write an evidence bundle for auditors')
    .requiredOption('--regency <code>', 'kode kabupaten / regency code, e.g. 35.10')
    .option(
      '--village <code>',
      'kode desa; tanpa ini seluruh kabupaten / village code; without it, the whole regency',
    )
    .requiredOption('--year <year>', 'tahun anggaran / fiscal year')
    .requiredOption('--out <folder>', 'folder tujuan / output folder')
    .action(async (options: ExportOptions) => {
      const store = openStore(runConfiguration().config);
      try {
        const { manifest, hash } = await exportEvidence(
          store,
          {
            regencyCode: options.regency,
            villageCode: options.village,
            fiscalYear: Number(options.year),
          },
          {
            sink: folderSink(resolve(options.out)),
            referenceRoot: DEFAULT_REFERENCE_ROOT,
            now: new Date(),
          },
        );
        const events = manifest.streams.reduce((sum, s) => sum + s.events, 0);
        console.log(
          `${manifest.streams.length} aliran, ${events} peristiwa / streams, events; SHA-256 ${hash}`,
        );
      } finally {
        await store.close();
      }
    });

  program
    .command('verify-evidence <bundle>')
    .description(
      'Periksa paket bukti (folder, atau zip unduhan dari web/API) tanpa server / verify an evidence bundle (a folder, or a zip downloaded from the web or API) offline',
    )
    .action(async (bundle: string) => {
      const result = await withBundleFolder(resolve(bundle), verifyEvidence);
      for (const problem of result.problems) console.log(`RUSAK  ${problem}`);
      if (result.reports) printReports(result.reports);
      const events = [...result.events.values()].reduce((sum, list) => sum + list.length, 0);
      console.log(
        result.ok
          ? `OK: ${result.streams.length} aliran, ${events} peristiwa utuh / streams, events intact`
          : `${result.problems.length} masalah / problems found`,
      );
      process.exitCode = result.ok ? 0 : 1;
    });
}
