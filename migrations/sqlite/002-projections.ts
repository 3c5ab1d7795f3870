/**
 * Projection state and checkpoint, one row per projection, written in one
 * transaction so state and checkpoint never disagree.
 */
export const up = `
CREATE TABLE projection_state (
  name       TEXT    PRIMARY KEY,
  version    INTEGER NOT NULL,
  position   INTEGER,
  state      TEXT    NOT NULL,
  updated_at TEXT    NOT NULL
) WITHOUT ROWID;
`;
