import type { EventStore } from '../eventstore/port';
import { regencyOf } from '../domain/shared/region-codes';
import { nodeSyncRecord } from './node-sync';
import { ownHeads } from './node-streams';
import type { Divergence } from './quarantine';
import { lastContact } from './sync-contact';
import { syncStreamId } from './sync-events';
import { SyncRecord } from './sync-record';

/** What a village node shows its users: its last completed sync, the events still to send, its quarantined streams. */
export interface NodeSyncStatus {
  lastSync: string | null;
  /** Events of the node's streams past what the regency acknowledged at the last run. */
  waiting: number;
  quarantined: Divergence[];
}

/** The events past each stream's acknowledged revision (none acknowledged: all of them). */
function eventsWaiting(
  heads: ReadonlyMap<string, bigint>,
  acknowledged: ReadonlyMap<string, bigint>,
) {
  let waiting = 0n;
  for (const [stream, head] of heads) {
    const sent = acknowledged.get(stream) ?? -1n;
    if (head > sent) waiting += head - sent;
  }
  return Number(waiting);
}

/**
 * The village's sync as this server keeps it when the server is the village's
 * node; undefined otherwise. A server knows no more of its role than its store
 * says: a node has its own sync record (a contact or a quarantine), while the
 * regency's store holds the registrations, and records contacts too.
 */
export async function nodeSyncStatus(
  store: EventStore,
  villageCode: string,
  fiscalYears: readonly number[],
): Promise<NodeSyncStatus | undefined> {
  const regency = await new SyncRecord(store, syncStreamId(regencyOf(villageCode))).state();
  if (regency.nodes.size > 0) return undefined;
  const { quarantined, acknowledged } = await nodeSyncRecord(store, villageCode).state();
  const lastSync = (await lastContact(store, villageCode)) ?? null;
  if (lastSync === null && quarantined.length === 0) return undefined;
  const waiting = eventsWaiting(await ownHeads(store, villageCode, fiscalYears), acknowledged);
  return { lastSync, waiting, quarantined };
}
