import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorStreamHeads } from '../../src/audit/anchoring';
import {
  bundleHash,
  BUNDLE_HASH_FILE,
  MANIFEST_FILE,
  sha256,
  streamFile,
  type EvidenceManifest,
} from '../../src/audit/evidence-manifest';
import { evidenceArchive, unpackEvidenceArchive } from '../../src/audit/evidence-archive';
import { exportEvidence, folderSink } from '../../src/audit/export-evidence';
import { verifyEvidence } from '../../src/audit/verify-evidence';
import { DEFAULT_REFERENCE_ROOT } from '../../src/app/load-reference-data';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createEmbeddedStore } from '../../src/eventstore/embedded';
import { GENESIS_HASH, sealEvents } from '../../src/eventstore/hash-chain';
import { embeddedStoreFile } from '../../src/eventstore/store-location';
import type { EventStore } from '../../src/eventstore/port';
import {
  EVIDENCE_ARCHIVE_UNPACKED_MAX_BYTES,
  EVIDENCE_BUNDLE_MAX_BYTES,
  EVIDENCE_EXPORT_MAX_MS,
} from '../../src/limits';
import { tempDir } from '../support/temp-dir';

const VILLAGE = 'village-35.10.01.2001-2025';
const actor = { id: 'u-1', role: 'treasurer', displayName: 'Siti Aminah' };
const receipt = (amount: string) => ({
  id: randomUUID(),
  type: 'ReceiptRecorded',
  data: { amount },
  metadata: { actor },
});

async function seed(store: EventStore): Promise<void> {
  await store.append(VILLAGE, ['1000.00', '2000.00', '3000.00'].map(receipt), 'no_stream');
  await store.append('village-35.10.01.2002-2025', [receipt('5.00')], 'no_stream');
  await store.append('regency-35.10-2025', [receipt('7.00')], 'no_stream');
  await store.append('village-35.10.01.2001-2024', [receipt('8.00')], 'no_stream');
  await anchorStreamHeads(store, { regencyCode: '35.10', actor });
}

describe('evidence bundle', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: EventStore;
  let folder: string;

  beforeEach(async () => {
    temp = tempDir();
    store = withHashChain(createEmbeddedStore({ file: embeddedStoreFile(join(temp.dir, 'data')) }));
    await seed(store);
    folder = join(temp.dir, 'bundle');
  });
  afterEach(async () => {
    await store.close();
    temp.remove();
  });

  const exportVillage = () =>
    exportEvidence(
      store,
      { regencyCode: '35.10', villageCode: '35.10.01.2001', fiscalYear: 2025 },
      {
        sink: folderSink(folder),
        referenceRoot: DEFAULT_REFERENCE_ROOT,
        now: new Date('2026-01-15T08:00:00Z'),
      },
    );

  function rewriteManifest(edit: (manifest: EvidenceManifest) => void): void {
    const manifest = JSON.parse(
      readFileSync(join(folder, MANIFEST_FILE), 'utf8'),
    ) as EvidenceManifest;
    edit(manifest);
    writeFileSync(join(folder, MANIFEST_FILE), JSON.stringify(manifest));
    writeFileSync(join(folder, BUNDLE_HASH_FILE), `${bundleHash(manifest)}  ${MANIFEST_FILE}\n`);
  }

  test('a village bundle holds its year stream, the regency stream, anchors and reference data, and verifies offline', async () => {
    const { manifest } = await exportVillage();
    expect(manifest.streams.map((s) => [s.stream, s.events])).toEqual([
      [VILLAGE, 3],
      ['regency-35.10-2025', 1],
    ]);
    expect(manifest.anchors.events).toBe(1);
    expect(manifest.reference.files.map((f) => f.path)).toContain('2025/national/accounts.jsonl');
    const result = await verifyEvidence(folder);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.events.get(VILLAGE)!.map((e) => e.data.amount)).toEqual([
      '1000.00',
      '2000.00',
      '3000.00',
    ]);
  });

  test('the zipped bundle holds exactly the files, byte for byte, the folder export writes', async () => {
    const now = new Date('2026-01-15T08:00:00Z');
    const scope = { regencyCode: '35.10', villageCode: '35.10.01.2001', fiscalYear: 2025 };
    const written = new Map<string, string>();
    await exportEvidence(store, scope, {
      sink: (relative, content) => written.set(relative, content),
      referenceRoot: DEFAULT_REFERENCE_ROOT,
      now,
    });
    const { archive } = await evidenceArchive(store, scope, {
      referenceRoot: DEFAULT_REFERENCE_ROOT,
      now,
      limits: { maxBytes: EVIDENCE_BUNDLE_MAX_BYTES, maxMs: EVIDENCE_EXPORT_MAX_MS },
    });
    // jszip's stream is an older Readable, not async iterable.
    const chunks: Buffer[] = [];
    await new Promise((resolve, reject) =>
      archive
        .on('data', (chunk: Buffer) => chunks.push(chunk))
        .on('end', resolve)
        .on('error', reject),
    );
    await unpackEvidenceArchive(Buffer.concat(chunks), folder, EVIDENCE_ARCHIVE_UNPACKED_MAX_BYTES);
    for (const [relative, content] of written)
      expect({ relative, content: readFileSync(join(folder, relative), 'utf8') }).toEqual({
        relative,
        content,
      });
    expect(written.size).toBeGreaterThanOrEqual(5);
    await expect(
      unpackEvidenceArchive(Buffer.concat(chunks), join(temp.dir, 'small'), 100),
    ).rejects.toThrow('EVIDENCE_ARCHIVE_UNPACKED_MAX_BYTES');
    await expect(
      evidenceArchive(store, scope, {
        referenceRoot: DEFAULT_REFERENCE_ROOT,
        now,
        limits: { maxBytes: 100, maxMs: EVIDENCE_EXPORT_MAX_MS },
      }),
    ).rejects.toThrow('EVIDENCE_BUNDLE_MAX_BYTES');
  });

  test('the regency-wide bundle holds every stream of that year', async () => {
    const { manifest } = await exportEvidence(
      store,
      { regencyCode: '35.10', fiscalYear: 2025 },
      {
        sink: folderSink(folder),
        referenceRoot: DEFAULT_REFERENCE_ROOT,
        now: new Date(),
      },
    );
    expect(manifest.streams.map((s) => s.stream)).toEqual([
      'regency-35.10-2025',
      VILLAGE,
      'village-35.10.01.2002-2025',
    ]);
    expect((await verifyEvidence(folder)).ok).toBe(true);
  });

  test('an edited event file is caught by its SHA-256', async () => {
    await exportVillage();
    const file = join(folder, streamFile(VILLAGE));
    writeFileSync(file, readFileSync(file, 'utf8').replace('2000.00', '2900.00'));
    const result = await verifyEvidence(folder);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([expect.stringContaining(`SHA-256 mismatch: ${streamFile(VILLAGE)}`)]),
    );
  });

  test('an edited event with a re-sealed manifest is caught by the hash chain, naming the event', async () => {
    await exportVillage();
    const file = join(folder, streamFile(VILLAGE));
    const lines = readFileSync(file, 'utf8').split('\n');
    const edited = JSON.parse(lines[1]!);
    edited.data.amount = '2900.00';
    lines[1] = JSON.stringify(edited);
    const content = lines.join('\n');
    writeFileSync(file, content);
    rewriteManifest((m) => (m.streams[0]!.sha256 = sha256(content)));
    const result = await verifyEvidence(folder);
    expect(result.ok).toBe(false);
    expect(result.streams[0]).toMatchObject({
      ok: false,
      broken: { revision: 1n, eventId: edited.id },
    });
  });

  test('a stream rewritten with a consistent chain and a re-sealed manifest is caught by the anchor', async () => {
    await exportVillage();
    const file = join(folder, streamFile(VILLAGE));
    const original = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const forged = original.map((e) => ({
      id: e.id,
      type: e.type,
      data: { amount: '1.00' },
      metadata: { actor },
    }));
    const { sealed, lastHash } = sealEvents(VILLAGE, 0n, GENESIS_HASH, forged);
    const content = sealed
      .map((e, i) => `${JSON.stringify({ ...original[i], data: e.data, metadata: e.metadata })}\n`)
      .join('');
    writeFileSync(file, content);
    rewriteManifest((m) =>
      Object.assign(m.streams[0]!, { sha256: sha256(content), headHash: lastHash }),
    );
    const result = await verifyEvidence(folder);
    expect(result.streams[0]).toMatchObject({ ok: true });
    expect(result.ok).toBe(false);
    expect(result.anchorMismatches).toEqual([
      { stream: VILLAGE, revision: 2n, reason: expect.stringMatching(/rewritten/) },
    ]);
  });

  test('the CLI exports and verifies a bundle, and refuses a damaged one', async () => {
    await store.close();
    const env = { ...process.env, KASDESA_DATA_DIR: join(temp.dir, 'data') };
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(__dirname, '../../bin/kasdesa'), ...args], {
        env,
        encoding: 'utf8',
      });
    const exported = cli(
      'export-evidence',
      '--regency',
      '35.10',
      '--village',
      '35.10.01.2001',
      '--year',
      '2025',
      '--out',
      folder,
    );
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(/2 aliran, 4 peristiwa/);
    expect(cli('verify-evidence', folder)).toMatchObject({
      status: 0,
      stdout: expect.stringMatching(/^OK: 2 aliran, 4 peristiwa/m),
    });
    writeFileSync(join(folder, BUNDLE_HASH_FILE), `${'0'.repeat(64)}  ${MANIFEST_FILE}\n`);
    expect(cli('verify-evidence', folder)).toMatchObject({
      status: 1,
      stdout: expect.stringMatching(/bundle\.sha256/),
    });
    store = withHashChain(createEmbeddedStore({ file: embeddedStoreFile(join(temp.dir, 'data')) }));
  }, 60_000);
});
