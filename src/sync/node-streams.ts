import { regencyStreamId } from '../domain/regency/decider';
import { regionStreamId } from '../domain/regions/region-decider';
import { regencyOf } from '../domain/shared/region-codes';
import { villageStreamId } from '../domain/village/decider';
import type { EventStore } from '../eventstore/port';
import { writerOf } from './stream-writer';

/**
 * The streams a village node and the regency exchange, named the same on both
 * sides from the years both know: the village's year streams go up; the
 * regency's registered regions and its year streams (allocations, Dana Desa
 * stages, transfers) come down. The access, session and audit streams stay
 * where they are: they hold the whole regency's password hashes and secrets.
 */
export function nodeStreams(villageCode: string, fiscalYears: readonly number[]) {
  const regencyCode = regencyOf(villageCode);
  return {
    own: fiscalYears.map((year) => villageStreamId(villageCode, year)),
    copies: [
      regionStreamId(regencyCode),
      ...fiscalYears.map((year) => regencyStreamId(regencyCode, year)),
    ],
  };
}

/** The first stream a node of `villageCode` does not write, if any: one writer per stream. */
export function streamOutsideVillage(
  villageCode: string,
  streams: Iterable<string>,
): string | undefined {
  for (const stream of streams) {
    const writer = writerOf(stream);
    if (writer.kind !== 'village' || writer.villageCode !== villageCode) return stream;
  }
  return undefined;
}

/** Each of the streams the store holds, with its last revision. */
export async function heldHeads(
  store: EventStore,
  streams: readonly string[],
): Promise<Map<string, bigint>> {
  const heads = new Map<string, bigint>();
  for (const stream of streams) {
    const head = await store.streamRevision(stream);
    if (head !== undefined) heads.set(stream, head);
  }
  return heads;
}
