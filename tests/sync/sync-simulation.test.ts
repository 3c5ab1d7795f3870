import { checkSyncRun, runSyncSimulation } from '../support/simulation/sync-simulation';

/**
 * The seeded sync simulation (tests/support/simulation/sync-simulation.ts) at
 * CI size: two village nodes and the regency with a realistic year each, over
 * a network that drops, duplicates, delays and reorders batches, with
 * partitions, restarts and a restore from an old backup. The reliability
 * bench runs the same simulation with more seeds and steps.
 */
const STEPS = 400;
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

jest.setTimeout(60_000);

describe('village nodes and the regency over a faulty network (seeded simulation)', () => {
  const checks: Awaited<ReturnType<typeof checkSyncRun>>[] = [];

  test.each(SEEDS)(
    'seed %i: nothing acknowledged is lost, nothing diverges silently, reports equal the union',
    async (seed) => {
      const run = await runSyncSimulation({ seed, steps: STEPS });
      const check = await checkSyncRun(run);
      checks.push(check);
      expect(check.violations).toEqual([]);
      expect(check.reportsCompared).toBeGreaterThan(0);
    },
  );

  test('across the seeds, a restore did diverge and was caught, and regency reports were compared', () => {
    expect(checks).toHaveLength(SEEDS.length);
    expect(checks.filter((check) => check.quarantined.length > 0).length).toBeGreaterThan(0);
    expect(checks.filter((check) => check.regencyReportsCompared).length).toBeGreaterThan(0);
  });
});
