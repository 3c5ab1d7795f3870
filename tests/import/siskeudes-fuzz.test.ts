import { createLedger } from '../../src/app/ledger';
import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { DomainError } from '../../src/domain/shared/domain-error';
import { createMemoryStore } from '../../src/eventstore/memory';
import { importSiskeudes } from '../../src/import/siskeudes/import-siskeudes';
import { seededRandom } from '../../src/scenario/random';
import { TEST_ACTOR } from '../support/decider-specification';
import { openRegency } from '../support/realistic-village';
import { siskeudesZip, twoVillageTables, type FixtureTables } from './support/siskeudes-zip';

const BAD_VALUES = [
  '',
  'abc',
  '-5',
  '1e5',
  '12/40/2025',
  '2025-13-01',
  '"',
  '\n',
  '9'.repeat(20),
  '1.23456',
];

/** A broken copy of the fixture: truncated bytes, a bad value in a random cell, or a renamed column. */
async function brokenFiles(seed: number, count: number): Promise<[string, Buffer][]> {
  const random = seededRandom(seed);
  const whole = await siskeudesZip(twoVillageTables());
  const files: [string, Buffer][] = [];
  for (let n = 0; n < count; n += 1) {
    const tables: FixtureTables = twoVillageTables();
    const name = random.pick(Object.keys(tables));
    const rows = tables[name]!;
    const column = random.pick(Object.keys(rows[0]!));
    const kind = random.below(3);
    if (kind === 0) {
      const length = random.below(whole.length);
      files.push([`truncated at ${length}`, whole.subarray(0, length)]);
      continue;
    }
    if (kind === 1) {
      const value = random.pick(BAD_VALUES);
      random.pick(rows)[column] = value;
      files.push([`${name}.${column} = ${JSON.stringify(value)}`, await siskeudesZip(tables)]);
      continue;
    }
    tables[name] = rows.map(({ [column]: value, ...row }) => ({ ...row, [`X_${column}`]: value! }));
    files.push([`${name}.${column} renamed`, await siskeudesZip(tables)]);
  }
  return files;
}

describe('broken Siskeudes files', () => {
  it('are each refused with named problems, or imported whole; never a crash, never a partial write', async () => {
    const statuses: string[] = [];
    for (const [what, bytes] of await brokenFiles(20, 60)) {
      const store = createMemoryStore();
      const reference = new ReferenceCatalog();
      const ledger = createLedger({ store, reference });
      await openRegency(ledger);
      const before = await store.headPosition();
      const outcome = await importSiskeudes(
        { store, ledger, reference },
        {
          bytes,
          fileName: 'rusak.zip',
          villageCode: '35.10.01.2001',
          fiscalYear: 2025,
          actor: TEST_ACTOR,
          now: new Date('2026-01-05T08:00:00Z'),
        },
      ).catch((error: unknown) => {
        // A user's file may only be refused by a rule, never fail the server.
        expect([what, error]).toEqual([what, expect.any(DomainError)]);
        return undefined;
      });
      statuses.push(outcome?.status ?? 'conflict');
      if (outcome?.status === 'imported') {
        expect([what, (await store.readStream('village-35.10.01.2001-2025')).length]).toEqual([
          what,
          // The imported events, the batch record and the reconciliation record.
          outcome.eventCount + 2,
        ]);
        continue;
      }
      expect([what, await store.headPosition()]).toEqual([what, before]);
      if (outcome?.status === 'refused')
        for (const problem of outcome.problems)
          expect(problem).toEqual({
            table: expect.any(String),
            row: expect.any(Number),
            column: expect.any(String),
            value: expect.any(String),
            rule: expect.stringMatching(/^[A-Z_]+$/),
            messages: { id: expect.any(String), en: expect.any(String) },
          });
    }
    // Some changes are harmless (a memo, the other village's name); most must be refused.
    expect(statuses.filter((status) => status === 'refused').length).toBeGreaterThan(40);
  }, 120_000);
});
