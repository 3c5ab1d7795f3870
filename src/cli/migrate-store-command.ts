import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runConfiguration } from '../composition/demo-settings';
import { createEmbeddedStore } from '../eventstore/embedded';
import { createEventStoreDbStore } from '../eventstore/eventstoredb';
import {
  MigrationConflictError,
  migrateStore,
  type MigrationSummary,
} from '../eventstore/migrate-store';
import { verifyMigration } from '../eventstore/migrate-store-verify';
import { embeddedStoreFile } from '../eventstore/store-location';
import type { EventStore } from '../eventstore/port';
import { migrationProgressBar } from './migration-progress';

interface MigrateStoreOptions {
  to: string;
  fromFile?: string;
}

/** Exit code of a run stopped by Ctrl-C, as shells report it (128 + SIGINT). */
const INTERRUPTED = 130;

/**
 * `kasdesa migrate-store --to <url>`: copies the embedded store into
 * EventStoreDB unchanged (ids, order, hash chain), then verifies the target.
 * Running it again resumes an interrupted copy. Exit 1 on a conflict or a
 * verification mismatch.
 */
export function registerMigrateStore(program: Command): void {
  program
    .command('migrate-store')
    .description(
      'Salin penyimpanan tertanam ke EventStoreDB / copy the embedded store into EventStoreDB',
    )
    .requiredOption(
      '--to <url>',
      'string koneksi EventStoreDB tujuan / target EventStoreDB connection string',
      process.env.EVENTSTORE_URL,
    )
    .option(
      '--from-file <sqlite>',
      'berkas SQLite sumber (bawaan: KASDESA_DATA_DIR/kasdesa.sqlite) / source SQLite file (default: the configured store)',
    )
    .action(async (options: MigrateStoreOptions) => {
      const file = sourceFile(options);
      const source = createEmbeddedStore({ file });
      const target = createEventStoreDbStore(options.to);
      try {
        process.exitCode = await migrateAndVerify(source, target, countEvents(source));
      } finally {
        await source.close();
        await target.close();
      }
    });
}

function sourceFile(options: MigrateStoreOptions): string {
  const file = options.fromFile
    ? resolve(options.fromFile)
    : embeddedStoreFile(runConfiguration().config.dataDir);
  // Opening a missing file would create an empty store and "migrate" nothing.
  if (!existsSync(file)) {
    throw new Error(`Berkas sumber tidak ditemukan / source store file not found: "${file}"`);
  }
  return file;
}

function countEvents(source: ReturnType<typeof createEmbeddedStore>): number {
  const row = source.db.prepare('SELECT count(*) AS count FROM events').get() as {
    count: number | bigint;
  };
  return Number(row.count);
}

async function migrateAndVerify(
  source: EventStore,
  target: EventStore,
  total: number,
): Promise<number> {
  const summary = await copy(source, target, total);
  if (typeof summary === 'number') return summary;
  console.log(
    `Migrasi selesai / migration finished: ${summary.copied} disalin / copied, ` +
      `${summary.skipped} sudah ada / already there, ${summary.streams.size} aliran / streams`,
  );
  return verify(target, summary);
}

/** The copy, with a progress bar and Ctrl-C stopping it cleanly between two appends. */
async function copy(
  source: EventStore,
  target: EventStore,
  total: number,
): Promise<MigrationSummary | number> {
  const progress = migrationProgressBar();
  const abort = new AbortController();
  const interrupt = () => abort.abort();
  process.once('SIGINT', interrupt);
  try {
    return await migrateStore(source, target, {
      total,
      onProgress: progress.update,
      signal: abort.signal,
    });
  } catch (error) {
    progress.stop();
    if (abort.signal.aborted) {
      console.error(
        'Migrasi dihentikan; jalankan lagi untuk melanjutkan / migration interrupted; run it again to resume',
      );
      return INTERRUPTED;
    }
    if (error instanceof MigrationConflictError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    progress.stop();
    process.removeListener('SIGINT', interrupt);
  }
}

async function verify(target: EventStore, summary: MigrationSummary): Promise<number> {
  const { results, mismatches } = await verifyMigration(target, summary.streams);
  for (const mismatch of mismatches)
    console.log(`TIDAK COCOK / MISMATCH  ${mismatch.stream}: ${mismatch.reason}`);
  console.log(
    `Verifikasi tujuan / target verification: ${results.length} aliran diperiksa / streams checked, ` +
      `${mismatches.length} tidak cocok / mismatched`,
  );
  return mismatches.length > 0 ? 1 : 0;
}
