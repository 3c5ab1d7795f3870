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
 * EventStoreDB. State and checkpoint are written in one transaction. A
 * state kept in parts has one more row per part, named `projection/part`.
 */
export class CheckpointStore {
  private readonly select: Database.Statement<
    [string],
    { version: number; position: bigint | null; state: string }
  >;
  private readonly upsert: Database.Statement;
  private readonly selectParts: Database.Statement<
    [string, string],
    { name: string; state: string }
  >;
  private readonly deletePart: Database.Statement<[string]>;
  private readonly deleteParts: Database.Statement<[string, string]>;

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
    this.selectParts = db.prepare(
      'SELECT name, state FROM projection_state WHERE name > ? AND name < ? ORDER BY name',
    );
    this.deletePart = db.prepare('DELETE FROM projection_state WHERE name = ?');
    this.deleteParts = db.prepare('DELETE FROM projection_state WHERE name > ? AND name < ?');
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

  /** Every part of a projection's state, by part name. */
  loadParts(name: string): [string, unknown][] {
    const prefix = `${name}/`;
    return this.selectParts
      .all(...partRange(name))
      .map((row) => [row.name.slice(prefix.length), JSON.parse(row.state)]);
  }

  /** Writes one part (undefined: removes it). */
  savePart(name: string, version: number, part: string, data: unknown): void {
    if (data === undefined) this.deletePart.run(`${name}/${part}`);
    else this.save(`${name}/${part}`, { version, position: undefined, state: data });
  }

  /** Removes every part: a state rebuilt from zero writes its own. */
  removeParts(name: string): void {
    this.deleteParts.run(...partRange(name));
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

/** Names strictly between `name/` and `name0` (the character after '/'): the parts of a state. */
const partRange = (name: string): [string, string] => [`${name}/`, `${name}0`];
