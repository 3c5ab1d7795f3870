import { Command } from 'commander';
import { registerAnchor } from './anchor-command';
import { registerAuditCommands } from './audit-commands';
import { registerEvidence } from './evidence-commands';
import { registerExportReport } from './export-report-command';
import { registerInit } from './init-command';
import { registerLoadReference } from './load-reference-command';
import { registerMigrateStore } from './migrate-store-command';
import { registerRegionCommand } from './region-command';
import { registerRebuildProjections } from './rebuild-projections-command';
import { registerSeedDemo } from './seed-demo-command';
import { registerStatus } from './status-command';
import { registerUserCommands } from './user-commands';
import { registerVerify } from './verify-command';
import { registerImportSiskeudes } from './import-siskeudes-command';
import { registerSyncCommands } from './sync-commands';

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
registerSeedDemo(program);
registerAuditCommands(program);
registerRebuildProjections(program);
registerExportReport(program);
registerLoadReference(program);
registerRegionCommand(program);
registerImportSiskeudes(program);
registerSyncCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(2);
});
