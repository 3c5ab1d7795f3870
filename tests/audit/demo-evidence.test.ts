import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorStreamHeads } from '../../src/audit/anchoring';
import {
  bundleHash,
  BUNDLE_HASH_FILE,
  MANIFEST_FILE,
  sha256,
  type EvidenceManifest,
} from '../../src/audit/evidence-manifest';
import { REPORTS_FILE, type EvidenceReports } from '../../src/audit/evidence-reports';
import { exportEvidence, folderSink } from '../../src/audit/export-evidence';
import { verifyEvidence } from '../../src/audit/verify-evidence';
import { DEFAULT_REFERENCE_ROOT } from '../../src/app/load-reference-data';
import { DEMO_REGENCY, DEMO_YEAR } from '../../src/demo/demo-regions';
import { seedDemo } from '../../src/demo/seed-demo';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createMemoryStore } from '../../src/eventstore/memory';
import type { EventStore, RecordedEvent } from '../../src/eventstore/port';
import { rupiah, sum, toAmountText } from '../../src/domain/shared/money';
import { tempDir } from '../support/temp-dir';

async function yearEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const page of store.readAllPages())
    events.push(...page.filter((e) => e.streamId.endsWith(`-${DEMO_YEAR}`)));
  return events;
}

const dataOf = (event: RecordedEvent) => event.data as Record<string, string>;
const totalOf = (events: RecordedEvent[]) =>
  toAmountText(sum(events.map((e) => rupiah(dataOf(e).amount!))));

/** Bundles of the demo regency (src/demo): exported, verified offline, then damaged by one byte. */
describe('evidence bundle of the demo regency', () => {
  let store: EventStore;
  let temp: ReturnType<typeof tempDir>;
  let folder: string;
  let exported: EvidenceManifest;

  beforeAll(async () => {
    store = withHashChain(createMemoryStore());
    await seedDemo(store, { villages: 3, fullYear: 1 });
    await anchorStreamHeads(store, {
      regencyCode: DEMO_REGENCY.code,
      actor: { id: 'u-bpkad', role: 'regencyFinance', displayName: 'BPKAD' },
    });
    temp = tempDir();
  });
  afterAll(() => temp.remove());

  beforeEach(async () => {
    folder = join(temp.dir, `bundle-${Date.now()}-${Math.random()}`);
    ({ manifest: exported } = await exportEvidence(
      store,
      { regencyCode: DEMO_REGENCY.code, fiscalYear: DEMO_YEAR },
      {
        sink: folderSink(folder),
        referenceRoot: DEFAULT_REFERENCE_ROOT,
        now: new Date('2026-01-15T08:00:00Z'),
      },
    ));
  });

  const recordedReports = () =>
    JSON.parse(readFileSync(join(folder, REPORTS_FILE), 'utf8')) as EvidenceReports;

  function changeOneByte(file: string, at: (content: Buffer) => number): void {
    const path = join(folder, file);
    const content = readFileSync(path);
    const index = at(content);
    content[index] = content[index] === 0x31 ? 0x32 : 0x31;
    writeFileSync(path, content);
  }

  test('verifies offline and re-derives the realisation report and fund-flow totals it recorded', async () => {
    expect(exported.streams.length).toBeGreaterThan(3);
    expect(exported.reports?.file).toBe(REPORTS_FILE);
    const result = await verifyEvidence(folder);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.reports).toEqual(recordedReports());
    // Against the events themselves: Σ SP2D transfers, Σ receipts less the reversed ones.
    const events = await yearEvents(store);
    const reversed = new Set(
      events.flatMap((e) => (e.type === 'EntryReversed' ? [dataOf(e).entryId] : [])),
    );
    const received = events.filter(
      (e) => e.type === 'RevenueReceived' && !reversed.has(dataOf(e).receiptId),
    );
    const transfers = events.filter((e) => e.type === 'TransferSent');
    expect(received.length).toBeGreaterThan(0);
    expect(transfers.length).toBeGreaterThan(0);
    expect(result.reports!.fundFlow.totals.transferred).toBe(totalOf(transfers));
    expect(result.reports!.realisation.totals.revenue.realised).toBe(totalOf(received));
  });

  test('one byte changed in an event file fails, naming the file and the broken event', async () => {
    const { file, stream } = exported.streams.find((s) => s.stream.startsWith('village-'))!;
    changeOneByte(file, (content) => content.indexOf('"amount":"') + '"amount":"'.length);
    const result = await verifyEvidence(folder);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`SHA-256 mismatch: ${file}`),
        expect.stringMatching(new RegExp(`broken hash chain: ${stream} revisi \\d+ \\(`)),
      ]),
    );
  });

  test('a changed figure in reports.json, even with a re-sealed manifest, fails naming the figure', async () => {
    const reports = recordedReports();
    const forged = {
      ...reports,
      fundFlow: {
        ...reports.fundFlow,
        totals: { ...reports.fundFlow.totals, transferred: '1.00' },
      },
    };
    const content = `${JSON.stringify(forged, null, 2)}\n`;
    writeFileSync(join(folder, REPORTS_FILE), content);
    const manifest = { ...exported, reports: { file: REPORTS_FILE, sha256: sha256(content) } };
    writeFileSync(join(folder, MANIFEST_FILE), JSON.stringify(manifest));
    writeFileSync(join(folder, BUNDLE_HASH_FILE), `${bundleHash(manifest)}  ${MANIFEST_FILE}\n`);
    const result = await verifyEvidence(folder);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      expect.stringMatching(
        /reports\.json differs from the re-derived one: fundFlow\.totals\.transferred: "1\.00" ≠ "/,
      ),
    ]);
  });
});
