import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createEmbeddedStore } from '../../src/eventstore/embedded';
import { StoreUnavailableError } from '../../src/eventstore/errors';
import { verifyStream } from '../../src/eventstore/verify-stream';
import { STORE_FILE_DAMAGES, writeStoreFile } from '../support/damage-store-file';
import { tempDir } from '../support/temp-dir';

const bulky = () => ({
  id: randomUUID(),
  type: 'EvidenceAttached',
  data: { scan: 'x'.repeat(100_000) },
  metadata: {},
});

function mount(dir: string, options: string): boolean {
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status === 0;
}
function remount(dir: string, options: string): void {
  const result = spawnSync('mount', ['-o', `remount,${options}`, dir], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`remount ${options} failed: ${result.stderr}`);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

// A small tmpfs is a real full disk; where this machine may not mount one, SQLite's own page limit stands in.
const temp = tempDir();
const canMount = mount(temp.dir, 'size=2m');
if (canMount) spawnSync('umount', [temp.dir]);
else
  console.warn(
    'storage faults: cannot mount tmpfs here (not root?); simulating with PRAGMA max_page_count / query_only',
  );
afterAll(() => temp.remove());

describe('storage faults on the embedded store', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(temp.dir, randomUUID());
    spawnSync('mkdir', ['-p', dir]);
    if (canMount) expect(mount(dir, 'size=2m')).toBe(true);
  });
  afterEach(() => {
    if (canMount) spawnSync('umount', ['-l', dir]);
  });

  test('a full disk refuses the append with a clear error, keeps everything acknowledged, and recovers', async () => {
    const file = join(dir, 'kasdesa.sqlite');
    const embedded = createEmbeddedStore({ file });
    if (!canMount) embedded.db.pragma('max_page_count = 400');
    const store = withHashChain(embedded);
    let acknowledged = 0;
    let failure: unknown;
    for (let i = 0; i < 200 && !failure; i++) {
      try {
        await store.append('village-35.10.01.2001-2025', [bulky()], 'any');
        acknowledged += 1;
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect((failure as Error).message).toContain(file);
    expect(acknowledged).toBeGreaterThan(0);
    expect(await store.streamRevision('village-35.10.01.2001-2025')).toBe(BigInt(acknowledged - 1));
    expect(await verifyStream(store, 'village-35.10.01.2001-2025')).toMatchObject({
      ok: true,
      events: acknowledged,
    });

    if (canMount) remount(dir, 'size=64m');
    else embedded.db.pragma('max_page_count = 1000000');
    await store.append('village-35.10.01.2001-2025', [bulky()], BigInt(acknowledged - 1));
    expect(await verifyStream(store, 'village-35.10.01.2001-2025')).toMatchObject({
      ok: true,
      events: acknowledged + 1,
    });
    await store.close();
  });

  test('a read-only data directory refuses writes clearly, still reads, and recovers', async () => {
    const file = join(dir, 'kasdesa.sqlite');
    const embedded = createEmbeddedStore({ file });
    const store = withHashChain(embedded);
    await store.append('village-a', [bulky()], 'no_stream');
    // A mount with open files cannot be remounted read-only, so a running store meets it as SQLite's query_only.
    embedded.db.pragma('query_only = 1');
    const failure = await rejection(store.append('village-a', [bulky()], 0n));
    expect(failure).toBeInstanceOf(StoreUnavailableError);
    expect(await store.readStream('village-a')).toHaveLength(1);
    embedded.db.pragma('query_only = 0');
    await store.append('village-a', [bulky()], 0n);
    expect(await verifyStream(store, 'village-a')).toMatchObject({ ok: true, events: 2 });
    await store.close();
  });

  (canMount ? test : test.skip)(
    'starting on a read-only data directory fails, naming the file (needs a tmpfs mount)',
    () => {
      remount(dir, 'ro');
      const file = join(dir, 'kasdesa.sqlite');
      expect(() => createEmbeddedStore({ file })).toThrow(StoreUnavailableError);
      expect(() => createEmbeddedStore({ file })).toThrow(file);
    },
  );
});

describe('a damaged store file at start', () => {
  let file: string;
  beforeEach(async () => {
    file = join(temp.dir, `${randomUUID()}.sqlite`);
    await writeStoreFile(file);
  });

  test.each(STORE_FILE_DAMAGES)(
    'a file %s is refused, naming it, never started empty',
    (_, damage) => {
      damage(file);
      expect(() => createEmbeddedStore({ file })).toThrow(StoreUnavailableError);
      expect(() => createEmbeddedStore({ file })).toThrow(file);
    },
  );
});
