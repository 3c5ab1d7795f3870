import autocannon from 'autocannon';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { createLedger } from '../../src/app/ledger';
import { loadReferenceData } from '../../src/app/load-reference-data';
import { DEMO_REGENCY, DEMO_YEAR } from '../../src/demo/demo-regions';
import { demoActors, demoUsername, demoUsers } from '../../src/demo/demo-users';
import type { ScenarioStep } from '../../src/scenario/scenario-step';
import { seedDemo } from '../../src/demo/seed-demo';
import { villageCommandSchemas } from '../../src/domain/village/commands';
import { latestVersion } from '../../src/domain/village/state';
import { openStore } from '../../src/composition/open-store';
import type { EventStore } from '../../src/eventstore/port';
import { KasdesaApi, villageCommandPath } from '../../tests/e2e/support/kasdesa-api';
import { KASDESA_NODE_FLAGS, startKasdesa } from '../../tests/e2e/support/kasdesa-process';
import {
  approvedSppSteps,
  payStep,
  receiptStep,
  spendingChoice,
  type SpendingChoice,
} from '../../tests/e2e/support/village-steps';
import { tempDir } from '../../tests/support/temp-dir';
import { median, printTable, round } from '../stats';

export const CONNECTIONS = 50;
/** One timed round of each endpoint; the rounds alternate bare and Kasdesa, so noise from other work hits both. */
const DURATION_S = 6;
const ROUNDS = 3;
const WARMUP_S = 2;
/** One village per connection: a village's treasurer does not race herself. */
const VILLAGES = CONNECTIONS;
/** Approved SPPs waiting per village: more than a connection pays in warm-up and all rounds. */
const SPPS_PER_VILLAGE = 700;
const RECEIPT_DATE = '2025-02-03';
const SPP_DATE = '2025-02-10';
const FUNDING = '90000000.00';
const RECEIPT_AMOUNT = '15000.00';
const SPP_AMOUNT = '10000.00';
const PREPARE_CONCURRENCY = 16;
const TARGETS = {
  durableCommandsPerSecond: 3000,
  p99Ms: 50,
  ratioToBare: 0.75,
  firstCommandP50Ms: 200,
};

export interface BenchVillage {
  code: string;
  choice: SpendingChoice;
  sppIds: string[];
  paid: number;
  receipts: number;
  token: string;
}

/** The demo villages with an enacted APBDes, funded, each with approved SPPs waiting for payment. */
export async function prepareVillages(store: EventStore): Promise<Omit<BenchVillage, 'token'>[]> {
  await seedDemo(store, { villages: VILLAGES, fullYear: 0 });
  const reference = loadReferenceData(DEMO_YEAR, DEMO_REGENCY.code);
  const ledger = createLedger({ store });
  const actorFor = demoActors(
    demoUsers(DEMO_REGENCY.code, [...reference.districts.keys()], [...reference.villages.values()]),
  );
  const villages: Omit<BenchVillage, 'token'>[] = [];
  for (const code of reference.villages.keys()) {
    const version = latestVersion((await ledger.villageState(code, DEMO_YEAR)).budget);
    if (!version) continue;
    const choice = spendingChoice([...version.lines.values()], reference);
    const sppIds = Array.from({ length: SPPS_PER_VILLAGE }, (_, i) => `SPP-B-${i + 1}`);
    villages.push({ code, choice, sppIds, paid: 0, receipts: 0 });
  }
  let next = 0;
  const prepare = async () => {
    for (let village = villages[next++]; village; village = villages[next++]) {
      const steps = [
        receiptStep(village.code, 'TBP-BENCH-FUNDS', RECEIPT_DATE, village.choice, FUNDING),
        ...village.sppIds.flatMap((id) =>
          approvedSppSteps(village.code, id, SPP_DATE, village.choice, SPP_AMOUNT),
        ),
      ];
      for (const [index, { type, payload }] of steps.entries())
        await ledger.executeVillageCommand(village.code, DEMO_YEAR, {
          commandId: `bench-prepare:${index}`,
          type,
          payload,
          actor: actorFor(type, village.code),
        });
    }
  };
  await Promise.all(Array.from({ length: PREPARE_CONCURRENCY }, prepare));
  return villages;
}

/** The next command of a village's connection: a receipt (new TBP number), then paying its next approved SPP. */
function nextStep(
  village: BenchVillage,
  sent: number,
  keyPrefix: string,
): { step: ScenarioStep; key: string } {
  const spp = sent % 2 === 0 ? village.sppIds[village.paid] : undefined;
  if (spp) {
    village.paid += 1;
    return { step: payStep(village.code, spp, SPP_DATE), key: `pay-${spp}` };
  }
  village.receipts += 1;
  const receipt = `TBP-${keyPrefix}-${village.receipts}`;
  return {
    step: receiptStep(village.code, receipt, RECEIPT_DATE, village.choice, RECEIPT_AMOUNT),
    key: receipt,
  };
}

function commandRequest(village: BenchVillage, step: ScenarioStep, key: string) {
  return {
    method: 'POST' as const,
    path: villageCommandPath(village.code, DEMO_YEAR, step.type),
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${village.token}`,
      'idempotency-key': key,
    },
    body: JSON.stringify(step.payload),
  };
}

/**
 * The timed mix: each connection works on its own village and alternates a
 * receipt with paying the village's next approved SPP; every request a valid
 * command with a fresh Idempotency-Key. The per-connection state lives in
 * setupClient's closure: autocannon resets a request's `context` after every
 * pass over the `requests` array, so it cannot carry state across requests.
 * `onResponse` sees each answer (the readload suite keeps their positions).
 */
export function commandClients(
  villages: BenchVillage[],
  keyPrefix: string,
  onResponse?: (status: number, body: string) => void,
) {
  let assigned = 0;
  return (client: autocannon.Client) => {
    const village = villages[assigned++ % villages.length]!;
    let sent = 0;
    client.setRequests([
      {
        setupRequest() {
          sent += 1;
          const { step, key } = nextStep(village, sent, keyPrefix);
          return commandRequest(village, step, `${keyPrefix}-${key}`);
        },
        onResponse,
      },
    ]);
  };
}

/**
 * One command per village, all at once, before the warm-up: the server loads
 * each village's stream from the store on its first command after a start.
 * Reported apart, so that cold start neither hides nor spills into the timed run.
 */
export async function firstCommands(url: string, villages: BenchVillage[], label: string) {
  const started = performance.now();
  const latencies = await Promise.all(
    villages.map(async (village) => {
      const { step, key } = nextStep(village, 1, `${label}-first`);
      const { method, path, headers, body } = commandRequest(
        village,
        step,
        `${label}-first-${key}`,
      );
      const sentAt = performance.now();
      const response = await fetch(`${url}${path}`, { method, headers, body });
      if (response.status !== 201)
        throw new Error(
          `first command on ${village.code}: ${response.status} ${await response.text()}`,
        );
      return performance.now() - sentAt;
    }),
  );
  return {
    commands: villages.length,
    allAnsweredMs: round(performance.now() - started, 0),
    latencyMs: { p50: round(median(latencies), 0), max: round(Math.max(...latencies), 0) },
  };
}

interface LoadFigures {
  durableCommandsPerSecond: number;
  responses2xx: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  errors: number;
  timeouts: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

async function load(
  url: string,
  setupClient: (client: autocannon.Client) => void,
  duration: number,
): Promise<LoadFigures> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, setupClient });
  return {
    durableCommandsPerSecond: round(result['2xx'] / result.duration, 1),
    responses2xx: result['2xx'],
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, stat.count ?? 0]),
    ),
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
  };
}

/** Linux's clock tick (USER_HZ), the unit of utime and stime in /proc/<pid>/stat. */
const CLOCK_TICKS_PER_S = 100;

/**
 * CPU time (user + system) the process has used so far, in ms; undefined
 * where /proc is missing. Unlike requests per second, it barely moves when
 * other work shares the machine's cores.
 */
function processCpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return undefined;
  }
}

/** A running endpoint and the villages its connections work on (each endpoint its own copy of the counters). */
interface Endpoint {
  url: string;
  /** The serving process, whose CPU time per response in a timed round is reported. */
  pid: number;
  villages: BenchVillage[];
  label: string;
}

type RoundFigures = LoadFigures & { cpuMicrosecondsPerResponse: number | null };

/** First commands (reported apart), then the warm-up (not reported), each with keys of its own. */
async function warm(endpoint: Endpoint) {
  const { url, villages, label } = endpoint;
  const first = await firstCommands(url, villages, label);
  await load(url, commandClients(villages, `${label}-warm`), WARMUP_S);
  return first;
}

/** One timed round with keys of its own; `timed` learns when it ran. */
async function timedRound(
  endpoint: Endpoint,
  roundNumber: number,
  timed: (window: Window) => void = () => undefined,
): Promise<RoundFigures> {
  const { url, pid, villages, label } = endpoint;
  const fromMs = Date.now();
  const cpuBefore = processCpuMs(pid);
  const figures = await load(
    url,
    commandClients(villages, `${label}-run${roundNumber}`),
    DURATION_S,
  );
  const cpuAfter = processCpuMs(pid);
  timed({ fromMs, toMs: Date.now() });
  const responses = figures.responses2xx + figures.non2xx;
  const cpuMicrosecondsPerResponse =
    cpuBefore === undefined || cpuAfter === undefined || responses === 0
      ? null
      : round(((cpuAfter - cpuBefore) * 1000) / responses, 0);
  return { ...figures, cpuMicrosecondsPerResponse };
}

/** The median of each figure over the rounds, beside the rounds themselves. */
function overRounds(rounds: RoundFigures[]) {
  const of = (pick: (figures: RoundFigures) => number) => median(rounds.map(pick));
  const cpu = rounds.flatMap((r) =>
    r.cpuMicrosecondsPerResponse === null ? [] : [r.cpuMicrosecondsPerResponse],
  );
  return {
    durableCommandsPerSecond: round(
      of((r) => r.durableCommandsPerSecond),
      1,
    ),
    non2xx: rounds.reduce((sum, r) => sum + r.non2xx, 0),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
    latencyMs: {
      p50: of((r) => r.latencyMs.p50),
      p99: of((r) => r.latencyMs.p99),
      worstRoundP99: Math.max(...rounds.map((r) => r.latencyMs.p99)),
    },
    cpuMicrosecondsPerResponse: cpu.length === 0 ? null : round(median(cpu), 0),
    rounds,
  };
}

const BARE_PATH = '/api/v1/villages/:villageCode/years/:fiscalYear/commands/:type';

/** The baseline: express + zod with the same routes and schemas, nothing behind them. */
function bareApp() {
  const app = express();
  app.post(BARE_PATH, express.json({ limit: '64kb' }), (req, res) => {
    const schema = villageCommandSchemas[req.params.type as keyof typeof villageCommandSchemas];
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) res.status(422).json({ issues: parsed.error.issues });
    else res.status(201).json({ type: req.params.type, payload: parsed.data });
  });
  return app;
}

/**
 * The floor: what a request costs through node's HTTP server and express
 * with no work at all (same route, body left unparsed, an empty answer).
 */
function floorApp() {
  const app = express();
  app.post(BARE_PATH, (_req, res) => {
    res.status(201).json({});
  });
  return app;
}

const BASELINES = { bare: bareApp, floor: floorApp };
type Baseline = keyof typeof BASELINES;

function serveBaseline(baseline: Baseline): void {
  const server = BASELINES[baseline]().listen(0, '127.0.0.1', () =>
    process.send!({ port: (server.address() as AddressInfo).port }),
  );
  process.on('disconnect', () => server.close());
}

/** A baseline endpoint in its own process, like the Kasdesa server. */
async function startBaseline(baseline: Baseline) {
  const child = fork(__filename, ['baseline', baseline], {
    execArgv: [...KASDESA_NODE_FLAGS, '-r', 'ts-node/register/transpile-only'],
  });
  const [message] = (await once(child, 'message')) as [{ port: number }];
  return {
    url: `http://127.0.0.1:${message.port}`,
    pid: child.pid!,
    stop: () => child.disconnect(),
  };
}

const baselineEndpoint = (
  server: { url: string; pid: number },
  baseline: Baseline,
  villages: Omit<BenchVillage, 'token'>[],
): Endpoint => ({
  url: server.url,
  pid: server.pid,
  villages: villages.map((v) => ({ ...v, sppIds: [...v.sppIds], token: '-' })),
  label: baseline,
});

/** The floor, once: it only shows what a request costs before any work. */
async function runFloor(villages: Omit<BenchVillage, 'token'>[]) {
  const server = await startBaseline('floor');
  try {
    const endpoint = baselineEndpoint(server, 'floor', villages);
    const first = await warm(endpoint);
    return { ...(await timedRound(endpoint, 1)), firstCommandPerVillage: first };
  } finally {
    server.stop();
  }
}

/** Commands the timed rounds wrote, read back from the store after the server stopped. */
async function storedRunCommands(store: EventStore): Promise<number> {
  const commands = new Set<string>();
  for await (const page of store.readAllPages())
    for (const event of page) {
      const commandId = String(event.metadata.commandId);
      if (commandId.includes(':kasdesa-run')) commands.add(commandId);
    }
  return commands.size;
}

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Offsets (ms after the server was spawned) of the timed run: the profile is cut to them. */
interface Window {
  fromMs: number;
  toMs: number;
}

const percentages = (totals: Map<string, number>, all: number, top: number) =>
  Object.fromEntries(
    [...totals]
      .sort(([, a], [, b]) => b - a)
      .slice(0, top)
      .map(([name, count]) => [name, round((100 * count) / all, 1)]),
  );

/** Self time in the timed run, per source area and per function, in percent of its samples. */
function profileSummary(dir: string, windows: Window[]) {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) return { file: null };
  const kept = join(tmpdir(), 'kasdesa-bench-http.cpuprofile');
  copyFileSync(join(dir, file), kept);
  const profile = JSON.parse(readFileSync(kept, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const byStage = new Map<string, number>();
  const stageOf = stagesOf(profile);
  let elapsedUs = 0;
  let counted = 0;
  let busy = 0;
  profile.samples.forEach((id, index) => {
    elapsedUs += profile.timeDeltas[index] ?? 0;
    const inRun = windows.some(
      ({ fromMs, toMs }) => elapsedUs >= fromMs * 1000 && elapsedUs <= toMs * 1000,
    );
    if (!inRun) return;
    const frame = frames.get(id)!;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*\/(node_modules|src|projections)\//, '$1/')}:${frame.lineNumber + 1}`;
    byArea.set(area(frame), (byArea.get(area(frame)) ?? 0) + 1);
    byFunction.set(name, (byFunction.get(name) ?? 0) + 1);
    counted += 1;
    const stage = stageOf(id);
    if (stage === IDLE) return;
    byStage.set(stage, (byStage.get(stage) ?? 0) + 1);
    busy += 1;
  });
  return {
    file: kept,
    samples: counted,
    byArea: percentages(byArea, counted, 20),
    topFunctions: percentages(byFunction, counted, 25),
    byStage: percentages(byStage, busy, STAGES.length + 1),
  };
}

const IDLE = '(idle)';
const OTHER_STAGE = 'node HTTP, sockets, timers and the rest';

/**
 * Stages of a command, each claiming the samples with one of its frames on
 * the stack (the first stage that matches wins, so the specific come first):
 * inclusive time, where the per-function table is self time.
 */
const STAGES: [string, RegExp][] = [
  [
    'read models following the store',
    /catch-up-subscription\.ts|projection-engine\.ts|\/projections\//,
  ],
  ['command schema (zod, in the ledger)', /^parseOrThrow /],
  ['hash chain seal (canonical JSON + SHA-256)', /^sealEvents /],
  ['idempotency fingerprint', /^commandFingerprint /],
  ['session and access state', /^signedIn /],
  [
    'stream load and context (regency, sync record, project gate)',
    /^load .*stream-handler|^(villageContext|keepsBooks|paymentFacts) /,
  ],
  ['store append (SQLite insert, group commit, fsync)', /group-commit\.ts|\/src\/eventstore\//],
  ['decide (domain rules)', /^decide .*\/idempotency\.ts/],
  ['evolve and state cache', /^evolveAt |state-cache\.ts/],
  ['scope and role guard', /^(resolveTarget|requireMayIssue) /],
  ['JSON body (body-parser)', /node_modules\/(body-parser|raw-body)\//],
  ['answer (stable JSON, headers, socket write)', /^sendCommandResult /],
  ['request log (pino)', /request-log\.ts|node_modules\/(pino|sonic-boom|thread-stream)\//],
  ['express routing', /node_modules\/(express|router|path-to-regexp|parseurl)\//],
  ['garbage collector', /^\(garbage collector\)/],
];

/** The stage of each profile node, from the frames on its stack (memoised: nodes share stacks). */
function stagesOf(profile: CpuProfile): (id: number) => string {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id);
  const frameText = (id: number) => {
    const { functionName, url } = nodes.get(id)!.callFrame;
    return `${functionName || '(anonymous)'} ${url}`;
  };
  const known = new Map<number, string>();
  const stageOf = (id: number): string => {
    const cached = known.get(id);
    if (cached) return cached;
    if (frameText(id).startsWith(IDLE)) return IDLE;
    const stack: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at))
      stack.push(frameText(at));
    const stage =
      STAGES.find(([, pattern]) => stack.some((frame) => pattern.test(frame)))?.[0] ?? OTHER_STAGE;
    known.set(id, stage);
    return stage;
  };
  return stageOf;
}

/** The profile's summary, also written as bench/results/http-profile.md for people to read. */
function profiled(
  dir: string,
  windows: Window[],
  run: { durableCommandsPerSecond: number; cpuMicrosecondsPerResponse: number | null },
) {
  const summary = profileSummary(dir, windows);
  if (!summary.byArea || !summary.topFunctions || !summary.byStage) return summary;
  const table = (title: string, shares: Record<string, number>) => [
    `| ${title} | self time, % of samples |`,
    '| --- | ---: |',
    ...Object.entries(shares).map(([name, share]) => `| \`${name}\` | ${share} |`),
  ];
  const perResponse = (share: number) =>
    run.cpuMicrosecondsPerResponse === null
      ? '-'
      : String(round((share * run.cpuMicrosecondsPerResponse) / 100, 0));
  const stages = [
    '| stage of a command | % of busy samples | ≈ µs of the CPU per response |',
    '| --- | ---: | ---: |',
    ...Object.entries(summary.byStage).map(
      ([name, share]) => `| ${name} | ${share} | ${perResponse(share)} |`,
    ),
  ];
  const lines = [
    '# Where the command path spends its CPU',
    '',
    `Written by \`npm run bench -- http --profile\` on ${new Date().toISOString()}: the`,
    `Kasdesa server under the ${ROUNDS} timed rounds (50 connections, receipts and SPP payments),`,
    `${run.durableCommandsPerSecond} durable commands/s and ${run.cpuMicrosecondsPerResponse ?? '-'} µs of server`,
    `CPU per response (medians of the rounds), ${summary.samples} samples. The raw profile: \`${summary.file}\`.`,
    '',
    ...stages,
    '',
    ...table('area', summary.byArea),
    '',
    ...table('function (top 25)', summary.topFunctions),
    '',
  ];
  writeFileSync(join(__dirname, '..', 'results', 'http-profile.md'), lines.join('\n'));
  return summary;
}

const AREAS: [RegExp, string][] = [
  [/node_modules\/(pino|thread-stream|sonic-boom)/, 'pino logging'],
  [
    /node_modules\/(express|router|body-parser|raw-body|iconv-lite|qs|send|finalhandler)/,
    'express',
  ],
  [/node_modules\/zod/, 'zod'],
  [/node_modules\/better-sqlite3/, 'better-sqlite3'],
  [/node_modules\/decimal\.js/, 'decimal.js'],
  [/node_modules\/safe-stable-stringify/, 'safe-stable-stringify'],
  [/node_modules\//, 'other packages'],
  [/\/src\/eventstore\//, 'src/eventstore'],
  [/\/src\/domain\//, 'src/domain'],
  [/\/src\/app\//, 'src/app'],
  [/\/src\/http\//, 'src/http'],
  [/\/src\/access\//, 'src/access'],
  [/\/projections\//, 'projections'],
  [/^node:|^internal\//, 'node internals (http, net, streams)'],
];

function area({ functionName, url }: { functionName: string; url: string }): string {
  if (!url) return functionName ? `(${functionName})` : '(native)';
  return AREAS.find(([pattern]) => pattern.test(url))?.[1] ?? 'other';
}

function tableRow(
  endpoint: string,
  figures: Pick<
    RoundFigures,
    'durableCommandsPerSecond' | 'non2xx' | 'cpuMicrosecondsPerResponse'
  > & {
    latencyMs: { p50: number; p99: number };
  },
) {
  return {
    endpoint,
    rps: figures.durableCommandsPerSecond,
    non2xx: figures.non2xx,
    p50: figures.latencyMs.p50,
    p99: figures.latencyMs.p99,
    cpuUsPerResponse: figures.cpuMicrosecondsPerResponse ?? '-',
  };
}

/** The Kasdesa server on the prepared store, with a bearer token per village treasurer. */
async function startKasdesaEndpoint(
  dataDir: string,
  prepared: Omit<BenchVillage, 'token'>[],
  nodeArgs: string[],
) {
  const server = await startKasdesa(
    {
      KASDESA_STORE: 'embedded',
      KASDESA_DATA_DIR: dataDir,
      KASDESA_DEMO: '1',
      KASDESA_DEMO_VILLAGES: String(VILLAGES),
      KASDESA_DEMO_FULL_YEAR: '0',
    },
    { nodeArgs },
  );
  const api = new KasdesaApi(server.baseUrl);
  const villages = await Promise.all(
    prepared.map(async (v) => ({
      ...v,
      token: await api.token(demoUsername('treasurer', v.code)),
    })),
  );
  const endpoint: Endpoint = { url: server.baseUrl, pid: server.pid, villages, label: 'kasdesa' };
  return { server, endpoint };
}

/**
 * Durable commands over HTTP: the real server process on the embedded store
 * (synchronous=FULL, group commit) with the demo regency, autocannon at 50
 * connections against receipts and SPP payments, beside a bare express + zod
 * endpoint given the same requests in alternating rounds (the ratio is the
 * median of the rounds' ratios), and an express floor once, with the server
 * CPU each spends per response. `--profile` profiles the server during the
 * timed rounds and writes its self time per area and function to
 * bench/results/http-profile.md beside the JSON.
 */
export async function httpBench(options: { profile: boolean }): Promise<Record<string, unknown>> {
  const data = tempDir('kasdesa-bench-http-');
  const config = { store: 'embedded' as const, dataDir: data.dir, port: 0 };
  try {
    const store = openStore(config);
    const started = Date.now();
    const prepared = await prepareVillages(store);
    await store.close();
    console.error(`prepared ${prepared.length} villages in ${Date.now() - started} ms`);

    const floorFigures = await runFloor(prepared);

    const profileDir = join(data.dir, 'profile');
    if (options.profile) mkdirSync(profileDir);
    const runWindows: Window[] = [];
    const spawnedAt = Date.now();
    const { server, endpoint: kasdesaEndpoint } = await startKasdesaEndpoint(
      data.dir,
      prepared,
      options.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    );
    const bareServer = await startBaseline('bare');
    const bareEndpoint = baselineEndpoint(bareServer, 'bare', prepared);
    const loadAverages: number[] = [];
    const bareRounds: RoundFigures[] = [];
    const kasdesaRounds: RoundFigures[] = [];
    let exitCode: number | null;
    let kasdesaFirst;
    let bareFirst;
    try {
      kasdesaFirst = await warm(kasdesaEndpoint);
      bareFirst = await warm(bareEndpoint);
      for (let n = 1; n <= ROUNDS; n += 1) {
        loadAverages.push(loadavg()[0] ?? 0);
        bareRounds.push(await timedRound(bareEndpoint, n));
        kasdesaRounds.push(
          await timedRound(kasdesaEndpoint, n, (window) =>
            runWindows.push({ fromMs: window.fromMs - spawnedAt, toMs: window.toMs - spawnedAt }),
          ),
        );
      }
    } finally {
      bareServer.stop();
      exitCode = await server.stop();
    }
    const reopened = openStore(config);
    const stored = await storedRunCommands(reopened);
    await reopened.close();

    const kasdesa = overRounds(kasdesaRounds);
    const bare = overRounds(bareRounds);
    const roundRatios = kasdesaRounds.map((figures, index) =>
      round(figures.durableCommandsPerSecond / bareRounds[index]!.durableCommandsPerSecond, 3),
    );
    const ratioToBare = round(median(roundRatios), 3);
    // Server CPU per response barely moves when other work shares the cores, unlike the rates.
    const cpuRatios = kasdesaRounds.flatMap((figures, index) => {
      const [own, bares] = [figures, bareRounds[index]!].map((f) => f.cpuMicrosecondsPerResponse);
      return own && bares ? [round(bares / own, 3)] : [];
    });
    printTable([
      ...kasdesaRounds.flatMap((figures, index) => [
        tableRow(`kasdesa, round ${index + 1}`, figures),
        tableRow(`bare express + zod, round ${index + 1}`, bareRounds[index]!),
      ]),
      tableRow('kasdesa, median of rounds', kasdesa),
      tableRow('bare express + zod, median of rounds', bare),
      tableRow('express floor', floorFigures),
    ]);
    console.log(
      `ratio to bare per round ${roundRatios.join(', ')}; median ${ratioToBare}; by CPU per response ${cpuRatios.join(', ')}; first command per village p50 ${kasdesaFirst.latencyMs.p50} ms (bare ${bareFirst.latencyMs.p50} ms)`,
    );
    return {
      settings: {
        connections: CONNECTIONS,
        rounds: ROUNDS,
        durationSecondsPerRound: DURATION_S,
        warmupSeconds: WARMUP_S,
        beforeWarmup:
          'one command per village, all at once, right after the start (the cold stream loads), reported as firstCommandPerVillage',
        villages: kasdesaEndpoint.villages.length,
        mix: 'per connection one village; RecordReceipt and PayPaymentRequest (approved LS SPP) alternating',
        server:
          'real process: node --max-semi-space-size=64 -r ts-node/register/transpile-only src/composition/main.ts (as npm start); embedded store, synchronous=FULL, group commit; pino request log on',
        bare: 'express.json + the same zod command schemas, in its own process, same requests; its rounds alternate with the Kasdesa rounds, both processes up throughout',
        floor:
          'express with the same route and an empty answer, body not parsed: the cost of a request before any work (one round)',
      },
      kasdesa: {
        ...kasdesa,
        firstCommandPerVillage: kasdesaFirst,
        commandsStoredByTheRounds: stored,
        serverExitCode: exitCode,
      },
      bare: { ...bare, firstCommandPerVillage: bareFirst },
      floor: floorFigures,
      cpuMicrosecondsPerResponse: {
        kasdesa: kasdesa.cpuMicrosecondsPerResponse,
        bare: bare.cpuMicrosecondsPerResponse,
        floor: floorFigures.cpuMicrosecondsPerResponse,
        atTargetOnOneThread: round(1e6 / TARGETS.durableCommandsPerSecond, 0),
      },
      ratioToBarePerRound: roundRatios,
      ratioToBare,
      cpuRatioToBarePerRound: cpuRatios,
      cpuRatioToBare: cpuRatios.length === 0 ? null : round(median(cpuRatios), 3),
      targets: {
        ...TARGETS,
        met: {
          durableCommandsPerSecond:
            kasdesa.durableCommandsPerSecond >= TARGETS.durableCommandsPerSecond,
          p99Ms: kasdesa.latencyMs.p99 <= TARGETS.p99Ms,
          ratioToBare: ratioToBare >= TARGETS.ratioToBare,
          firstCommandP50Ms: kasdesaFirst.latencyMs.p50 <= TARGETS.firstCommandP50Ms,
        },
      },
      loadAverageAtRounds: loadAverages.map((value) => round(value, 2)),
      ...(options.profile
        ? { serverCpuProfileOfTheRounds: profiled(profileDir, runWindows, kasdesa) }
        : {}),
    };
  } finally {
    data.remove();
  }
}

if (require.main === module && process.argv[2] === 'baseline')
  serveBaseline(process.argv[3] as Baseline);
