import type Database from 'better-sqlite3';

export interface SavedProjection {
  version: number;
  /** Last applied position; undefined before the first event. */
  position: bigint | undefined;
  state: unknown;
}

/**
 * Where projections keep state and checkpoint: the embedded store's own
 * database, or a local SQLite file beside the app when events live in
 * EventStoreDB. State and checkpoint are written in one transaction.
 */
export class CheckpointStore {
  private readonly select: Database.Statement<
    [string],
    { version: number; position: bigint | null; state: string }
  >;
  private readonly upsert: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.select = db.prepare<[string], { version: number; position: bigint | null; state: string }>(
      'SELECT version, position, state FROM projection_state WHERE name = ?',
    );
    this.select.safeIntegers(true);
    this.upsert = db.prepare(
      `INSERT INTO projection_state (name, version, position, state, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position,
         state = excluded.state, updated_at = excluded.updated_at`,
    );
  }

  load(name: string): SavedProjection | undefined {
    const row = this.select.get(name);
    if (!row) return undefined;
    return {
      version: Number(row.version),
      position: row.position ?? undefined,
      state: JSON.parse(row.state),
    };
  }

  /** Runs `work` in one transaction: every save inside it lands together or not at all. */
  transaction(work: () => void): void {
    this.db.transaction(work).immediate();
  }

  save(name: string, saved: SavedProjection): void {
    this.upsert.run(
      name,
      saved.version,
      saved.position ?? null,
      JSON.stringify(saved.state),
      this.clock().toISOString(),
    );
  }
}
