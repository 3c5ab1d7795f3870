import { duplicatesStreamId } from '../domain/projects/duplicate-decider';
import { villageProjectStreamPrefix } from '../domain/projects/project-decider';
import { regencyStreamId } from '../domain/regency/decider';
import { regionStreamId } from '../domain/regions/region-decider';
import { regencyOf } from '../domain/shared/region-codes';
import { villageStreamId } from '../domain/village/decider';
import type { EventStore } from '../eventstore/port';
import { STREAM_LOAD_PAGE_MAX } from '../limits';
import { writerOf } from './stream-writer';

/**
 * The streams a village node and the regency exchange, named the same on both
 * sides from the years both know: the village's year streams go up (and its
 * project streams, found in the store: ownHeads); the regency's registered
 * regions, its year streams (allocations, Dana Desa stages, transfers) and
 * its duplicate suspicions come down. The access, session and audit streams
 * stay where they are: they hold the whole regency's password hashes and
 * secrets.
 */
export function nodeStreams(villageCode: string, fiscalYears: readonly number[]) {
  const regencyCode = regencyOf(villageCode);
  return {
    own: fiscalYears.map((year) => villageStreamId(villageCode, year)),
    copies: [
      regionStreamId(regencyCode),
      ...fiscalYears.map((year) => regencyStreamId(regencyCode, year)),
      duplicatesStreamId(regencyCode),
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

/**
 * The heads of every stream the node writes: its year streams, and its
 * project streams (`project-{village}-…`), which are named by project, not
 * year, so they are found by their prefix in the store.
 */
export async function ownHeads(
  store: EventStore,
  villageCode: string,
  fiscalYears: readonly number[],
): Promise<Map<string, bigint>> {
  const heads = await heldHeads(store, nodeStreams(villageCode, fiscalYears).own);
  for await (const page of store.readAllPages({
    pageSize: STREAM_LOAD_PAGE_MAX,
    filter: { streamPrefixes: [villageProjectStreamPrefix(villageCode)] },
  }))
    for (const event of page) heads.set(event.streamId, event.revision);
  return heads;
}
