import { runCrashUnderLoad } from '../soak/crash-under-load';
import { Random, seedFromEnvironment } from '../../tests/support/simulation/prng';
import {
  runSimulation,
  type SimulationResult,
  type StoreKind,
} from '../../tests/support/simulation/simulation';
import { checkSyncRun, runSyncSimulation } from '../../tests/support/simulation/sync-simulation';

const KILLS = 30;
const SIMULATION: Record<StoreKind, { seeds: number; steps: number }> = {
  memory: { seeds: 12, steps: 1500 },
  embedded: { seeds: 4, steps: 800 },
};
/** The sync simulation at bench size: the CI test runs 8 seeds of 400 steps. */
const SYNC_SEEDS = Number(process.env.BENCH_SYNC_SEEDS ?? 40);
const SYNC_STEPS = Number(process.env.BENCH_SYNC_STEPS ?? 4000);

async function simulate(random: Random): Promise<Record<string, unknown>> {
  const runs: SimulationResult[] = [];
  for (const store of ['memory', 'embedded'] as const) {
    const { seeds, steps } = SIMULATION[store];
    for (let i = 0; i < seeds; i++) {
      const run = await runSimulation({ seed: random.nextUint32(), steps, store });
      console.log(
        `simulation ${store} seed ${run.seed}: ${run.accepted} accepted, ${run.refused} refused, violations ${run.violations.length}`,
      );
      runs.push(run);
    }
  }
  const total = (pick: (run: SimulationResult) => number) =>
    runs.reduce((sum, run) => sum + pick(run), 0);
  return {
    seeds: runs.map((run) => ({ seed: run.seed, store: run.store, steps: run.steps })),
    steps: total((run) => run.steps),
    commands: total((run) => run.commands),
    accepted: total((run) => run.accepted),
    refused: total((run) => run.refused),
    replays: total((run) => run.replays),
    conflicts: total((run) => run.faults.conflicts),
    failedWrites: total((run) => run.faults.failedWrites),
    lostAcks: total((run) => run.faults.lostAcks),
    cacheDrops: total((run) => run.cacheDrops),
    reopens: total((run) => run.reopens),
    events: total((run) => run.events),
    invariantViolations: total((run) => run.violations.length),
    violations: runs
      .flatMap((run) => run.violations.map((v) => `seed ${run.seed}: ${v}`))
      .slice(0, 20),
  };
}

interface SyncFigures {
  seed: number;
  acknowledged: number;
  dropped: number;
  duplicated: number;
  restarts: number;
  partitions: number;
  restored: boolean;
  quarantined: boolean;
  reportsCompared: number;
  violations: string[];
}

/** Two village nodes and the regency over a faulty network, many seeds of many steps (see sync-simulation.ts). */
export async function simulateSync(random: Random): Promise<Record<string, unknown>> {
  // Each run's stores are dropped once checked; only its figures are kept.
  const runs: SyncFigures[] = [];
  for (let i = 0; i < SYNC_SEEDS; i++) {
    const run = await runSyncSimulation({ seed: random.nextUint32(), steps: SYNC_STEPS });
    const check = await checkSyncRun(run);
    console.log(
      `sync seed ${run.seed}: ${run.acknowledged.size} acknowledged, quarantined [${check.quarantined.join(', ')}], ${check.reportsCompared} reports compared, violations ${check.violations.length}`,
    );
    runs.push({
      seed: run.seed,
      acknowledged: run.acknowledged.size,
      ...run.faults,
      restored: run.restoreAt !== undefined,
      quarantined: check.quarantined.length > 0,
      reportsCompared: check.reportsCompared,
      violations: check.violations.map((v) => `seed ${run.seed}: ${v}`),
    });
  }
  const total = (pick: (run: SyncFigures) => number) =>
    runs.reduce((sum, run) => sum + pick(run), 0);
  return {
    seeds: runs.map((run) => run.seed),
    steps: SYNC_STEPS,
    acknowledged: total((run) => run.acknowledged),
    dropped: total((run) => run.dropped),
    duplicated: total((run) => run.duplicated),
    restarts: total((run) => run.restarts),
    partitions: total((run) => run.partitions),
    restores: runs.filter((run) => run.restored).length,
    quarantinedRuns: runs.filter((run) => run.quarantined).length,
    reportsCompared: total((run) => run.reportsCompared),
    invariantViolations: total((run) => run.violations.length),
    violations: runs.flatMap((run) => run.violations).slice(0, 20),
  };
}

/** The long soaks: many SIGKILLs of the real server under load, and a long deterministic simulation. */
export async function reliabilityBench(): Promise<Record<string, unknown>> {
  const seed = seedFromEnvironment() ?? new Random(Date.now() >>> 0).nextUint32();
  console.log(`reliability soak seed: ${seed} (replay: KASDESA_SIM_SEED=${seed})`);
  const random = new Random(seed);
  const crash = await runCrashUnderLoad({
    seed: random.nextUint32(),
    kills: KILLS,
    clients: 8,
    minBurstMs: 200,
    maxBurstMs: 2000,
    log: console.log,
  });
  const simulation = await simulate(random);
  const sync = await simulateSync(random);
  return {
    seed,
    crashUnderLoad: crash,
    simulation,
    sync,
    invariantViolations:
      crash.violations.length +
      (simulation.invariantViolations as number) +
      (sync.invariantViolations as number),
  };
}
