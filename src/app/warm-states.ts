import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EventStore } from '../eventstore/port';
import { regencyStreamId } from '../domain/regency/decider';
import { villageStreamId } from '../domain/village/decider';
import { STATE_CACHE_STREAMS_MAX, STATE_WARM_UP_STREAMS_MAX } from '../limits';
import type { Ledger } from './ledger';
import type { ReferenceCatalog } from './load-reference-data';

/** How far the warm-up has come: what `/readyz` reports while it runs. */
export interface WarmUpProgress {
  done: boolean;
  streams: number;
  /** Streams that failed to load (an impossible or unreadable event): their commands fail as they would cold. */
  failed: number;
  /** Why the warm-up stopped early (the store failed): commands still work, on cold states. */
  stoppedBy?: string;
}

/**
 * Folds the regency's village year streams (newest year first, up to
 * `limit`) and their regency year streams into the ledger's state cache, so
 * the first command to a village after a start decides on a warm state
 * instead of folding the village's whole year (thousands of events) inside
 * the request. Loading is the ledger's own `load`: every event is decoded and
 * checked as on a command. Yields between streams so the server stays
 * responsive while it runs.
 */
export function warmVillageStates(
  ledger: Pick<Ledger, 'loadVillage' | 'loadRegency'>,
  store: EventStore,
  reference: ReferenceCatalog,
  regencyCode: string,
  limit = STATE_WARM_UP_STREAMS_MAX,
): { progress: WarmUpProgress; finished: Promise<void> } {
  if (limit > STATE_CACHE_STREAMS_MAX)
    throw new Error(
      `warm-up of ${limit} streams would evict from a cache of ${STATE_CACHE_STREAMS_MAX}`,
    );
  const progress: WarmUpProgress = { done: false, streams: 0, failed: 0 };
  const exists = async (streamId: string) => (await store.streamRevision(streamId)) !== undefined;
  const finished = (async () => {
    const years = reference.fiscalYears(regencyCode).reverse();
    for (const year of years) {
      if (progress.streams + progress.failed >= limit) break;
      if (await exists(regencyStreamId(regencyCode, year)))
        await ledger.loadRegency(regencyCode, year);
      for (const villageCode of reference.get(year, regencyCode).villages.keys()) {
        if (progress.streams + progress.failed >= limit) break;
        if (!(await exists(villageStreamId(villageCode, year)))) continue;
        await ledger.loadVillage(villageCode, year).then(
          () => (progress.streams += 1),
          () => (progress.failed += 1),
        );
        await nextTurn();
      }
    }
  })()
    .catch((error: unknown) => {
      progress.stoppedBy = error instanceof Error ? error.message : String(error);
    })
    .finally(() => {
      progress.done = true;
    });
  return { progress, finished };
}
