import { createLedger } from '../../src/app/ledger';
import { createMemoryStore } from '../../src/eventstore/memory';
import {
  importSiskeudes,
  type SiskeudesImportRequest,
} from '../../src/import/siskeudes/import-siskeudes';
import { openRegency } from '../support/realistic-village';
import { TEST_ACTOR } from '../support/decider-specification';
import { siskeudesZip, twoVillageTables } from './support/siskeudes-zip';

const VILLAGE = '35.10.01.2001';

async function setUp() {
  const store = createMemoryStore();
  const ledger = createLedger({ store });
  await openRegency(ledger);
  return { store, ledger };
}

const request = (bytes: Buffer): SiskeudesImportRequest => ({
  bytes,
  fileName: 'desa-2025.zip',
  villageCode: VILLAGE,
  fiscalYear: 2025,
  actor: TEST_ACTOR,
  now: new Date('2026-01-05T08:00:00Z'),
});

describe('Siskeudes import', () => {
  it('imports the village-year of a two-village file', async () => {
    const { store, ledger } = await setUp();
    const outcome = await importSiskeudes(
      { store, ledger },
      request(await siskeudesZip(twoVillageTables())),
    );
    expect(outcome).toMatchObject({ status: 'imported' });
  });
});
