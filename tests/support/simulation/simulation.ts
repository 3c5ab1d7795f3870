import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createLedger, type Ledger } from '../../../src/app/ledger';
import { DomainError } from '../../../src/domain/shared/domain-error';
import { withHashChain } from '../../../src/eventstore/chained-store';
import { createEmbeddedStore } from '../../../src/eventstore/embedded';
import { WrongExpectedRevisionError } from '../../../src/eventstore/errors';
import { createMemoryStore } from '../../../src/eventstore/memory';
import type { EventStore } from '../../../src/eventstore/port';
import { verifyAllStreams } from '../../../src/eventstore/verify-stream';
import { tempDir } from '../temp-dir';
import { SimulatedFault, withFaults, type FaultCounts } from './faulty-store';
import { Random } from './prng';
import { setUpVillages, VILLAGES, YEAR } from './scenario';
import { StoreChecker } from './store-checker';
import { Workload, type PlannedCommand } from './workload';

export type StoreKind = 'memory' | 'embedded';

export interface SimulationOptions {
  seed: number;
  steps: number;
  store: StoreKind;
  /** Ledgers (each with its own state cache) writing to the same store. Default 3. */
  handlers?: number;
  /** Chance that an append fails, or succeeds with its answer lost. Default 0.03. */
  faultRate?: number;
}

export interface SimulationResult {
  seed: number;
  store: StoreKind;
  steps: number;
  commands: number;
  accepted: number;
  refused: number;
  replays: number;
  /** Commands whose conflicts outlasted the handler's retries (then sent again). */
  conflicts: number;
  faults: FaultCounts;
  cacheDrops: number;
  reopens: number;
  events: number;
  refusedByRule: Record<string, number>;
  /** sha256 of every stored event (ids, data, metadata, hashes, positions): equal runs have equal logs. */
  logHash: string;
  violations: string[];
}

/** Every moment starts one second after the previous one, so recorded times depend on the seed only. */
function steppingClock(): () => Date {
  let tick = 0;
  return () => new Date(Date.UTC(2025, 0, 2) + (tick += 1) * 1000);
}

interface World {
  store: EventStore;
  handlers: Ledger[];
}

/**
 * One run in the spirit of TigerBeetle's VOPR: a seeded workload of many
 * users' commands over three villages, sent in small concurrent batches
 * through several ledgers with their own caches (stale caches conflict),
 * with injected write failures and lost acknowledgements (retried under the
 * same command id), dropped caches, repeated commands and, on the embedded
 * store, the store closed and reopened from its file. Every invariant is
 * checked after every step. Everything random comes from the seed.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationResult> {
  const random = new Random(options.seed);
  const ids = random.fork();
  const faultRandom = random.fork();
  const clock = steppingClock();
  const temp = options.store === 'embedded' ? tempDir('kasdesa-sim-') : undefined;
  const open = () =>
    withHashChain(
      temp
        ? createEmbeddedStore({ file: join(temp.dir, 'sim.sqlite'), clock })
        : createMemoryStore(clock),
      clock,
    );
  const faults: FaultCounts = { failedWrites: 0, lostAcks: 0, conflicts: 0 };
  const handlerCount = options.handlers ?? 3;
  const newLedger = (store: EventStore) =>
    createLedger({
      store: withFaults(store, faultRandom, options.faultRate ?? 0.03, faults),
      newId: () => ids.uuid(),
      maxRetries: 2,
    });
  const world: World = { store: open(), handlers: [] };
  world.handlers = Array.from({ length: handlerCount }, () => newLedger(world.store));
  const result: SimulationResult = {
    seed: options.seed,
    store: options.store,
    steps: options.steps,
    commands: 0,
    accepted: 0,
    refused: 0,
    replays: 0,
    conflicts: 0,
    faults,
    cacheDrops: 0,
    reopens: 0,
    events: 0,
    refusedByRule: {},
    logHash: '',
    violations: [],
  };
  try {
    await setUpVillages(createLedger({ store: world.store, newId: () => ids.uuid() }), VILLAGES);
    const checker = new StoreChecker(world.store);
    const workload = new Workload(random, VILLAGES);
    const accepted: PlannedCommand[] = [];
    let pending: PlannedCommand[] = [];
    for (let step = 1; step <= options.steps; step++) {
      const batch = [
        ...pending,
        ...Array.from({ length: 1 + random.int(3) }, () => workload.next()),
      ];
      if (accepted.length > 0 && random.chance(0.05)) batch.push(random.pick(accepted));
      const outcomes = await Promise.all(
        batch.map((planned) => send(random.pick(world.handlers), planned)),
      );
      pending = [];
      for (const [index, outcome] of outcomes.entries()) {
        const planned = batch[index]!;
        result.commands += 1;
        if (outcome.kind === 'accepted') {
          result.accepted += 1;
          if (outcome.duplicate) result.replays += 1;
          else {
            workload.accepted(planned);
            accepted.push(planned);
          }
        } else if (outcome.kind === 'refused') {
          result.refused += 1;
          result.refusedByRule[outcome.rule] = (result.refusedByRule[outcome.rule] ?? 0) + 1;
        } else {
          if (outcome.kind === 'conflict') result.conflicts += 1;
          // Same command id: a retry must not apply it twice.
          pending.push(planned);
        }
      }
      await disturb(random, world, newLedger, open, result, checker, temp !== undefined);
      await checker.check(step);
      if (checker.violations.length > 0) break;
    }
    await checker.check(options.steps);
    const whole = await verifyAllStreams(world.store);
    result.violations = [
      ...checker.violations,
      ...whole.filter((v) => !v.ok).map((v) => `chain ${v.stream} broken`),
    ];
    result.events = checker.events;
    result.logHash = await logHash(world.store);
    return result;
  } finally {
    await world.store.close();
    temp?.remove();
  }
}

type Outcome =
  | { kind: 'accepted'; duplicate: boolean }
  | { kind: 'refused'; rule: string }
  | { kind: 'conflict' }
  | { kind: 'fault' };

async function send(ledger: Ledger, planned: PlannedCommand): Promise<Outcome> {
  try {
    const outcome = await ledger.executeVillageCommand(planned.village, YEAR, planned.raw);
    return { kind: 'accepted', duplicate: outcome.duplicate };
  } catch (error) {
    if (error instanceof DomainError) return { kind: 'refused', rule: error.rule };
    if (error instanceof WrongExpectedRevisionError) return { kind: 'conflict' };
    if (error instanceof SimulatedFault) return { kind: 'fault' };
    throw error;
  }
}

/** Between steps: now and then a handler loses its cache, or (embedded) the store is closed and reopened. */
async function disturb(
  random: Random,
  world: World,
  newLedger: (store: EventStore) => Ledger,
  open: () => EventStore,
  result: SimulationResult,
  checker: StoreChecker,
  reopenable: boolean,
): Promise<void> {
  if (random.chance(0.03)) {
    world.handlers[random.int(world.handlers.length)] = newLedger(world.store);
    result.cacheDrops += 1;
  }
  if (reopenable && random.chance(0.02)) {
    await world.store.close();
    world.store = open();
    world.handlers = world.handlers.map(() => newLedger(world.store));
    checker.reconnect(world.store);
    result.reopens += 1;
  }
}

async function logHash(store: EventStore): Promise<string> {
  const hash = createHash('sha256');
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 1000 });
    for (const event of page)
      hash.update(
        JSON.stringify(event, (_key, value: unknown) =>
          typeof value === 'bigint' ? value.toString() : value,
        ),
      );
    if (page.length < 1000) return hash.digest('hex');
    after = page.at(-1)!.position;
  }
}
