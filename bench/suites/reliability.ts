import { runCrashUnderLoad } from '../soak/crash-under-load';
import { Random, seedFromEnvironment } from '../../tests/support/simulation/prng';
import {
  runSimulation,
  type SimulationResult,
  type StoreKind,
} from '../../tests/support/simulation/simulation';

const KILLS = 30;
const SIMULATION: Record<StoreKind, { seeds: number; steps: number }> = {
  memory: { seeds: 12, steps: 1500 },
  embedded: { seeds: 4, steps: 800 },
};

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
  return {
    seed,
    crashUnderLoad: crash,
    simulation,
    invariantViolations: crash.violations.length + (simulation.invariantViolations as number),
  };
}
