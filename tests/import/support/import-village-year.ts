import { createLedger } from '../../../src/app/ledger';
import { ReferenceCatalog } from '../../../src/app/load-reference-data';
import { createMemoryStore } from '../../../src/eventstore/memory';
import {
  importSiskeudes,
  type SiskeudesImportRequest,
} from '../../../src/import/siskeudes/import-siskeudes';
import { TEST_ACTOR } from '../../support/decider-specification';
import { openRegency } from '../../support/realistic-village';
import { siskeudesZip, type FixtureTables } from './siskeudes-zip';

export const VILLAGE = '35.10.01.2001';
export const STREAM = `village-${VILLAGE}-2025`;

/** The import request of village 35.10.01.2001's 2025 from a file's bytes. */
export const importRequest = (bytes: Buffer): SiskeudesImportRequest => ({
  bytes,
  fileName: 'desa-2025.zip',
  villageCode: VILLAGE,
  fiscalYear: 2025,
  actor: TEST_ACTOR,
  now: new Date('2026-01-05T08:00:00Z'),
});

/** A regency opened in a fresh memory store, and an import of the tables into it that must not be refused. */
export async function importVillageYear(tables: FixtureTables) {
  const store = createMemoryStore();
  const reference = new ReferenceCatalog();
  const ledger = createLedger({ store, reference });
  await openRegency(ledger);
  const bytes = await siskeudesZip(tables);
  const run = () => importSiskeudes({ store, ledger, reference }, importRequest(bytes));
  const outcome = await run();
  if (outcome.status === 'refused') throw new Error(JSON.stringify(outcome.problems));
  return { outcome, store, ledger, reference, run };
}
