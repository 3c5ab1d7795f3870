import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreUnavailableError } from './errors';
import { migrateSqlite } from './sqlite-migrate';

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
    db.pragma('busy_timeout = 10000');
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

