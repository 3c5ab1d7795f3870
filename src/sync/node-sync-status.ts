import type { EventStore } from '../eventstore/port';
import { regencyOf } from '../domain/shared/region-codes';
import { nodeSyncRecord } from './node-sync';
import type { Divergence } from './quarantine';
import { lastContact } from './sync-contact';
import { syncStreamId } from './sync-events';
import { SyncRecord } from './sync-record';

/** What a village node shows its users: its last completed sync and its quarantined streams. */
export interface NodeSyncStatus {
  lastSync: string | null;
  quarantined: Divergence[];
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
): Promise<NodeSyncStatus | undefined> {
  const regency = await new SyncRecord(store, syncStreamId(regencyOf(villageCode))).state();
  if (regency.nodes.size > 0) return undefined;
  const { quarantined } = await nodeSyncRecord(store, villageCode).state();
  const lastSync = (await lastContact(store, villageCode)) ?? null;
  if (lastSync === null && quarantined.length === 0) return undefined;
  return { lastSync, quarantined };
}
