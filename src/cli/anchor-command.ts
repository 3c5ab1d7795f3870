import type { Command } from 'commander';
import { anchorStreamHeads } from '../audit/anchoring';
import { runConfiguration } from '../composition/demo-settings';
import { openStore } from '../composition/open-store';

/** `kasdesa anchor --regency 35.10`: records every stream head of the regency in its audit stream (run daily). */
export function registerAnchor(program: Command): void {
  program
    .command('anchor')
    .description(
      'Jangkarkan kepala setiap aliran kabupaten / anchor the head of every regency stream',
    )
    .requiredOption('--regency <code>', 'kode kabupaten / regency code, e.g. 35.10')
    .action(async (options: { regency: string }) => {
      const store = openStore(runConfiguration().config);
      try {
        const anchored = await anchorStreamHeads(store, {
          regencyCode: options.regency,
          actor: { id: 'cli', role: 'administrator', displayName: 'Operator (CLI)' },
        });
        console.log(`${anchored.heads.length} aliran dijangkarkan / streams anchored`);
      } finally {
        await store.close();
      }
    });
}
