import type Database from 'better-sqlite3';
import { sqliteMigrations, type SqliteMigration } from '../../migrations/sqlite';

/** Brings the schema up to the newest migration, each step in its own transaction. */
export function migrateSqlite(
  db: Database.Database,
  migrations: SqliteMigration[] = sqliteMigrations,
): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const newest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > newest) {
    throw new Error(
      `Basis data lebih baru dari aplikasi (skema ${current} > ${newest}) / ` +
        `database schema ${current} is newer than this application knows (${newest})`,
    );
  }
  for (const migration of migrations.filter((m) => m.version > current)) {
    db.transaction(() => {
      db.exec(migration.up);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return newest;
}
