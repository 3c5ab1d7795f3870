import type { RequestHandler } from 'express';
import type { WarmUpProgress } from '../app/warm-states';
import type { EventStore } from '../eventstore/port';

/** One thing that must hold before traffic is sent here; resolves with a short note or throws. */
export interface ReadinessCheck {
  name: string;
  check(): Promise<string>;
}

export function storeReachable(store: EventStore): ReadinessCheck {
  return { name: 'store', check: async () => `head ${await store.headPosition()}` };
}

/**
 * `/readyz`: every check passes (the store answers; projections, once wired,
 * add "caught up" here) and the server is not shutting down.
 */
export function readinessCheck(
  checks: readonly ReadinessCheck[],
  shuttingDown: () => boolean,
): RequestHandler {
  return async (_req, res) => {
    const results = await Promise.all(
      checks.map(async ({ name, check }) => {
        try {
          return { name, ok: true, detail: await check() };
        } catch (error) {
          return { name, ok: false, detail: (error as Error).message };
        }
      }),
    );
    const ready = !shuttingDown() && results.every((result) => result.ok);
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not ready',
      shuttingDown: shuttingDown(),
      checks: results,
    });
  };
}

/** `/readyz` holds back traffic until the command side's states are warm (src/app/warm-states.ts). */
export function statesWarmed(progress: WarmUpProgress): ReadinessCheck {
  return {
    name: 'command states',
    async check() {
      const counted = `${progress.streams} streams warm, ${progress.failed} failed${progress.stoppedBy ? `, stopped: ${progress.stoppedBy}` : ''}`;
      if (!progress.done) throw new Error(`memanaskan / warming: ${counted}`);
      return counted;
    },
  };
}
