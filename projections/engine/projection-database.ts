import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { openSqliteFile } from '../../src/eventstore/sqlite-file';
import { embeddedStoreFile, type StoreLocation } from '../../src/eventstore/store-location';

/**
 * The SQLite database that holds projection state and checkpoints: the
 * embedded store's own file (a second connection; WAL lets it write beside
 * the event log), or `projections.sqlite` in the data folder when events
 * live elsewhere.
 */
export function openProjectionDatabase(config: StoreLocation): Database.Database {
  const file =
    config.store === 'embedded'
      ? embeddedStoreFile(config.dataDir)
      : config.store === 'memory'
        ? ':memory:'
        : join(config.dataDir, 'projections.sqlite');
  return openSqliteFile(file);
}
