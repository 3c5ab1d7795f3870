import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreUnavailableError } from './errors';
import { migrateSqlite } from './sqlite-migrate';
import { SQLITE_BUSY_TIMEOUT_MS } from '../limits';

/**
 * Opens (creating if needed) a Kasdesa SQLite file: WAL, synchronous=FULL,
 * schema migrated. Anything wrong with the file is a StoreUnavailableError
 * naming it, so Kasdesa never starts on an unreadable store.
 */
export function openSqliteFile(file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    assertIntact(db);
    migrateSqlite(db);
    return db;
  } catch (error) {
    db?.close();
    throw new StoreUnavailableError(
      `Berkas penyimpanan tidak dapat dibuka / cannot open the store file "${file}": ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** Refuses a damaged file (truncated, overwritten) before anything is read from or written to it. */
function assertIntact(db: Database.Database): void {
  const result = db.pragma('quick_check', { simple: true });
  if (result !== 'ok')
    throw new Error(`pemeriksaan integritas gagal / integrity check failed: ${String(result)}`);
}

/** SQLite result codes that mean the file, not the request, is the problem: full, read-only, unreadable. */
const STORAGE_FAULTS = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|PERM)/;

/** Turns a storage fault into a StoreUnavailableError naming the file; anything else is returned as it was. */
export function asStorageFault(error: unknown, file: string): unknown {
  if (!(error instanceof Database.SqliteError) || !STORAGE_FAULTS.test(error.code)) return error;
  return new StoreUnavailableError(
    `Penyimpanan tidak dapat ditulis / the store file "${file}" cannot be written (${error.code}): ${error.message}`,
    { cause: error },
  );
}
