import * as events from './001-events';
import * as projections from './002-projections';

export interface SqliteMigration {
  /** Schema version after this migration; PRAGMA user_version records it. */
  version: number;
  name: string;
  up: string;
}

/** Every schema migration of the embedded store, in order. Never edit one that has shipped; add the next. */
export const sqliteMigrations: SqliteMigration[] = [
  { version: 1, name: '001-events', up: events.up },
  { version: 2, name: '002-projections', up: projections.up },
];
