import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createEmbeddedStore } from '../../src/eventstore/embedded';
import { createEventStoreDbStore } from '../../src/eventstore/eventstoredb';
import {
  MigrationConflictError,
  migrateStore,
  type MigrationProgress,
} from '../../src/eventstore/migrate-store';
import { verifyMigration } from '../../src/eventstore/migrate-store-verify';
import { embeddedStoreFile } from '../../src/eventstore/store-location';
import type { EventData, EventStore, RecordedEvent } from '../../src/eventstore/port';
import { verifyAllStreams } from '../../src/eventstore/verify-stream';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb-test-server';
import { tempDir } from '../support/temp-dir';

const ROOT = join(__dirname, '..', '..');
const STREAM_COUNT = 20;
/** One stream gets a single append longer than a migration batch, so the copy must split it. */
const LONG_STREAM = 'village-35.10.01.2099-2025';
const LONG_STREAM_EVENTS = 620;
const UNICODE_STREAM = 'proyek-jalan-ꦧꦚꦸꦮꦔꦶ-Ñusa';

function streamName(index: number): string {
  if (index === 0) return UNICODE_STREAM;
  return `village-35.10.01.${2000 + index}-2025`;
}

function demoEvent(stream: string, index: number): EventData {
  return {
    id: randomUUID(),
    type: index % 3 === 0 ? 'PaymentRecorded' : 'ReceiptRecorded',
    data: {
      amount: `${(index + 1) * 125000}.00`,
      description: `Honor Kaur Keuangan — ${stream} #${index} ✓ ꦱꦼꦏꦂ 🌾`,
      lines: [{ code: '5.1.1.01', note: 'Dana Desa tahap I' }],
    },
    metadata: {
      schemaVersion: 1,
      commandId: randomUUID(),
      actor: { id: 'u-1', role: 'treasurer', displayName: 'Siti Ñurhaliza' },
    },
  };
}

/** A demo-sized store: a few hundred events over twenty interleaved streams, many appends of several events. */
async function buildDemoStore(file: string): Promise<number> {
  const store = withHashChain(createEmbeddedStore({ file }));
  let count = 0;
  for (let step = 0; step < 130; step++) {
    const stream = streamName((step * 7) % STREAM_COUNT);
    const events = Array.from({ length: 1 + (step % 4) }, (_, i) => demoEvent(stream, count + i));
    await store.append(stream, events, 'any');
    count += events.length;
  }
  const long = Array.from({ length: LONG_STREAM_EVENTS }, (_, i) => demoEvent(LONG_STREAM, i));
  await store.append(LONG_STREAM, long, 'no_stream');
  await store.append(streamName(3), [demoEvent(streamName(3), 9999)], 'any');
  await store.close();
  return count + LONG_STREAM_EVENTS + 1;
}

async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: all[all.length - 1]?.position, maxCount: 500 });
    all.push(...page);
    if (page.length < 500) return all;
  }
}

/** What must survive the migration unchanged; positions and recorded times are the target's own. */
function content(events: RecordedEvent[]) {
  return events.map(({ streamId, revision, id, type, data, metadata }) => ({
    streamId,
    revision,
    id,
    type,
    data,
    metadata,
  }));
}

async function streamsOf(store: EventStore): Promise<Set<string>> {
  return new Set((await readEverything(store)).map((event) => event.streamId));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

describe('migrate-store: embedded store into EventStoreDB (test server)', () => {
  const folder = tempDir('kasdesa-migrate-');
  const sourceFile = embeddedStoreFile(folder.dir);
  let total: number;
  let source: EventStore;
  let sourceEvents: RecordedEvent[];
  let server: EsdbTestServer;
  let target: EventStore;

  beforeAll(async () => {
    total = await buildDemoStore(sourceFile);
    source = createEmbeddedStore({ file: sourceFile });
    sourceEvents = await readEverything(source);
  });
  afterAll(async () => {
    await source.close();
    folder.remove();
  });
  beforeEach(async () => {
    server = await startEsdbTestServer();
    target = createEventStoreDbStore(server.url);
  });
  afterEach(async () => {
    await target.close();
    await server.stop();
  });

  test('the demo store is what the cases below assume', () => {
    expect(sourceEvents).toHaveLength(total);
    expect(new Set(sourceEvents.map((e) => e.streamId)).size).toBe(STREAM_COUNT + 1);
    expect(total).toBeGreaterThan(900);
  });

  test('copies every event with its id, stream, revision, type, data and metadata, in $all order', async () => {
    const summary = await migrateStore(source, target);

    expect(summary).toMatchObject({ total, processed: total, copied: total, skipped: 0 });
    expect(content(await readEverything(target))).toEqual(content(sourceEvents));
    for (const stream of await streamsOf(source)) {
      expect(content(await target.readStream(stream))).toEqual(
        content(await source.readStream(stream)),
      );
    }
  });

  test('the hash chain verifies on the target unchanged', async () => {
    const summary = await migrateStore(source, target, { pageSize: 7 });

    const { results, mismatches } = await verifyMigration(target, summary.streams);
    expect(mismatches).toEqual([]);
    expect(results).toHaveLength(STREAM_COUNT + 1);
    expect((await verifyAllStreams(target)).every((result) => result.ok)).toBe(true);
    const sourceHeads = (await verifyAllStreams(source)).map((r) => r.ok && [r.stream, r.headHash]);
    const targetHeads = results.map((r) => r.ok && [r.stream, r.headHash]);
    expect(new Map(targetHeads as [string, string][])).toEqual(
      new Map(sourceHeads as [string, string][]),
    );
  });

  test('reports progress up to the total, and splits a long run into several appends', async () => {
    const updates: MigrationProgress[] = [];
    await migrateStore(source, target, { total, onProgress: (p) => updates.push(p) });

    expect(updates[updates.length - 1]).toEqual({
      processed: total,
      copied: total,
      skipped: 0,
      total,
    });
    const processed = updates.map((u) => u.processed);
    expect(processed).toEqual([...processed].sort((a, b) => a - b));
    const longRunSteps = updates.filter(
      (u, i) => i > 0 && u.processed - updates[i - 1]!.processed === 500,
    );
    expect(longRunSteps.length).toBeGreaterThanOrEqual(1);
  });

  test('an interrupted migration resumes where it stopped, without duplicates', async () => {
    const abort = new AbortController();
    const stopAfter = 150;
    const interrupted = await rejection(
      migrateStore(source, target, {
        pageSize: 64,
        signal: abort.signal,
        onProgress: (p) => p.copied >= stopAfter && abort.abort(new Error('stopped by the test')),
      }),
    );
    expect(interrupted).toEqual(new Error('stopped by the test'));
    const copiedBefore = (await readEverything(target)).length;
    expect(copiedBefore).toBeGreaterThanOrEqual(stopAfter);
    expect(copiedBefore).toBeLessThan(total);

    const resumed = await migrateStore(source, target, { pageSize: 64 });

    expect(resumed).toMatchObject({
      skipped: copiedBefore,
      copied: total - copiedBefore,
      processed: total,
    });
    expect(content(await readEverything(target))).toEqual(content(sourceEvents));
    expect((await verifyMigration(target, resumed.streams)).mismatches).toEqual([]);
  });

  test('running it again on a complete target copies nothing', async () => {
    await migrateStore(source, target);
    const again = await migrateStore(source, target);
    expect(again).toMatchObject({ copied: 0, skipped: total });
    expect(await readEverything(target)).toHaveLength(total);
  });

  test('a conflicting event on the target is named, and nothing further is written to that stream', async () => {
    const stream = streamName(3);
    const [first, second] = await source.readStream(stream, { maxCount: 2 });
    const foreign = demoEvent(stream, -1);
    await target.append(
      stream,
      [first!, second!].map(({ id, type, data, metadata }) => ({ id, type, data, metadata })),
      'no_stream',
    );
    await target.append(stream, [foreign], 1n);

    const error = await rejection(migrateStore(source, target));

    expect(error).toBeInstanceOf(MigrationConflictError);
    const sourceThird = (await source.readStream(stream, { fromRevision: 2n, maxCount: 1 }))[0]!;
    expect(error).toMatchObject({ stream, revision: 2n, sourceEventId: sourceThird.id });
    expect((error as Error).message).toContain(foreign.id);
    expect((error as Error).message).toContain(`"${stream}"`);
    expect((await target.readStream(stream)).map((e) => e.id)).toEqual([
      first!.id,
      second!.id,
      foreign.id,
    ]);
  });

  test('another writer appending to a target stream during the copy stops it at that stream', async () => {
    const stream = streamName(7);
    const foreign = demoEvent(stream, -2);
    let raced = false;
    const racing: EventStore = {
      ...target,
      async append(name, events, expected) {
        if (name === stream && !raced) {
          raced = true;
          await target.append(name, [foreign], 'any');
        }
        return target.append(name, events, expected);
      },
    };

    const error = await rejection(migrateStore(source, racing));

    expect(error).toBeInstanceOf(MigrationConflictError);
    expect(error).toMatchObject({ stream, revision: 0n });
    expect((error as Error).message).toContain('another writer changed the target stream');
    expect((await target.readStream(stream)).map((e) => e.id)).toEqual([foreign.id]);
  });

  test('verification names a target stream that holds more than the source', async () => {
    const summary = await migrateStore(source, target);
    await target.append(streamName(5), [demoEvent(streamName(5), 1)], 'stream_exists');

    const { mismatches } = await verifyMigration(target, summary.streams);

    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]!.stream).toBe(streamName(5));
  });

  test('a tampered source event is copied as it is, so the target still names the broken link', async () => {
    const tampered = tempDir('kasdesa-tampered-');
    try {
      const file = join(tampered.dir, 'kasdesa.sqlite');
      const chained = withHashChain(createEmbeddedStore({ file }));
      await chained.append(
        'village-35.10.01.2001-2025',
        [1, 2, 3].map((i) => demoEvent('v', i)),
        'no_stream',
      );
      await chained.close();
      const raw = createEmbeddedStore({ file });
      raw.db
        .prepare(`UPDATE events SET data = json_set(data, '$.amount', '1.00') WHERE revision = 1`)
        .run();

      const summary = await migrateStore(raw, target);
      await raw.close();

      const { mismatches } = await verifyMigration(target, summary.streams);
      expect(mismatches).toEqual([
        { stream: 'village-35.10.01.2001-2025', reason: expect.stringContaining('revisi 1') },
      ]);
    } finally {
      tampered.remove();
    }
  });

  test('the CLI command migrates the configured store end to end, and resumes as a no-op', async () => {
    const first = await runCli(['migrate-store', '--to', server.url], folder.dir);
    expect(first.stderr).not.toContain('Error');
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain(`Migrasi selesai / migration finished: ${total} disalin`);
    expect(first.stdout).toContain(
      `${STREAM_COUNT + 1} aliran diperiksa / streams checked, 0 tidak cocok`,
    );
    expect(first.stderr).toContain(`${total}/${total} peristiwa / events`);

    const second = await runCli(
      ['migrate-store', '--to', server.url, '--from-file', sourceFile],
      folder.dir,
    );
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`0 disalin / copied, ${total} sudah ada / already there`);
    expect(await readEverything(target)).toHaveLength(total);
    // Two CLI processes, each starting TypeScript: as long as the other CLI tests allow.
  }, 120_000);

  test('the CLI command refuses a source file that does not exist', async () => {
    const result = await runCli(
      ['migrate-store', '--to', server.url, '--from-file', join(folder.dir, 'nope.sqlite')],
      folder.dir,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('source store file not found');
  });
});

function runCli(
  args: string[],
  dataDir: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { EVENTSTORE_URL: _unused, ...env } = process.env;
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'kasdesa'), ...args], {
      cwd: ROOT,
      env: { ...env, KASDESA_STORE: 'embedded', KASDESA_DATA_DIR: dataDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
