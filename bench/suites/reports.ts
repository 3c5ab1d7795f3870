import Database from 'better-sqlite3';
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { CheckpointStore } from '../../projections/engine/checkpoint-store';
import { fundFlowReport } from '../../src/reports/fund-flow/fund-flow-report';
import { ProjectionEngine } from '../../projections/engine/projection-engine';
import { projectionList, readModelProjections } from '../../projections/read-models/read-models';
import { fullYear } from '../../src/reports/realisation/periods';
import { regencyRealisation } from '../../src/reports/realisation/regency-realisation';
import { villageLedger } from '../../projections/read-models/village-ledger';
import { createLedger, type Ledger } from '../../src/app/ledger';
import { loadReferenceData } from '../../src/app/load-reference-data';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createEmbeddedStore, streamRangeReader } from '../../src/eventstore/embedded';
import { storedEvents } from '../../projections/folds/unfolded-events';
import type { EventData, EventStore, RecordedEvent } from '../../src/eventstore/port';
import { openSqliteFile } from '../../src/eventstore/sqlite-file';
import { RenderedReportCache } from '../../src/reports/render/rendered-cache';
import { regencyRealisationTables } from '../../src/reports/realisation/realisation-tables';
import { writeWorkbook } from '../../src/reports/render/xlsx';
import { KASDESA_NODE_FLAGS } from '../../tests/e2e/support/kasdesa-process';
import {
  generateVillage,
  regencyReference,
  villagePlan,
} from '../../tests/projections/support/regency-scenario';
import { openRegency } from '../../tests/support/realistic-village';
import { runDrafts } from '../../tests/support/scenario-driver';
import { REGENCY, YEAR } from '../../tests/support/village-fixtures';
import {
  paidPaymentRequestCommands,
  receiptCommand,
  transferCommand,
} from '../../src/scenario/execution-commands';
import { median, percentile, printTable, round } from '../stats';

/**
 * Reports over a 200-village regency: a full rebuild of every projection over
 * EVENTS events beside a raw read + JSON.parse + minimal fold of the same
 * rows, and the latency of the regency reports from the live read models
 * while the ledger is live: one receipt is booked through the ledger before
 * each call, so every call sees a new engine position and builds the report.
 * The regency lives three months through the ledger; the rest of the year is
 * written straight into this bench-only SQLite file by a deterministic
 * generator that clones those months' receipt and SPP events.
 */
const VILLAGES = 200;
const EVENTS = Number(process.env.BENCH_REPORT_EVENTS ?? 1_000_000);
const CALLS = Number(process.env.BENCH_REPORT_CALLS ?? 50);
const REBUILD_ROUNDS = Number(process.env.BENCH_REPORT_ROUNDS ?? 5);
const LEDGER_MONTHS = 3;
const CYCLES_PER_APPEND = 100;

const day = (month: number, date: number) =>
  `${YEAR}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

/** One month of a village through the ledger: the ADD transfer and receipt, one LS SPP paid. */
async function liveMonth(ledger: Ledger, villageCode: string, month: number): Promise<void> {
  const date = day(month, 5);
  const reference = `SP2D ADD ${villageCode}/${month}`;
  const sppId = `SPP-${month}`;
  await runDrafts(ledger, villageCode, 'regency', 'transfers', [
    transferCommand(
      {
        villageCode,
        source: 'ADD',
        stage: month,
        amount: '20000000',
        date,
        reference,
      },
      `transfer-live-${month}`,
    ),
  ]);
  await runDrafts(ledger, villageCode, 'village', 'year', [
    receiptCommand({
      receiptId: `TBP-ADD-${month}`,
      date,
      account: '4.2.3.01',
      source: 'ADD',
      amount: '20000000',
      payer: 'RKUD',
      description: `ADD bulan ${month}`,
      transfer: { stage: month, reference },
    }),
    ...paidPaymentRequestCommands(
      {
        sppId,
        kind: 'LS',
        activityId: 'siltap',
        date,
        description: `Siltap bulan ${month}`,
        lines: [{ lineId: 's-siltap', source: 'ADD', amount: '15000000' }],
      },
      '15000000',
    ),
  ]);
}

/** The receipt and SPP events of one village's last ledger month: what the generator clones. */
async function template(store: EventStore, streamId: string): Promise<RecordedEvent[]> {
  const events = await store.readStream(streamId, { direction: 'backwards', maxCount: 6 });
  return events.reverse();
}

const ID_FIELDS = ['receiptId', 'sppId', 'paymentId'];

/** Cycle `n` of the template: new document numbers, a date in the months after the ledger's. */
function cloneCycle(events: RecordedEvent[], n: number): EventData[] {
  const date = day(LEDGER_MONTHS + 1 + (n % (12 - LEDGER_MONTHS)), 1 + (n % 28));
  return events.map((event) => {
    const data: Record<string, unknown> = { ...event.data, date };
    for (const field of ID_FIELDS)
      if (typeof data[field] === 'string') data[field] = `${String(data[field])}-G${n}`;
    if (data.transfer) data.transfer = { stage: 1 + (n % 12), reference: `SP2D-G${n}` };
    const { commandId: _command, ...metadata } = event.metadata;
    return {
      id: randomUUID(),
      type: event.type,
      data,
      metadata: { ...metadata, commandId: `bench-${n}-${event.type}`, businessDate: date },
    };
  });
}

async function generate(file: string, referenceCatalog: ReturnType<typeof regencyReference>) {
  const store = withHashChain(createEmbeddedStore({ file }));
  const ledger = createLedger({ store, reference: referenceCatalog.catalog });
  const villages = [...referenceCatalog.reference.villages.keys()].slice(0, VILLAGES);
  await openRegency(ledger);
  const live: string[] = [];
  for (const [index, code] of villages.entries()) {
    await generateVillage(ledger, code, index);
    if (villagePlan(index).enactedOn === null) continue;
    for (let month = 1; month <= LEDGER_MONTHS; month += 1) await liveMonth(ledger, code, month);
    live.push(code);
  }
  const ledgerEvents = Number(await store.headPosition());
  const cycle = await template(store, `village-${live[0]}-${YEAR}`);
  let total = ledgerEvents;
  for (let n = 0; total < EVENTS; n += CYCLES_PER_APPEND) {
    for (const code of live) {
      if (total >= EVENTS) break;
      const events: EventData[] = [];
      for (let c = n; c < n + CYCLES_PER_APPEND && total + events.length < EVENTS; c += 1)
        events.push(...cloneCycle(cycle, c));
      await store.append(`village-${code}-${YEAR}`, events, 'any');
      total += events.length;
    }
  }
  return { store, ledger, live, ledgerEvents, total };
}

/** Raw read + parse + a minimal fold (Σ amount per stream) straight from the SQLite rows. */
function baseline(file: string): { events: number; seconds: number } {
  const db = new Database(file, { readonly: true });
  const started = process.hrtime.bigint();
  const totals = new Map<string, number>();
  let events = 0;
  for (const row of db
    .prepare('SELECT stream_id, data, metadata FROM events ORDER BY position')
    .iterate() as Iterable<{ stream_id: string; data: string; metadata: string }>) {
    const data = JSON.parse(row.data) as { amount?: string };
    JSON.parse(row.metadata);
    totals.set(
      row.stream_id,
      (totals.get(row.stream_id) ?? 0) + (data.amount ? data.amount.length : 0),
    );
    events += 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return { events, seconds };
}

interface RoundResult {
  events: number;
  baselineSeconds: number;
  rebuildSeconds: number;
  gcSeconds: number;
  minorPageFaults: number;
  peakRssMiB: number;
}

interface RoundInput {
  file: string;
  referenceDir: string;
  projectionsFile: string;
  baselineFirst: boolean;
}

/**
 * One full rebuild in a process of its own, as `kasdesa rebuild-projections`
 * and a server start run it (not in this process, whose heap still holds the
 * generator's ledger), from an empty projections file, beside a baseline pass
 * over the same rows in the same process: before or after the rebuild as the
 * round says, so neither side always meets the warmer page cache.
 */
async function rebuildRound(input: RoundInput): Promise<RoundResult> {
  const reference = loadReferenceData(YEAR, REGENCY, input.referenceDir);
  const store = withHashChain(createEmbeddedStore({ file: input.file }));
  const before = input.baselineFirst ? baseline(input.file) : undefined;
  // The ledger's books read back what they fold from the store, as read-model-runtime.ts has them.
  const events = new Database(input.file, { readonly: true });
  const engine = new ProjectionEngine(
    store,
    new CheckpointStore(openSqliteFile(input.projectionsFile)),
    projectionList(
      readModelProjections(() => reference, undefined, storedEvents(streamRangeReader(events))),
    ),
  );
  const collector = gcTime();
  const faultsBefore = process.resourceUsage().minorPageFault;
  const started = process.hrtime.bigint();
  await engine.start();
  const rebuildSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const gcSeconds = round(await collector.stop(), 2);
  const minorPageFaults = process.resourceUsage().minorPageFault - faultsBefore;
  await engine.stop();
  events.close();
  await store.close();
  const raw = before ?? baseline(input.file);
  return {
    events: raw.events,
    baselineSeconds: raw.seconds,
    rebuildSeconds,
    gcSeconds,
    minorPageFaults,
    peakRssMiB: peakRssMiB(),
  };
}

async function rebuildRoundInChild(input: RoundInput): Promise<RoundResult> {
  const child = fork(__filename, ['rebuild-round', JSON.stringify(input)], {
    execArgv: [...KASDESA_NODE_FLAGS, '-r', 'ts-node/register/transpile-only'],
  });
  const exited = once(child, 'exit');
  const [result] = (await Promise.race([
    once(child, 'message'),
    exited.then(([code]) => Promise.reject(new Error(`rebuild round exited with ${code}`))),
  ])) as [RoundResult];
  await exited;
  return result;
}

/** REBUILD_ROUNDS rounds, each in a process of its own. Reported as medians: the machine is shared. */
async function rebuildRounds(dir: string, file: string, referenceDir: string) {
  const results: RoundResult[] = [];
  for (let index = 0; index < REBUILD_ROUNDS; index += 1) {
    const result = await rebuildRoundInChild({
      file,
      referenceDir,
      projectionsFile: join(dir, `projections-${index}.sqlite`),
      baselineFirst: index % 2 === 0,
    });
    results.push(result);
    console.log(
      `rebuild round ${index + 1}/${REBUILD_ROUNDS}: ${Math.round(result.events / result.rebuildSeconds)} events/s, ` +
        `baseline ${Math.round(result.events / result.baselineSeconds)} events/s ` +
        `(${((result.baselineSeconds / result.rebuildSeconds) * 100).toFixed(1)} %), ` +
        `GC ${result.gcSeconds} s, ${result.minorPageFaults} page faults, peak RSS ${result.peakRssMiB} MiB`,
    );
  }
  return {
    events: results[0]!.events,
    baselineRates: results.map((r) => r.events / r.baselineSeconds),
    rebuildRates: results.map((r) => r.events / r.rebuildSeconds),
    percents: results.map((r) => (r.baselineSeconds / r.rebuildSeconds) * 100),
    costs: results.map(({ gcSeconds, minorPageFaults }) => ({ gcSeconds, minorPageFaults })),
    peakRssMiB: median(results.map((r) => r.peakRssMiB)),
  };
}

/** Seconds the garbage collector paused the program from now until `stop`. */
function gcTime(): { stop: () => Promise<number> } {
  let milliseconds = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) milliseconds += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    async stop() {
      // Entries are delivered by a timer-phase task, not before.
      await new Promise((resolve) => setTimeout(resolve, 50));
      observer.disconnect();
      return milliseconds / 1000;
    },
  };
}

/** Books one own-revenue receipt in a village through the ledger: a new engine position. */
async function bookReceipt(ledger: Ledger, villageCode: string, n: number): Promise<bigint> {
  const [outcome] = await runDrafts(ledger, villageCode, 'village', 'year', [
    receiptCommand({
      receiptId: `TBP-PAD-BENCH-${n}`,
      date: day(12, 20),
      account: '4.1.2.01',
      source: 'PAD',
      amount: '1000.00',
      payer: 'Penyewa tanah kas desa',
      description: `Sewa tanah kas desa ${n}`,
    }),
  ]);
  return outcome!.position;
}

/**
 * CALLS calls, each after `advance` moved the ledger and the engine applied
 * it: the first call after the rebuild is the cold one (coldMs); only the
 * report call is timed.
 */
async function latency(advance: () => Promise<void>, fn: () => unknown) {
  const times: number[] = [];
  for (let i = 0; i < CALLS; i += 1) {
    if (i > 0) await advance();
    const started = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return {
    calls: CALLS,
    coldMs: round(times[0]!, 2),
    p50Ms: round(median(times), 2),
    p95Ms: round(percentile(times, 95), 2),
  };
}

const peakRssMiB = () => round(process.resourceUsage().maxRSS / 1024, 1);

export async function reportsBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'kasdesa-bench-reports-'));
  const referenceCatalog = regencyReference(VILLAGES - 7);
  try {
    const file = join(dir, 'events.sqlite');
    const genStarted = Date.now();
    const generated = await generate(file, referenceCatalog);
    const generation = {
      ledgerEvents: generated.ledgerEvents,
      generatedEvents: generated.total - generated.ledgerEvents,
      seconds: round((Date.now() - genStarted) / 1000, 1),
      peakRssMiB: peakRssMiB(),
    };
    console.log('generated', generation);
    const rounds = await rebuildRounds(dir, file, referenceCatalog.dir);
    // The latencies are measured here, on an engine over the live ledger (its own rebuild untimed).
    const projections = readModelProjections(() => referenceCatalog.reference);
    const engine = new ProjectionEngine(
      generated.store,
      new CheckpointStore(openSqliteFile(join(dir, 'projections-live.sqlite'))),
      projectionList(projections),
    );
    await engine.start();
    const reference = referenceCatalog.reference;
    const ledgers = engine.state(projections.villageLedger);
    const flow = engine.state(projections.fundFlow);
    const villages = (code: string) => villageLedger(ledgers, code, YEAR)?.fold;
    let receipts = 0;
    const advance = async () => {
      receipts += 1;
      const village = generated.live[receipts % generated.live.length]!;
      await engine.waitForPosition(await bookReceipt(generated.ledger, village, receipts));
    };
    // The generator wrote past the ledger, so each village's first command reloads its whole
    // stream: done once per village before timing, as a running server has its villages loaded.
    for (const _village of generated.live) await advance();
    // As the HTTP report endpoints render JSON from the live read models: through the cache,
    // then measured in bytes as a response is, which makes a text joined from kept parts whole.
    const cache = new RenderedReportCache();
    const realisation = await latency(advance, () =>
      Buffer.byteLength(
        cache.render([ledgers], 'realisation', () =>
          regencyRealisation(villages, reference, fullYear(YEAR)),
        ),
      ),
    );
    const fundFlow = await latency(advance, () =>
      Buffer.byteLength(
        cache.render([ledgers, flow], 'fund-flow', () => fundFlowReport(flow, reference, villages)),
      ),
    );
    const xlsxTimes: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const started = process.hrtime.bigint();
      const tables = regencyRealisationTables(
        regencyRealisation(villages, reference, fullYear(YEAR)),
      );
      await writeWorkbook(tables, { stream: createWriteStream(join(dir, `regency-${i}.xlsx`)) });
      xlsxTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    await engine.stop();
    const figures = {
      villages: VILLAGES,
      events: rounds.events,
      generation,
      baseline: {
        eventsPerSecond: Math.round(median(rounds.baselineRates)),
        rounds: rounds.baselineRates.map(Math.round),
      },
      rebuild: {
        eventsPerSecond: Math.round(median(rounds.rebuildRates)),
        rounds: rounds.rebuildRates.map(Math.round),
        peakRssMiB: rounds.peakRssMiB,
        percentOfBaseline: round(median(rounds.percents), 1),
        percentPerRound: rounds.percents.map((percent) => round(percent, 1)),
        costPerRound: rounds.costs,
        target: '≥ 60 % of baseline (median of the rounds)',
      },
      regencyRealisationJson: { ...realisation, target: 'p95 ≤ 50 ms' },
      regencyFundFlowJson: { ...fundFlow, target: 'p95 ≤ 50 ms' },
      regencyRealisationXlsx: {
        runs: xlsxTimes.length,
        medianMs: round(median(xlsxTimes), 0),
        maxMs: round(Math.max(...xlsxTimes), 0),
        target: '≤ 3000 ms',
      },
    };
    printTable([
      { figure: 'baseline events/s', value: figures.baseline.eventsPerSecond },
      { figure: 'rebuild events/s', value: figures.rebuild.eventsPerSecond },
      { figure: 'rebuild % of baseline', value: figures.rebuild.percentOfBaseline },
      { figure: 'realisation JSON p95 ms', value: realisation.p95Ms },
      { figure: 'fund flow JSON p95 ms', value: fundFlow.p95Ms },
      { figure: 'regency xlsx median ms', value: figures.regencyRealisationXlsx.medianMs },
    ]);
    return figures;
  } finally {
    referenceCatalog.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv[2] === 'rebuild-round')
  void rebuildRound(JSON.parse(process.argv[3]!) as RoundInput).then((result) => {
    process.send!(result);
    process.disconnect();
  });
