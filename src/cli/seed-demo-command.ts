import type { Command } from 'commander';
import { seedDemoWithProgress } from '../demo/first-start';
import { withConfiguredStore } from './open-access';

interface SeedDemoOptions {
  villages: string;
  full?: boolean;
  fullYear: string;
}

/**
 * `kasdesa seed-demo`: the demo regency through the ledger's commands, as on a
 * demo server's first start but as large as asked. Safe to interrupt and
 * repeat: every command id is fixed, so a second run resumes.
 */
export function registerSeedDemo(program: Command): void {
  program
    .command('seed-demo')
    .description('Isi kabupaten demo / seed the demo regency')
    .option('--villages <n>', 'desa dengan APBDes / villages with an APBDes (1–200)', '20')
    .option('--full-year <n>', 'desa dengan setahun penuh / villages with a full year', '4')
    .option('--full', 'setahun penuh untuk semua desa / a full year for every village')
    .action((options: SeedDemoOptions) =>
      withConfiguredStore(async (store) => {
        const villages = Number.parseInt(options.villages, 10);
        const fullYear = options.full ? villages : Number.parseInt(options.fullYear, 10);
        if (!(villages >= 1 && villages <= 200) || !(fullYear >= 0))
          throw new Error('--villages 1–200, --full-year ≥ 0');
        await seedDemoWithProgress(store, { villages, fullYear });
      }),
    );
}
