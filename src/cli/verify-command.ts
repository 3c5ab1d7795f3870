import type { Command } from 'commander';
import { loadConfig } from '../config';
import { openStore } from '../eventstore/open-store';
import { verifyAllStreams } from '../eventstore/verify-stream';

/** `kasdesa verify`: recomputes every stream's hash chain; exits 1 if any link is broken. */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description('Periksa rantai hash setiap aliran / verify every stream hash chain')
    .option('--json', 'cetak hasil sebagai JSON / print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const store = openStore(loadConfig());
      try {
        const results = await verifyAllStreams(store);
        const broken = results.filter((r) => !r.ok);
        if (options.json) {
          console.log(JSON.stringify(results, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2));
        } else {
          for (const result of results) {
            console.log(
              result.ok
                ? `OK     ${result.stream} (${result.events} peristiwa / events)`
                : `RUSAK  ${result.stream}: revisi ${result.broken.revision}, id ${result.broken.eventId}: ${result.broken.reason}`,
            );
          }
          console.log(`${results.length} aliran diperiksa, ${broken.length} rusak / ${results.length} streams checked, ${broken.length} broken`);
        }
        process.exitCode = broken.length > 0 ? 1 : 0;
      } finally {
        await store.close();
      }
    });
}
