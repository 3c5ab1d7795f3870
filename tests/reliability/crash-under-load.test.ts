import { runCrashUnderLoad } from '../../bench/soak/crash-under-load';
import { Random, seedFromEnvironment } from '../support/simulation/prng';

const KILLS = 20;
const seed = seedFromEnvironment() ?? new Random(Date.now() >>> 0).nextUint32();
console.log(`crash under load seed: ${seed} (replay the kill moments: KASDESA_SIM_SEED=${seed})`);

describe('crash under load', () => {
  test(`the real server, SIGKILLed ${KILLS} times under HTTP load, loses no acknowledged command and rebuilds to the same state`, async () => {
    const figures = await runCrashUnderLoad({
      seed,
      kills: KILLS,
      clients: 6,
      minBurstMs: 150,
      maxBurstMs: 600,
    });
    expect(figures.violations).toEqual([]);
    expect(figures.killsSurvived).toBe(KILLS);
    expect(figures.commandsAcknowledged).toBeGreaterThan(KILLS);
    expect(figures.acknowledgedFound).toBe(figures.commandsAcknowledged);
    expect(figures.projectionComparisons).toBe(KILLS);
    // Some kills landed mid-request, and those commands were sent again after the restart.
    expect(figures.unansweredRetried).toBeGreaterThan(0);
  }, 300_000);
});
