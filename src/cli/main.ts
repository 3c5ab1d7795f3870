import { Command } from 'commander';
import { registerAnchor } from './anchor-command';
import { registerEvidence } from './evidence-commands';
import { registerMigrateStore } from './migrate-store-command';
import { registerVerify } from './verify-command';

const program = new Command('kasdesa').description('Kasdesa — buku kas desa berbasis peristiwa / event-sourced village ledger');
registerVerify(program);
registerMigrateStore(program);
registerAnchor(program);
registerEvidence(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(2);
});
