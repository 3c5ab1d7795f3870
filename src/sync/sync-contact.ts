import { lastEventOfType } from '../app/last-event-of-type';
import { StreamNotFoundError } from '../eventstore/errors';
import type { EventStore } from '../eventstore/port';
import { SYNC_CONTACT_RECORD_INTERVAL_MS } from '../limits';
import { syncContactStreamId } from './sync-events';
import { SYNC_ACTOR, SyncRecord } from './sync-record';

/**
 * When a village's node last synced, as each side records it in its own store:
 * the regency when a run reaches it, the node when a run of its own completes.
 */
export async function lastContact(
  store: EventStore,
  villageCode: string,
): Promise<string | undefined> {
  const stream = syncContactStreamId(villageCode);
  const last = await lastEventOfType(store, stream, 'VillageNodeSynced').catch((error: unknown) => {
    if (error instanceof StreamNotFoundError) return undefined;
    throw error;
  });
  return last?.recordedAt;
}

/** Records a sync, unless one was recorded within SYNC_CONTACT_RECORD_INTERVAL_MS. */
export async function noteContact(
  store: EventStore,
  node: { nodeId: string; villageCode: string },
  clock: () => Date = () => new Date(),
): Promise<void> {
  const last = await lastContact(store, node.villageCode);
  if (last !== undefined && clock().getTime() - Date.parse(last) < SYNC_CONTACT_RECORD_INTERVAL_MS)
    return;
  await new SyncRecord(store, syncContactStreamId(node.villageCode)).append(
    'VillageNodeSynced',
    { nodeId: node.nodeId, villageCode: node.villageCode },
    SYNC_ACTOR,
  );
}
