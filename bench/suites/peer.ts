import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createEmbeddedStore } from '../../src/eventstore/embedded';
import type { EventData, JsonObject } from '../../src/eventstore/port';
import { median, printTable, ratePerSecond, round } from '../stats';
import {
  COMMANDS,
  READ_EVENTS,
  ROUNDS,
  STREAMS,
  streamName,
  workload,
  workloadOfEvents,
  WORKLOAD,
  type Command,
} from '../workload';

/**
 * Kasdesa's embedded store against the event store a team would otherwise
 * pick: @event-driven-io/emmett-sqlite. The peer lives in bench/peer with its
 * own lockfile, so the main `npm ci` never builds sqlite3 from source.
 */

const PEER_DIR = join(__dirname, '..', 'peer');
const PEER_MODULES = join(PEER_DIR, 'node_modules');

/** The slice of emmett-sqlite's API used here, typed locally: its own types are outside the main typecheck. */
interface EmmettEvent {
  type: string;
  data: JsonObject;
  metadata: JsonObject;
}
interface EmmettConnection {
  command(sql: string): Promise<unknown>;
  querySingle<T>(sql: string): Promise<T | null>;
  close(): void;
}
interface EmmettStore {
  appendToStream(
    stream: string,
    events: EmmettEvent[],
    options: { expectedStreamVersion: bigint },
  ): Promise<{ nextExpectedStreamVersion: bigint }>;
  readStream(stream: string): Promise<{ events: unknown[] }>;
  schema: { migrate(): Promise<void> };
}
interface EmmettSqlite {
  sqliteConnection(options: { fileName: string }): EmmettConnection;
  getSQLiteEventStore(options: {
    fileName: string;
    schema?: { autoMigration: 'None' };
    connectionOptions?: { singleton: true; connection: EmmettConnection };
  }): EmmettStore;
}

/** Installs bench/peer on first use. */
function installPeer(): void {
  if (existsSync(PEER_MODULES)) return;
  console.error(
    'bench/peer/node_modules belum ada / missing: running `npm ci` in bench/peer (sqlite3 builds from source, ~2 min)…',
  );
  // npm's output goes to stderr, keeping stdout for the results table.
  const result = spawnSync('npm', ['ci', '--prefix', PEER_DIR], {
    cwd: PEER_DIR,
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0) {
    // A half-installed folder would pass for installed on the next run.
    rmSync(PEER_MODULES, { recursive: true, force: true });
    throw new Error(
      `npm ci in bench/peer failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`})`,
    );
  }
}

function loadEmmett(): EmmettSqlite {
  installPeer();
  // Resolved from bench/peer, not the main node_modules; `require` picks the package's CJS entry (dist/index.cjs).
  return createRequire(join(PEER_DIR, 'package.json'))(
    '@event-driven-io/emmett-sqlite',
  ) as EmmettSqlite;
}

function versionOf(modules: string, name: string): string {
  return (
    JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')) as { version: string }
  ).version;
}

/** What a side's SQLite connection actually runs with, read back from it rather than assumed. */
interface Settings {
  journalMode: string;
  synchronous: string;
  sqliteVersion: string;
}

function synchronousName(level: number): string {
  return `${['OFF', 'NORMAL', 'FULL', 'EXTRA'][level] ?? 'unknown'} (${level})`;
}

/** One store under test, opened on one file. */
interface Contender {
  append(command: Command): Promise<void>;
  /** Reads the whole stream; returns how many events it held. */
  readStream(stream: string): Promise<number>;
  settings(): Promise<Settings>;
  /** Appends retried so far after a transient SQLITE_BUSY. */
  retries(): number;
  close(): Promise<void>;
}

type SideName = 'kasdesa' | 'emmett' | 'emmettDefaults';
const SIDE_NAMES: SideName[] = ['kasdesa', 'emmett', 'emmettDefaults'];

interface Side {
  name: SideName;
  /** Which on-disk format it reads: both emmett configurations read the same file. */
  format: 'kasdesa' | 'emmett';
  /** Safe only for one writer at a time: concurrent clients must queue for it. */
  oneWriterAtATime: boolean;
  open(file: string): Promise<Contender>;
}

/** Kasdesa the way the app uses it: hash chain over the embedded store (WAL, synchronous=FULL). */
function kasdesa(file: string): Contender {
  const embedded = createEmbeddedStore({ file });
  const store = withHashChain(embedded);
  const revisions = new Map<string, bigint>();
  const { db } = embedded;
  return {
    async append({ stream, events }) {
      const result = await store.append(stream, events, revisions.get(stream) ?? 'no_stream');
      revisions.set(stream, result.nextRevision);
    },
    readStream: async (stream) => (await store.readStream(stream)).length,
    settings: async () => ({
      journalMode: String(db.pragma('journal_mode', { simple: true })),
      synchronous: synchronousName(Number(db.pragma('synchronous', { simple: true }))),
      sqliteVersion: String(db.prepare('SELECT sqlite_version()').pluck().get()),
    }),
    retries: () => 0,
    close: () => store.close(),
  };
}

/** The same id, type, data and metadata Kasdesa gets; emmett keeps the id as its messageId. */
function toEmmett({ id, type, data, metadata }: EventData): EmmettEvent {
  return { type, data, metadata: { ...metadata, messageId: id } };
}

async function emmettSettings(connection: EmmettConnection): Promise<Settings> {
  const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
  const synchronous = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
  const version = await connection.querySingle<{ version: string }>(
    'SELECT sqlite_version() AS version',
  );
  return {
    journalMode: String(journal?.journal_mode),
    synchronous: synchronousName(Number(synchronous?.synchronous)),
    sqliteVersion: String(version?.version),
  };
}

const BUSY_ATTEMPTS = 10;
/** Concurrent clients in the concurrent-writers rounds. */
const WRITERS = 50;

function isBusy(error: unknown): boolean {
  return (error as { code?: unknown } | undefined)?.code === 'SQLITE_BUSY';
}

function emmettContender(
  store: EmmettStore,
  settings: () => Promise<Settings>,
  close: () => void,
): Contender {
  const versions = new Map<string, bigint>();
  let retries = 0;
  // emmett-sqlite's COMMIT can race the asynchronous finalize of a statement it stepped without finishing
  // (SQLITE_BUSY "SQL statements in progress"; its pool's fresh connections meet it most). The append was
  // rolled back, so it is retried, as a caller would, and counted: the retry's time is part of the figure.
  async function appendWithRetry(
    stream: string,
    events: EmmettEvent[],
    expectedStreamVersion: bigint,
    attempt = 1,
  ): Promise<bigint> {
    try {
      return (await store.appendToStream(stream, events, { expectedStreamVersion }))
        .nextExpectedStreamVersion;
    } catch (error) {
      if (!isBusy(error) || attempt >= BUSY_ATTEMPTS) throw error;
      retries += 1;
      return appendWithRetry(stream, events, expectedStreamVersion, attempt + 1);
    }
  }
  return {
    async append({ stream, events }) {
      // 0n: the stream must not exist yet (emmett inserts its stream row, a duplicate fails the append).
      versions.set(
        stream,
        await appendWithRetry(stream, events.map(toEmmett), versions.get(stream) ?? 0n),
      );
    },
    readStream: async (stream) => (await store.readStream(stream)).events.length,
    settings,
    retries: () => retries,
    close: async () => close(),
  };
}

/**
 * Emmett as favourably as its API allows: one long-lived connection (by
 * default its pool opens one per operation), our durability, schema created
 * before timing and not re-checked on every call.
 */
async function emmettTuned(
  peer: EmmettSqlite,
  file: string,
): Promise<Contender & { connection: EmmettConnection }> {
  const connection = peer.sqliteConnection({ fileName: file });
  // sqliteConnection() sends journal_mode = WAL without waiting for it; both are awaited here so every append runs under them.
  await connection.command('PRAGMA journal_mode = WAL');
  await connection.command('PRAGMA synchronous = FULL');
  const store = peer.getSQLiteEventStore({
    fileName: file,
    schema: { autoMigration: 'None' },
    connectionOptions: { singleton: true, connection },
  });
  await store.schema.migrate();
  return {
    connection,
    ...emmettContender(
      store,
      () => emmettSettings(connection),
      () => connection.close(),
    ),
  };
}

/** Emmett with its defaults: `getSQLiteEventStore({ fileName })`. */
async function emmettDefaults(peer: EmmettSqlite, file: string): Promise<Contender> {
  const store = peer.getSQLiteEventStore({ fileName: file });
  // Creating the schema is not measured on either side.
  await store.schema.migrate();
  // Its pool opens a fresh sqliteConnection() per operation; a fresh one shows the settings each of them gets.
  const settings = async () => {
    const probe = peer.sqliteConnection({ fileName: file });
    try {
      return await emmettSettings(probe);
    } finally {
      probe.close();
    }
  };
  return emmettContender(store, settings, () => undefined);
}

function sides(peer: EmmettSqlite): Side[] {
  return [
    {
      name: 'kasdesa',
      format: 'kasdesa',
      oneWriterAtATime: false,
      open: async (file) => kasdesa(file),
    },
    {
      name: 'emmett',
      format: 'emmett',
      oneWriterAtATime: true,
      open: (file) => emmettTuned(peer, file),
    },
    {
      name: 'emmettDefaults',
      format: 'emmett',
      oneWriterAtATime: true,
      open: (file) => emmettDefaults(peer, file),
    },
  ];
}

/** Appends `commands` in waves of STREAMS consecutive ones (distinct streams), each wave committed by `commitWave`. */
async function inWaves(
  commands: Command[],
  commitWave: (wave: Command[]) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < commands.length; start += STREAMS)
    await commitWave(commands.slice(start, start + STREAMS));
}

/** Read files for both formats, each filled through its own store's append path. */
async function fillReadFiles(
  peer: EmmettSqlite,
  dir: string,
): Promise<Record<Side['format'], string>> {
  const files = {
    kasdesa: join(dir, 'read-kasdesa.sqlite'),
    emmett: join(dir, 'read-emmett.sqlite'),
  };
  const commands = workloadOfEvents(READ_EVENTS);
  const ours = kasdesa(files.kasdesa);
  // Appends started in the same tick share one group commit.
  await inWaves(commands, async (wave) => {
    await Promise.all(wave.map((command) => ours.append(command)));
  });
  await ours.close();
  const theirs = await emmettTuned(peer, files.emmett);
  // Its own append path, one by one without fsync for speed: an outer transaction around its appends
  // can leave emmett's transaction nesting stuck after a SQLITE_BUSY, and the fill never ends.
  await theirs.connection.command('PRAGMA synchronous = OFF');
  for (const command of commands) await theirs.append(command);
  await theirs.close();
  return files;
}

type PerSide = Record<SideName, number>;

interface Round {
  rates: PerSide;
  retries: PerSide;
}

/** Each side in `order`: open `fileFor(side)`, time `work` on it, close. */
async function measureRound(
  order: Side[],
  fileFor: (side: Side) => string,
  units: number,
  work: (contender: Contender, side: Side) => Promise<void>,
): Promise<Round> {
  const result: { rates: Partial<PerSide>; retries: Partial<PerSide> } = { rates: {}, retries: {} };
  for (const side of order) {
    const contender = await side.open(fileFor(side));
    result.rates[side.name] = await ratePerSecond(units, () => work(contender, side));
    result.retries[side.name] = contender.retries();
    await contender.close();
  }
  return result as Round;
}

/** A discarded warm-up, then ROUNDS rounds, alternating which side goes first so none always meets the warmer disk or cache. */
async function measuredRounds(
  what: string,
  all: Side[],
  measure: (order: Side[], label: string) => Promise<Round>,
): Promise<Round[]> {
  await measure(all, `${what}-warm-up`);
  const rounds: Round[] = [];
  for (let index = 0; index < ROUNDS; index++) {
    const { rates, retries } = await measure(
      index % 2 === 0 ? all : [...all].reverse(),
      `${what}-${index}`,
    );
    rounds.push({ rates, retries });
    const figures = SIDE_NAMES.map(
      (name) =>
        `${name} ${rates[name].toFixed(0)}/s${retries[name] > 0 ? ` (${retries[name]} retried)` : ''}`,
    );
    console.error(`${what} round ${index + 1}/${ROUNDS}: ${figures.join(', ')}`);
  }
  return rounds;
}

/** Calls `append` one at a time, in arrival order: how concurrent clients must share a one-writer store. */
function queued(append: Contender['append']): Contender['append'] {
  let tail: Promise<unknown> = Promise.resolve();
  return (command) => {
    const turn = tail.then(() => append(command));
    tail = turn.catch(() => undefined);
    return turn;
  };
}

/**
 * `writers` clients at once, as the HTTP API meets them; client w owns the
 * streams i with i mod writers = w and awaits each of its appends in order.
 */
async function concurrently(
  side: Side,
  contender: Contender,
  commands: Command[],
  writers: number,
) {
  const append = side.oneWriterAtATime ? queued(contender.append) : contender.append;
  const writer = async (w: number) => {
    for (let i = w; i < commands.length; i += writers) await append(commands[i]!);
  };
  await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
}

function appendRounds(all: Side[], dir: string, writers: number): Promise<Round[]> {
  const what = writers === 1 ? 'append' : `append-${writers}-writers`;
  return measuredRounds(what, all, (order, label) => {
    const commands = workload(COMMANDS);
    return measureRound(
      order,
      (side) => join(dir, `${side.name}-${label}.sqlite`),
      commands.length,
      (contender, side) => concurrently(side, contender, commands, writers),
    );
  });
}

function readRounds(all: Side[], files: Record<Side['format'], string>): Promise<Round[]> {
  return measuredRounds('read', all, (order) =>
    measureRound(
      order,
      (side) => files[side.format],
      READ_EVENTS,
      async (contender) => {
        let seen = 0;
        for (let index = 0; index < STREAMS; index++)
          seen += await contender.readStream(streamName(index));
        if (seen !== READ_EVENTS) throw new Error(`read ${seen} of ${READ_EVENTS}`);
      },
    ),
  );
}

/** Each side's settings, read back after one append on a scratch file. */
async function settingsOf(all: Side[], dir: string): Promise<Record<SideName, Settings>> {
  const settings: Partial<Record<SideName, Settings>> = {};
  for (const side of all) {
    const contender = await side.open(join(dir, `${side.name}-settings.sqlite`));
    await contender.append(workload(1)[0]!);
    settings[side.name] = await contender.settings();
    await contender.close();
  }
  return settings as Record<SideName, Settings>;
}

function perSide<T>(value: (name: SideName) => T): Record<SideName, T> {
  return Object.fromEntries(SIDE_NAMES.map((name) => [name, value(name)])) as Record<SideName, T>;
}

function summarise(rounds: Round[]) {
  const medianOf = (name: SideName) => median(rounds.map(({ rates }) => rates[name]));
  const versus = (other: SideName) => ({
    ratioOfMedians: round(medianOf('kasdesa') / medianOf(other)),
    medianOfRoundRatios: round(median(rounds.map(({ rates }) => rates.kasdesa / rates[other]))),
  });
  const bestEmmett = (rates: PerSide) => Math.max(rates.emmett, rates.emmettDefaults);
  return {
    medianPerSecond: perSide((name) => round(medianOf(name), 1)),
    kasdesaOverEmmett: versus('emmett'),
    kasdesaOverEmmettDefaults: versus('emmettDefaults'),
    kasdesaOverBestEmmett: {
      ratioOfMedians: round(
        medianOf('kasdesa') / Math.max(medianOf('emmett'), medianOf('emmettDefaults')),
      ),
      medianOfRoundRatios: round(
        median(rounds.map(({ rates }) => rates.kasdesa / bestEmmett(rates))),
      ),
    },
    busyRetriesInMeasuredRounds: perSide((name) =>
      rounds.reduce((sum, { retries }) => sum + retries[name], 0),
    ),
    rounds: rounds.map(({ rates, retries }) => ({
      perSecond: perSide((name) => round(rates[name], 1)),
      kasdesaOverEmmett: round(rates.kasdesa / rates.emmett),
      kasdesaOverEmmettDefaults: round(rates.kasdesa / rates.emmettDefaults),
      busyRetries: retries,
    })),
  };
}

function tableRow(
  figure: string,
  summary: ReturnType<typeof summarise>,
): Record<string, string | number> {
  return {
    figure,
    ...summary.medianPerSecond,
    'kasdesa/emmett': summary.kasdesaOverEmmett.ratioOfMedians,
    'kasdesa/emmettDefaults': summary.kasdesaOverEmmettDefaults.ratioOfMedians,
    'kasdesa/best emmett': summary.kasdesaOverBestEmmett.ratioOfMedians,
  };
}

function configuration(settings: Record<SideName, Settings>) {
  return {
    kasdesa: {
      store: 'withHashChain(createEmbeddedStore({ file })), as the app uses it',
      commit:
        'one writer: one BEGIN IMMEDIATE … COMMIT per append; concurrent writers: group commit, appends started in the same tick share one transaction, each with its own expected-revision check and savepoint',
      ...settings.kasdesa,
    },
    emmett: {
      store:
        "getSQLiteEventStore({ fileName, schema: { autoMigration: 'None' }, connectionOptions: { singleton: true, connection: sqliteConnection({ fileName }) } }) " +
        'after PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL on that connection; schema.migrate() before timing',
      commit: 'one BEGIN IMMEDIATE … COMMIT per appendToStream',
      ...settings.emmett,
    },
    emmettDefaults: {
      store: 'getSQLiteEventStore({ fileName }) (its defaults); schema.migrate() before timing',
      commit:
        'one BEGIN IMMEDIATE … COMMIT per appendToStream, on a sqlite3 connection its pool opens and closes for every operation',
      ...settings.emmettDefaults,
    },
  };
}

const NOTES = [
  'emmett-sqlite 0.42.4 declares peers @event-driven-io/emmett 0.42.4 and sqlite3 ^5.1.7; bench/peer installs emmett 0.42.0 ' +
    "(the newest on this registry) and sqlite3 6.0.1 with legacy-peer-deps, plus emmett's own peers uuid and async-retry. " +
    "emmett-sqlite bundles emmett's core into its dist, so emmett 0.42.0 itself is not loaded at run time.",
  'Both sides append one command per transaction and fsync it (WAL, synchronous=FULL, read back from each connection).',
  'Kasdesa also hash-chains every event (SHA-256, hash fields in the metadata); emmett adds streamName/streamPosition/messageId to its metadata.',
  'emmett-sqlite can fail a COMMIT with SQLITE_BUSY "SQL statements in progress" (a statement it stepped once is finalized asynchronously); ' +
    'such appends are retried and counted in busyRetries, and emmett logs each one to stdout.',
  'emmett with a singleton connection is only safe for one writer at a time (its transaction nesting counter is per connection): ' +
    'with concurrent writers its appends queue and run one by one. Its default pool (a connection per operation, no busy timeout) fails concurrent appends: ' +
    'tried with 50 writers, appends failed with SQLITE_BUSY "database is locked" ten times in a row and then "cannot rollback - no transaction is active", ' +
    'so its appends queue too.',
  "emmett's connections send PRAGMA journal_mode = WAL without waiting for it; now and then sqlite3 runs it inside the operation's transaction and raises " +
    'an uncaught error for it. The operation itself goes on (the file is WAL already); such errors are counted in emmettWalPragmaRaces.',
  `Concurrent writers: ${WRITERS} clients, as the HTTP bench's 50 connections; client w owns the streams i with i mod ${WRITERS} = w and awaits each append. ` +
    "kasdesaOverBestEmmett compares Kasdesa with the faster of emmett's two configurations in each round.",
];

function versions() {
  const mainModules = join(__dirname, '..', '..', 'node_modules');
  return {
    emmett: versionOf(PEER_MODULES, '@event-driven-io/emmett'),
    emmettSqlite: versionOf(PEER_MODULES, '@event-driven-io/emmett-sqlite'),
    sqlite3: versionOf(PEER_MODULES, 'sqlite3'),
    betterSqlite3: versionOf(mainModules, 'better-sqlite3'),
  };
}

const WAL_PRAGMA_RACE = /cannot change into wal mode from within a transaction/;

/**
 * emmett's sqliteConnection() sends `PRAGMA journal_mode = WAL` with no
 * callback; when sqlite3 runs it after the operation's BEGIN, it fails and
 * sqlite3 raises that as an uncaught error. The file is WAL already and the
 * operation goes on, so such errors are counted; anything else still ends the run.
 */
function countingWalPragmaRaces(): { count: () => number; stop: () => void } {
  let races = 0;
  const onError = (error: Error) => {
    if (!WAL_PRAGMA_RACE.test(error.message)) {
      console.error(error);
      process.exit(1);
    }
    races += 1;
  };
  process.on('uncaughtException', onError);
  return { count: () => races, stop: () => process.off('uncaughtException', onError) };
}

export async function peerBench(): Promise<Record<string, unknown>> {
  const peer = loadEmmett();
  const all = sides(peer);
  const dir = mkdtempSync(join(tmpdir(), 'kasdesa-bench-peer-'));
  const walPragmaRaces = countingWalPragmaRaces();
  try {
    const settings = await settingsOf(all, dir);
    const appends = summarise(await appendRounds(all, dir, 1));
    const concurrentAppends = summarise(await appendRounds(all, dir, WRITERS));
    console.error(`filling read files with ${READ_EVENTS} events each…`);
    const reads = summarise(await readRounds(all, await fillReadFiles(peer, dir)));
    printTable([
      tableRow(
        'append commands/s, one writer (1–3 events, expected revision, 200 streams)',
        appends,
      ),
      tableRow(`append commands/s, ${WRITERS} concurrent writers`, concurrentAppends),
      tableRow(`events/s reading each of ${STREAMS} streams fully`, reads),
    ]);
    return {
      workload: WORKLOAD,
      peer: '@event-driven-io/emmett-sqlite, installed in bench/peer (npm ci on first use), loaded through its CJS entry',
      notes: NOTES,
      configuration: configuration(settings),
      versions: versions(),
      appends: { unit: 'commands per second', writers: 1, ...appends },
      concurrentAppends: { unit: 'commands per second', writers: WRITERS, ...concurrentAppends },
      readStreams: { unit: 'events per second', ...reads },
      emmettWalPragmaRaces: walPragmaRaces.count(),
    };
  } finally {
    walPragmaRaces.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
