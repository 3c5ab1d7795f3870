import { join } from 'node:path';
import { stringify } from 'safe-stable-stringify';
import { createAccessService } from '../../src/access/access-service';
import { createLedger } from '../../src/app/ledger';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createEmbeddedStore } from '../../src/eventstore/embedded';
import { embeddedStoreFile } from '../../src/eventstore/store-location';
import type { EventStore } from '../../src/eventstore/port';
import { openSqliteFile } from '../../src/eventstore/sqlite-file';
import { verifyAllStreams } from '../../src/eventstore/verify-stream';
import { toJsonValue } from '../../src/domain/shared/json-value';
import { allReferenceData } from '../../src/composition/read-model-runtime';
import { CheckpointStore } from '../../projections/engine/checkpoint-store';
import type { Projection } from '../../projections/engine/projection';
import { ProjectionEngine } from '../../projections/engine/projection-engine';
import { projectionList, readModelProjections } from '../../projections/read-models/read-models';
import { referenceLookup } from '../../projections/folds/reference-lookup';
import {
  bearer,
  login,
  send,
  sendCommand,
  villagePath,
} from '../../tests/support/simulation/http-client';
import { Random } from '../../tests/support/simulation/prng';
import {
  REGENCY,
  setUpVillages,
  VILLAGE_ROLES,
  YEAR,
} from '../../tests/support/simulation/scenario';
import { StoreChecker } from '../../tests/support/simulation/store-checker';
import {
  PASSWORD,
  registerVillageUsers,
  userKey,
  type VillageUser,
} from '../../tests/support/simulation/users';
import { Workload, type PlannedCommand } from '../../tests/support/simulation/workload';
import { tempDir } from '../../tests/support/temp-dir';
import { buildServer } from './server-build';
import { startServer, type ServerProcess } from './server-process';

export interface CrashOptions {
  seed: number;
  kills: number;
  /** Concurrent HTTP clients during a burst. */
  clients: number;
  /** A burst lasts a random time in [minBurstMs, maxBurstMs) before the SIGKILL. */
  minBurstMs: number;
  maxBurstMs: number;
  log?: (line: string) => void;
}

export interface CrashFigures {
  seed: number;
  killsSurvived: number;
  commandsAcknowledged: number;
  acknowledgedFound: number;
  refused: number;
  /** Requests cut off by a kill, retried after the restart with the same Idempotency-Key. */
  unansweredRetried: number;
  events: number;
  projectionComparisons: number;
  violations: string[];
}

const VILLAGES = ['35.10.01.2001', '35.10.01.2002'];

interface Ack {
  commandId: string;
  stream: string;
  revisions: string[];
}

/** The data folder of the run: users and two enacted village budgets, written before the server first starts. */
async function prepare(dataDir: string): Promise<Map<string, VillageUser>> {
  const store = withHashChain(createEmbeddedStore({ file: embeddedStoreFile(dataDir) }));
  try {
    const users = await registerVillageUsers(
      createAccessService({ store, regencyCode: REGENCY }),
      VILLAGES,
    );
    await setUpVillages(createLedger({ store }), VILLAGES);
    return users;
  } finally {
    await store.close();
  }
}

async function withStore<T>(dataDir: string, work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = withHashChain(createEmbeddedStore({ file: embeddedStoreFile(dataDir) }));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Serialized read-model states as canonical JSON (sorted keys: property order is no difference). */
function states(
  read: (projection: Projection<unknown>) => unknown,
  projections: Projection<unknown>[],
): Record<string, unknown> {
  return JSON.parse(
    stringify(Object.fromEntries(projections.map((p) => [p.name, read(p)]))) ?? '{}',
  );
}

/**
 * The server's read models (saved by its engine once it caught up at start,
 * before it took traffic) against a fresh engine rebuilding them from zero
 * over the same events; and each village's ledger state as the server
 * answers it against a fresh ledger's.
 */
async function compareWithRebuild(
  dataDir: string,
  server: ServerProcess,
  tokens: Map<string, string>,
): Promise<string[]> {
  return withStore(dataDir, async (store) => [
    ...(await readModelDifferences(dataDir, store)),
    ...(await ledgerDifferences(server, tokens, store)),
  ]);
}

async function readModelDifferences(dataDir: string, store: EventStore): Promise<string[]> {
  const projections = projectionList(readModelProjections(referenceLookup(allReferenceData())));
  const scratch = tempDir('kasdesa-rebuild-');
  const savedDb = openSqliteFile(embeddedStoreFile(dataDir));
  const rebuiltDb = openSqliteFile(join(scratch.dir, 'rebuilt.sqlite'));
  try {
    const rebuilt = new ProjectionEngine(store, new CheckpointStore(rebuiltDb), projections);
    await rebuilt.start();
    await rebuilt.stop();
    // Not started: constructed on the server's file, it holds what the server saved, restored as on a start.
    const saved = new ProjectionEngine(store, new CheckpointStore(savedDb), projections);
    await saved.loadParts();
    const expected = states((p) => p.serialize(rebuilt.state(p)), projections);
    const actual = states((p) => p.serialize(saved.state(p)), projections);
    return Object.keys(expected)
      .filter((name) => stringify(actual[name]) !== stringify(expected[name]))
      .map(
        (name) =>
          `read model ${name} differs from a rebuild from zero: ${firstDifference(actual[name], expected[name])}`,
      );
  } finally {
    savedDb.close();
    rebuiltDb.close();
    scratch.remove();
  }
}

async function ledgerDifferences(
  server: ServerProcess,
  tokens: Map<string, string>,
  store: EventStore,
): Promise<string[]> {
  const found: string[] = [];
  const ledger = createLedger({ store });
  for (const village of VILLAGES) {
    const answer = await send(villagePath(server.baseUrl, village), {
      headers: bearer(tokens.get(userKey(village, 'treasurer'))!),
    });
    const loaded = await ledger.loadVillage(village, YEAR);
    const fresh = toJsonValue({ revision: loaded.revision ?? -1n, state: loaded.state.domain });
    const served = { revision: answer.body?.revision, state: answer.body?.state };
    if (stringify(served) !== stringify(fresh))
      found.push(`${village}: served state differs from a fresh fold`);
  }
  return found;
}

/** The first path where two JSON values differ, with both values, for the failure message. */
function firstDifference(actual: unknown, expected: unknown, path = '$'): string {
  if (
    typeof actual === 'object' &&
    actual !== null &&
    typeof expected === 'object' &&
    expected !== null
  ) {
    for (const key of new Set([...Object.keys(actual), ...Object.keys(expected)])) {
      const a = (actual as Record<string, unknown>)[key];
      const e = (expected as Record<string, unknown>)[key];
      if (stringify(a) !== stringify(e)) return firstDifference(a, e, `${path}.${key}`);
    }
  }
  return `${path}: saved ${JSON.stringify(actual)?.slice(0, 200)}, rebuilt ${JSON.stringify(expected)?.slice(0, 200)}`;
}

/** Every acknowledged command's events are stored where its 201 said, under its command id. */
async function missingAcks(store: EventStore, acks: Ack[]): Promise<string[]> {
  const missing: string[] = [];
  for (const ack of acks) {
    const first = BigInt(ack.revisions[0]!);
    const stored = await store
      .readStream(ack.stream, { fromRevision: first, maxCount: ack.revisions.length })
      .catch(() => []);
    const ok =
      stored.length === ack.revisions.length &&
      stored.every((e) => e.metadata.commandId === ack.commandId);
    if (!ok)
      missing.push(
        `acknowledged ${ack.commandId} not found at ${ack.stream}@${ack.revisions.join(',')}`,
      );
  }
  return missing;
}

/**
 * Runs the real server process on a temp data folder under HTTP load and
 * SIGKILLs it at seeded random moments. After each kill: every command
 * answered 2xx is stored, every chain verifies, the ledger invariants hold
 * and no command was applied twice; after each restart: the commands whose
 * answers the kill cut off are sent again under the same key, and the read
 * models and ledger states equal a rebuild from zero.
 */
export async function runCrashUnderLoad(options: CrashOptions): Promise<CrashFigures> {
  const log = options.log ?? (() => undefined);
  const random = new Random(options.seed);
  const data = tempDir('kasdesa-crash-');
  const build = buildServer();
  const figures: CrashFigures = {
    seed: options.seed,
    killsSurvived: 0,
    commandsAcknowledged: 0,
    acknowledgedFound: 0,
    refused: 0,
    unansweredRetried: 0,
    events: 0,
    projectionComparisons: 0,
    violations: [],
  };
  try {
    const users = await prepare(data.dir);
    const workload = new Workload(random.fork(), VILLAGES);
    let checker: StoreChecker | undefined;
    const acks: Ack[] = [];
    let unanswered: PlannedCommand[] = [];
    for (let round = 1; round <= options.kills; round++) {
      const server = await startServer(build.main, data.dir);
      const tokens = new Map<string, string>();
      for (const village of VILLAGES)
        for (const role of VILLAGE_ROLES)
          tokens.set(
            userKey(village, role),
            await login(server.baseUrl, users.get(userKey(village, role))!.username, PASSWORD),
          );
      figures.violations.push(
        ...(await compareWithRebuild(data.dir, server, tokens)).map((v) => `round ${round}: ${v}`),
      );
      figures.projectionComparisons += 1;
      const sendOne = async (planned: PlannedCommand): Promise<boolean> => {
        const userId = users.get(userKey(planned.village, planned.role))!.userId;
        try {
          const answer = await sendCommand(
            server.baseUrl,
            tokens.get(userKey(planned.village, planned.role))!,
            planned,
          );
          if (answer.status === 201) {
            workload.accepted(planned);
            const body = answer.body as { streamId: string; events: { revision: string }[] };
            acks.push({
              commandId: `${userId}:${planned.raw.commandId}`,
              stream: body.streamId,
              revisions: body.events.map((e) => String(e.revision)),
            });
          } else if (answer.status >= 500)
            figures.violations.push(`round ${round}: ${answer.status} ${answer.text}`);
          else figures.refused += 1;
          return true;
        } catch {
          unanswered.push(planned);
          return false;
        }
      };
      const retry = unanswered;
      unanswered = [];
      for (const planned of retry) await sendOne(planned);
      figures.unansweredRetried += retry.length;
      let killed = false;
      const client = async () => {
        while (!killed && (await sendOne(workload.next())));
      };
      const clients = Array.from({ length: options.clients }, client);
      await new Promise((resolve) =>
        setTimeout(
          resolve,
          options.minBurstMs + random.int(options.maxBurstMs - options.minBurstMs),
        ),
      );
      await server.kill();
      killed = true;
      await Promise.all(clients);
      figures.killsSurvived += 1;
      const store = withHashChain(createEmbeddedStore({ file: embeddedStoreFile(data.dir) }));
      try {
        checker ??= new StoreChecker(store);
        checker.reconnect(store);
        await checker.check(round);
        const missing = await missingAcks(store, acks);
        const broken = (await verifyAllStreams(store)).filter((v) => !v.ok);
        figures.violations.push(
          ...missing,
          ...broken.map((v) => `round ${round}: chain ${v.stream} broken`),
        );
      } finally {
        await store.close();
      }
      figures.violations.push(...checker!.violations.splice(0).map((v) => `round ${round}: ${v}`));
      log(
        `kill ${round}: ${acks.length} acknowledged, ${unanswered.length} cut off, ${checker!.events} events, violations ${figures.violations.length}`,
      );
    }
    figures.commandsAcknowledged = acks.length;
    figures.acknowledgedFound =
      acks.length - figures.violations.filter((v) => v.startsWith('acknowledged')).length;
    figures.events = checker?.events ?? 0;
    return figures;
  } finally {
    data.remove();
    build.remove();
  }
}

if (require.main === module) {
  const seed = Number(process.env.KASDESA_SIM_SEED ?? Date.now() % 2 ** 32);
  console.log(`crash under load, seed ${seed}`);
  void runCrashUnderLoad({
    seed,
    kills: 20,
    clients: 8,
    minBurstMs: 200,
    maxBurstMs: 1500,
    log: console.log,
  }).then((figures) => console.log(JSON.stringify(figures, null, 2)));
}
