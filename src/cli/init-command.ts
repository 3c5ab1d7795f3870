import type { Command } from 'commander';
import { mkdirSync } from 'node:fs';
import { runConfiguration } from '../composition/demo-settings';
import { openStore } from '../composition/open-store';
import { embeddedStoreFile } from '../eventstore/store-location';

/** `kasdesa init`: creates the data folder and, on the embedded store, its migrated SQLite file. */
export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Siapkan folder data dan penyimpanan / prepare the data folder and the store')
    .action(async () => {
      const config = runConfiguration().config;
      mkdirSync(config.dataDir, { recursive: true });
      const store = openStore(config);
      await store.close();
      const where = config.store === 'embedded' ? embeddedStoreFile(config.dataDir) : config.store;
      console.log(`Siap / ready: ${config.dataDir} (${where})`);
    });
}
