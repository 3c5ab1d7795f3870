import type { Command } from 'commander';
import { verifyLedger, type LedgerVerification } from '../audit/verify-ledger';
import { runConfiguration } from '../composition/demo-settings';
import { openStore } from '../composition/open-store';

function printReport(result: LedgerVerification): void {
  for (const stream of result.streams) {
    console.log(
      stream.ok
        ? `OK     ${stream.stream} (${stream.events} peristiwa / events)`
        : `RUSAK  ${stream.stream}: revisi ${stream.broken.revision}, id ${stream.broken.eventId}: ${stream.broken.reason}`,
    );
  }
  for (const mismatch of result.anchorMismatches) {
    console.log(`RUSAK  ${mismatch.stream}: revisi ${mismatch.revision}: ${mismatch.reason}`);
  }
  const broken = result.streams.filter((s) => !s.ok).length;
  console.log(
    `${result.streams.length} aliran diperiksa, ${broken} rusak, ${result.anchorsChecked} jangkar diperiksa, ` +
      `${result.anchorMismatches.length} tidak cocok / ${result.streams.length} streams checked, ${broken} broken, ` +
      `${result.anchorsChecked} anchors checked, ${result.anchorMismatches.length} mismatched`,
  );
}

/** `kasdesa verify`: recomputes every stream's hash chain and checks the anchors; exits 1 on any fault. */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      'Periksa rantai hash setiap aliran dan jangkarnya / verify every stream hash chain and its anchors',
    )
    .option('--json', 'cetak hasil sebagai JSON / print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const store = openStore(runConfiguration().config);
      try {
        const result = await verifyLedger(store);
        if (options.json) {
          console.log(
            JSON.stringify(
              result,
              (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
              2,
            ),
          );
        } else printReport(result);
        process.exitCode = result.ok ? 0 : 1;
      } finally {
        await store.close();
      }
    });
}
