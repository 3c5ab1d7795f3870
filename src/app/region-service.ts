import type { Actor } from '../domain/shared/envelope';
import { DomainError } from '../domain/shared/domain-error';
import { parseCommand } from '../domain/shared/parse-command';
import {
  regionCommandSchemas,
  type RegionCommand,
  type RegisteredRegion,
} from '../domain/regions/region-commands';
import { regionDecider, regionStreamId } from '../domain/regions/region-decider';
import { regionEventSchemas } from '../domain/regions/region-events';
import type { EventStore } from '../eventstore/port';
import { REGIONS_REFRESH_INTERVAL_MS } from '../limits';
import type { ReferenceCatalog } from './load-reference-data';
import { StreamHandler, type HandleOptions } from './stream-handler';

/**
 * The regency's registered districts and villages: registers them and keeps
 * the reference catalog showing them. A process refreshes at most every
 * REGIONS_REFRESH_INTERVAL_MS (`fresh`), and at once after its own writes.
 */
export function createRegionService({
  store,
  regencyCode,
  reference,
  now = Date.now,
}: {
  store: EventStore;
  regencyCode: string;
  reference: ReferenceCatalog;
  now?: () => number;
}) {
  const handler = new StreamHandler(store, regionDecider, regionEventSchemas);
  const streamId = regionStreamId(regencyCode);
  let regions: readonly RegisteredRegion[] = [];
  let readAt = Number.NEGATIVE_INFINITY;
  let reading: Promise<readonly RegisteredRegion[]> | undefined;

  /** Reads the stream (from the revision last folded) and hands the regions to the catalog. */
  async function refresh(): Promise<readonly RegisteredRegion[]> {
    const loaded = await handler.load(streamId);
    regions = loaded.state.domain.regions;
    reference.useRegistered(regencyCode, regions);
    readAt = now();
    return regions;
  }

  /** The registered regions, read again (one read shared by concurrent callers) once the last read is older than the interval. */
  function fresh(): Promise<readonly RegisteredRegion[]> {
    if (now() - readAt < REGIONS_REFRESH_INTERVAL_MS) return Promise.resolve(regions);
    reading ??= refresh().finally(() => {
      reading = undefined;
    });
    return reading;
  }

  return {
    regencyCode,
    streamId,
    fresh,
    refresh,

    async register(actor: Actor, commandId: string, region: unknown, options?: HandleOptions) {
      const command = parseCommand(regionCommandSchemas, {
        commandId,
        type: 'RegisterRegion',
        payload: region,
        actor,
      });
      if (command instanceof DomainError) throw command;
      const outcome = await handler.handle(
        streamId,
        command as RegionCommand,
        () => ({ regencyCode, referenceCodes: reference.referenceCodes(regencyCode) }),
        options,
      );
      await refresh();
      return outcome;
    },
  };
}

export type RegionService = ReturnType<typeof createRegionService>;
