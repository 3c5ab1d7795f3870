import autocannon from 'autocannon';
import { loadavg } from 'node:os';
import { DEMO_REGENCY, DEMO_YEAR } from '../../src/demo/demo-regions';
import { demoUsername } from '../../src/demo/demo-users';
import { openStore } from '../../src/composition/open-store';
import { API_PATH, KasdesaApi } from '../../tests/e2e/support/kasdesa-api';
import { startKasdesa } from '../../tests/e2e/support/kasdesa-process';
import { tempDir } from '../../tests/support/temp-dir';
import { median, percentile, printTable, round } from '../stats';
import {
  CONNECTIONS as WRITERS,
  commandClients,
  firstCommands,
  prepareVillages,
  type BenchVillage,
} from './http';

const READERS = 20;
const DURATION_S = Number(process.env.BENCH_READLOAD_SECONDS ?? 10);
const WARMUP_S = 2;
/** How often the lag watcher asks /readyz where the read models are. */
const LAG_POLL_MS = 20;
const TARGETS = { reportP95Ms: 100, lagP99Ms: 250 };
const REGENCY_REPORTS = ['realisation', 'fund-flow'];
const VILLAGE_REPORT = 'bku';
/** The month the writers book their receipts and payments in (the http suite's dates: February). */
const BOOK_MONTH = '2';

/** A command the server answered: its global position and when the answer arrived. */
interface Answered {
  position: number;
  atMs: number;
}

/** One look at /readyz: the store's head and the read models' position, when the answer arrived. */
interface LagSample {
  atMs: number;
  head: number;
  readModels: number;
}

/** Keeps the position of each command answered, and when the answer arrived: what the lag is measured against. */
const keepAnswers =
  (answered: Answered[]) =>
  (status: number, body: string): void => {
    if (status === 201)
      answered.push({
        position: Number((JSON.parse(body) as { position: string }).position),
        atMs: performance.now(),
      });
  };

/** Each reader asks in turn for the regency reports and a village's BKU, as JSON; times kept per report. */
function readerClients(villages: BenchVillage[], token: string, times: Map<string, number[]>) {
  let assigned = 0;
  const paths = (village: BenchVillage) => [
    ...REGENCY_REPORTS.map(
      (report) => `${API_PATH}/regencies/${DEMO_REGENCY.code}/years/${DEMO_YEAR}/reports/${report}`,
    ),
    `${API_PATH}/villages/${village.code}/years/${DEMO_YEAR}/reports/${VILLAGE_REPORT}?month=${BOOK_MONTH}`,
  ];
  return (client: autocannon.Client) => {
    const reader = assigned++;
    let asked = 0;
    let sentAt = 0;
    let report = '';
    client.setRequests([
      {
        setupRequest() {
          const village = villages[(reader + asked) % villages.length]!;
          const all = paths(village);
          const path = all[asked % all.length]!;
          asked += 1;
          report = /\/reports\/([a-z-]+)/.exec(path)![1]!;
          sentAt = performance.now();
          return { method: 'GET', path, headers: { authorization: `Bearer ${token}` } };
        },
        onResponse(status) {
          if (status === 200) times.get(report)!.push(performance.now() - sentAt);
        },
      },
    ]);
  };
}

const POSITION = /position (\d+)/;

/** Asks /readyz every LAG_POLL_MS until `until` resolves: the store's head and the read models' position. */
async function watchLag(url: string, until: Promise<unknown>): Promise<LagSample[]> {
  const samples: LagSample[] = [];
  let running = true;
  void until.finally(() => (running = false));
  while (running) {
    const answer = (await (await fetch(`${url}/readyz`)).json()) as {
      checks: { name: string; detail: string }[];
    };
    const detail = (name: string) => answer.checks.find((check) => check.name === name)!.detail;
    samples.push({
      atMs: performance.now(),
      head: Number(/head (\d+)/.exec(detail('store'))![1]),
      readModels: Number(POSITION.exec(detail('projections'))![1]),
    });
    await new Promise((resolve) => setTimeout(resolve, LAG_POLL_MS));
  }
  return samples;
}

/**
 * The lag at each look: in events, the store's head less the read models'
 * position; in ms, how long the oldest answered command the read models had
 * not applied yet had been answered (0 when none). Taken when /readyz's
 * answer arrived, so the figures lean high, never low.
 */
function lagFigures(samples: LagSample[], answered: Answered[]) {
  const byTime = [...answered].sort((a, b) => a.atMs - b.atMs);
  const events = samples.map((sample) => Math.max(0, sample.head - sample.readModels));
  const ms = samples.map((sample) => {
    const waiting = byTime.find(
      (answer) => answer.atMs <= sample.atMs && answer.position > sample.readModels,
    );
    return waiting ? sample.atMs - waiting.atMs : 0;
  });
  return {
    samples: samples.length,
    events: { p50: median(events), p99: percentile(events, 99), max: Math.max(...events) },
    ms: {
      p50: round(median(ms), 1),
      p99: round(percentile(ms, 99), 1),
      max: round(Math.max(...ms), 1),
    },
  };
}

function reportFigures(times: Map<string, number[]>) {
  const all = [...times.values()].flat();
  const figures = (values: number[]) => ({
    calls: values.length,
    p50Ms: round(median(values), 1),
    p95Ms: round(percentile(values, 95), 1),
  });
  return {
    ...figures(all),
    byReport: Object.fromEntries([...times].map(([report, values]) => [report, figures(values)])),
  };
}

interface Phase {
  writers: boolean;
  readers: boolean;
}

/** One timed phase: writers, readers or both at once for DURATION_S, the lag watched while writers run. */
async function runPhase(
  url: string,
  villages: BenchVillage[],
  readerToken: string,
  label: string,
  phase: Phase,
  duration = DURATION_S,
) {
  const answered: Answered[] = [];
  const times = new Map([...REGENCY_REPORTS, VILLAGE_REPORT].map((report) => [report, []]));
  const writing = phase.writers
    ? Promise.resolve(
        autocannon({
          url,
          connections: WRITERS,
          duration,
          setupClient: commandClients(villages, label, keepAnswers(answered)),
        }),
      )
    : undefined;
  const reading = phase.readers
    ? autocannon({
        url,
        connections: READERS,
        duration,
        setupClient: readerClients(villages, readerToken, times),
      })
    : undefined;
  const lag = writing ? watchLag(url, writing) : undefined;
  const [written, read, samples] = await Promise.all([writing, reading, lag]);
  return {
    ...(written
      ? {
          commands: {
            perSecond: round(written['2xx'] / written.duration, 1),
            non2xx: written.non2xx,
            errors: written.errors,
            latencyP99Ms: written.latency.p99,
          },
          lag: lagFigures(samples!, answered),
        }
      : {}),
    ...(read
      ? { reports: { ...reportFigures(times), non2xx: read.non2xx, errors: read.errors } }
      : {}),
  };
}

/**
 * Read models under load: the real server on the embedded store with the
 * demo regency (its villages funded with approved SPPs, as the http suite
 * prepares them); 50 writers send receipts and SPP payments while 20 readers
 * ask for the regency's realisation and fund-flow reports and villages' BKU
 * as JSON. Beside it in the same run: the writers alone (the command rate
 * without readers) and the readers alone (the report times without writers).
 * The lag of the read models is watched on /readyz, which names the store's
 * head and the read models' position.
 */
export async function readloadBench(): Promise<Record<string, unknown>> {
  const data = tempDir('kasdesa-bench-readload-');
  const config = { store: 'embedded' as const, dataDir: data.dir, port: 0 };
  try {
    const store = openStore(config);
    const prepared = await prepareVillages(store);
    await store.close();
    const server = await startKasdesa({
      KASDESA_STORE: 'embedded',
      KASDESA_DATA_DIR: data.dir,
      KASDESA_DEMO: '1',
      KASDESA_DEMO_VILLAGES: String(prepared.length),
      KASDESA_DEMO_FULL_YEAR: '0',
    });
    try {
      const api = new KasdesaApi(server.baseUrl);
      const villages = await Promise.all(
        prepared.map(async (v) => ({
          ...v,
          token: await api.token(demoUsername('treasurer', v.code)),
        })),
      );
      const readerToken = await api.token(demoUsername('regencyFinance', prepared[0]!.code));
      const url = server.baseUrl;
      await firstCommands(url, villages, 'readload');
      await runPhase(
        url,
        villages,
        readerToken,
        'warm',
        { writers: true, readers: true },
        WARMUP_S,
      );
      const load = loadavg()[0] ?? 0;
      const writersAlone = await runPhase(url, villages, readerToken, 'writers', {
        writers: true,
        readers: false,
      });
      const readersAlone = await runPhase(url, villages, readerToken, 'readers', {
        writers: false,
        readers: true,
      });
      const both = await runPhase(url, villages, readerToken, 'both', {
        writers: true,
        readers: true,
      });
      const commandRateRatio = round(
        both.commands!.perSecond / writersAlone.commands!.perSecond,
        3,
      );
      printTable([
        { figure: 'commands/s with readers', value: both.commands!.perSecond },
        { figure: 'commands/s alone', value: writersAlone.commands!.perSecond },
        { figure: 'report p95 ms with writers', value: both.reports!.p95Ms },
        { figure: 'report p95 ms alone', value: readersAlone.reports!.p95Ms },
        { figure: 'lag p99 ms', value: both.lag!.ms.p99 },
        { figure: 'lag p99 events', value: both.lag!.events.p99 },
      ]);
      return {
        settings: {
          writers: WRITERS,
          readers: READERS,
          durationSeconds: DURATION_S,
          warmupSeconds: WARMUP_S,
          villages: villages.length,
          writes: 'per writer one village; RecordReceipt and PayPaymentRequest alternating',
          reads: `in turn: regency ${REGENCY_REPORTS.join(', ')} and a village's ${VILLAGE_REPORT} of month ${BOOK_MONTH}, JSON, as regencyFinance`,
          lag: `/readyz every ${LAG_POLL_MS} ms: events = store head − read-model position; ms = age of the oldest answered command not yet applied`,
          server:
            'real process (as npm start), embedded store, synchronous=FULL, group commit, demo regency',
        },
        withReaders: both,
        writersAlone,
        readersAlone,
        commandRateRatio,
        targets: {
          ...TARGETS,
          met: {
            reportP95Ms: both.reports!.p95Ms <= TARGETS.reportP95Ms,
            lagP99Ms: both.lag!.ms.p99 <= TARGETS.lagP99Ms,
          },
        },
        loadAverageAtRun: round(load, 2),
      };
    } finally {
      await server.stop();
    }
  } finally {
    data.remove();
  }
}
