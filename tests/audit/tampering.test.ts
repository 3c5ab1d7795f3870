import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { anchorStreamHeads } from '../../src/audit/anchoring';
import { verifyLedger } from '../../src/audit/verify-ledger';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createEmbeddedStore } from '../../src/eventstore/embedded';
import { sealEvents, GENESIS_HASH } from '../../src/eventstore/hash-chain';
import { tempDir } from '../support/temp-dir';

const TARGET = 'village-35.10.01.2001-2025';
const OTHER = 'village-35.10.01.2002-2025';
const actor = { id: 'u-auditor-test', role: 'administrator', displayName: 'Test' };

const payment = (amount: string) => ({
  id: randomUUID(),
  type: 'PaymentRecorded',
  data: { amount },
  metadata: { actor },
});

interface Row {
  position: number;
  stream_id: string;
  revision: number;
  id: string;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

describe('tampering with the embedded file is detected and named', () => {
  let temp: ReturnType<typeof tempDir>;
  let file: string;

  beforeEach(async () => {
    temp = tempDir();
    file = join(temp.dir, 'kasdesa.sqlite');
    const store = withHashChain(createEmbeddedStore({ file }));
    await store.append(
      TARGET,
      ['100000.00', '250000.00', '75000.00', '5000.00', '1.00'].map(payment),
      'no_stream',
    );
    await store.append(OTHER, ['1.00', '2.00', '3.00'].map(payment), 'no_stream');
    await anchorStreamHeads(store, { regencyCode: '35.10', actor });
    // Legitimate growth after the anchor must not count as tampering.
    await store.append(TARGET, [payment('9.00')], 4n);
    expect((await verifyLedger(store)).ok).toBe(true);
    await store.close();
  });
  afterEach(() => temp.remove());

  function tamper(edit: (db: Database.Database, rows: Row[]) => void): void {
    const db = new Database(file);
    const rows = db
      .prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY revision')
      .all(TARGET) as Row[];
    db.transaction(() => edit(db, rows))();
    db.close();
  }

  async function verification() {
    const store = createEmbeddedStore({ file });
    try {
      return await verifyLedger(store);
    } finally {
      await store.close();
    }
  }

  function brokenTarget(result: Awaited<ReturnType<typeof verification>>) {
    expect(result.ok).toBe(false);
    expect(result.streams.find((s) => s.stream === OTHER)).toMatchObject({ ok: true });
    return result.streams.find((s) => s.stream === TARGET);
  }

  test('a changed amount', async () => {
    let changed = '';
    tamper((db, rows) => {
      changed = rows[1]!.id;
      db.prepare(
        "UPDATE events SET data = json_set(data, '$.amount', '2500000.00') WHERE id = ?",
      ).run(changed);
    });
    const target = brokenTarget(await verification());
    expect(target).toMatchObject({ ok: false, broken: { revision: 1n, eventId: changed } });
    expect(target!.ok || target!.broken.reason).toMatch(/hash/);
  });

  test('a deleted event', async () => {
    let next = '';
    tamper((db, rows) => {
      db.prepare('DELETE FROM events WHERE id = ?').run(rows[2]!.id);
      next = rows[3]!.id;
    });
    const target = brokenTarget(await verification());
    expect(target).toMatchObject({ ok: false, broken: { revision: 3n, eventId: next } });
    expect(target!.ok || target!.broken.reason).toMatch(/gap/);
  });

  test('two swapped events', async () => {
    let first = '';
    tamper((db, rows) => {
      const [a, b] = [rows[1]!, rows[2]!];
      const swap = db.prepare(
        'UPDATE events SET id = ?, data = ?, metadata = ? WHERE position = ?',
      );
      swap.run(`${b.id}-tmp`, b.data, b.metadata, a.position);
      swap.run(a.id, a.data, a.metadata, b.position);
      db.prepare('UPDATE events SET id = ? WHERE position = ?').run(b.id, a.position);
      first = b.id;
    });
    const target = brokenTarget(await verification());
    expect(target).toMatchObject({ ok: false, broken: { revision: 1n, eventId: first } });
  });

  test('a forged event inserted with a correctly computed hash', async () => {
    let displaced = '';
    tamper((db, rows) => {
      const previous = rows[1]!;
      const prevHash = JSON.parse(previous.metadata).hash as string;
      const { sealed } = sealEvents(TARGET, 2n, prevHash, [payment('99000000.00')]);
      const forged = sealed[0]!;
      // Make room at revision 2 by moving every later row up one revision.
      for (const row of [...rows.slice(2)].reverse()) {
        db.prepare('UPDATE events SET revision = revision + 1 WHERE position = ?').run(
          row.position,
        );
      }
      db.prepare(
        'INSERT INTO events (stream_id, revision, id, type, data, metadata, recorded_at) VALUES (?, 2, ?, ?, ?, ?, ?)',
      ).run(
        TARGET,
        forged.id,
        forged.type,
        JSON.stringify(forged.data),
        JSON.stringify(forged.metadata),
        previous.recorded_at,
      );
      displaced = rows[2]!.id;
    });
    const target = brokenTarget(await verification());
    // The forged event itself is a valid link; the chain breaks at the event it displaced.
    expect(target).toMatchObject({ ok: false, broken: { eventId: displaced } });
  });

  test('a whole stream rewritten with a consistent new chain is caught by the anchor', async () => {
    tamper((db, rows) => {
      const rewritten = rows.map((row) => ({
        id: row.id,
        type: row.type,
        data: JSON.parse(row.data),
        metadata: { actor },
      }));
      rewritten[1]!.data = { amount: '1.00' };
      const { sealed } = sealEvents(TARGET, 0n, GENESIS_HASH, rewritten);
      db.prepare('DELETE FROM events WHERE stream_id = ?').run(TARGET);
      const insert = db.prepare(
        'INSERT INTO events (stream_id, revision, id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      sealed.forEach((event, revision) =>
        insert.run(
          TARGET,
          revision,
          event.id,
          event.type,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          rows[revision]!.recorded_at,
        ),
      );
    });
    const result = await verification();
    expect(result.streams.find((s) => s.stream === TARGET)).toMatchObject({ ok: true });
    expect(result.ok).toBe(false);
    expect(result.anchorMismatches).toEqual([
      { stream: TARGET, revision: 4n, reason: expect.stringMatching(/rewritten/) },
    ]);
  });
});
