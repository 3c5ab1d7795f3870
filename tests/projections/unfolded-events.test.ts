import { join } from 'node:path';
import { createLedger, type Ledger } from '../../src/app/ledger';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createEmbeddedStore, streamRangeReader } from '../../src/eventstore/embedded';
import type { EventStore } from '../../src/eventstore/port';
import { openSqliteFile } from '../../src/eventstore/sqlite-file';
import { receiptCommand, reverseEntryCommand } from '../../src/scenario/execution-commands';
import { CheckpointStore } from '../../projections/engine/checkpoint-store';
import { ProjectionEngine } from '../../projections/engine/projection-engine';
import { storedEvents } from '../../projections/folds/unfolded-events';
import type { UnfoldedEventsOf } from '../../projections/folds/village-books';
import {
  villageLedgerProjection,
  type VillageLedgerState,
} from '../../projections/read-models/village-ledger';
import { openRegency, realisticVillage } from '../support/realistic-village';
import { runDrafts } from '../support/scenario-driver';
import { tempDir } from '../support/temp-dir';
import { VILLAGE, YEAR } from '../support/village-fixtures';

const padReceipt = (receiptId: string) =>
  receiptCommand({
    receiptId,
    date: `${YEAR}-12-20`,
    account: '4.1.2.01',
    source: 'PAD',
    amount: '1000.00',
    payer: 'Penyewa tanah kas desa',
  });

/**
 * The ledger's books fold on first read what they put off: kept in memory
 * (the default) or read back from the embedded store. Over the realistic
 * village's year, with a reversal that folds the books in the middle of the
 * catch-up, both give the same read model, also for events added after
 * a first fold.
 */
describe('village books reading their unfolded events back from the store', () => {
  const temp = tempDir();
  let store: EventStore & { db: ReturnType<typeof openSqliteFile> };
  let ledger: Ledger;
  const engines: ProjectionEngine[] = [];

  async function ledgerEngine(name: string, unfoldedOf?: UnfoldedEventsOf) {
    const projection = villageLedgerProjection(unfoldedOf);
    const engine = new ProjectionEngine(
      store,
      new CheckpointStore(openSqliteFile(join(temp.dir, `${name}.sqlite`))),
      [projection as never],
    );
    engines.push(engine);
    await engine.start();
    return {
      engine,
      serialized: () => projection.serialize(engine.state(projection) as VillageLedgerState),
    };
  }

  beforeAll(async () => {
    const inner = createEmbeddedStore({ file: join(temp.dir, 'events.sqlite') });
    store = Object.assign(withHashChain(inner), { db: inner.db });
    ledger = createLedger({ store });
    await openRegency(ledger);
    await realisticVillage(ledger, VILLAGE);
    await runDrafts(ledger, VILLAGE, 'village', 'year', [
      padReceipt('TBP-PAD-1'),
      reverseEntryCommand('REV-PAD-1', 'TBP-PAD-1', `${YEAR}-12-21`, 'Salah ketik'),
    ]);
  }, 120_000);

  afterAll(async () => {
    for (const engine of engines) await engine.stop();
    await store.close();
    temp.remove();
  });

  test('a rebuild folds to the same books and journal, and so do events added after a fold', async () => {
    const kept = await ledgerEngine('kept');
    const stored = await ledgerEngine('stored', storedEvents(streamRangeReader(store.db)));
    expect(stored.serialized()).toEqual(kept.serialized());

    const [outcome] = await runDrafts(ledger, VILLAGE, 'village', 'year', [
      padReceipt('TBP-PAD-AFTER-FOLD'),
    ]);
    await kept.engine.waitForPosition(outcome!.position);
    await stored.engine.waitForPosition(outcome!.position);
    const after = stored.serialized() as { streams: Record<string, { journal: unknown[] }> };
    expect(after).toEqual(kept.serialized());
    expect(
      after.streams[`village-${VILLAGE}-${YEAR}`]!.journal.map(
        (entry) => (entry as { entryId: string }).entryId,
      ),
    ).toContain('TBP-PAD-AFTER-FOLD');
  });
});
