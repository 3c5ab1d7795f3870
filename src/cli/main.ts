import { Command } from 'commander';
import { registerAnchor } from './anchor-command';
import { registerEvidence } from './evidence-commands';
import { registerInit } from './init-command';
import { registerMigrateStore } from './migrate-store-command';
import { registerStatus } from './status-command';
import { registerUserCommands } from './user-commands';
import { registerVerify } from './verify-command';

const program = new Command('kasdesa').description(
  'Kasdesa — buku kas desa berbasis peristiwa / event-sourced village ledger',
);
registerVerify(program);
registerMigrateStore(program);
registerInit(program);
registerUserCommands(program);
registerStatus(program);
registerAnchor(program);
registerEvidence(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(2);
});
