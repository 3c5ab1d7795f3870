import { z } from 'zod';
import { regionCodeSchema } from '../domain/shared/region-codes';
import type { EventSpec } from '../domain/shared/schema-types';

/**
 * A side's own sync record: the regency's (`sync-<regency>`: the village
 * nodes it lets in and the streams it quarantined) or a node's
 * (`sync-<village>`: the streams it quarantined). Never carried to the other
 * side: the credentials are the regency's alone, and each side records its own
 * view of a divergence.
 */
export function syncStreamId(regionCode: string): string {
  return `sync-${regionCode}`;
}

/**
 * When the regency last heard from a village's node, one stream per village so
 * the credentials' stream stays small: a node syncs every few minutes.
 */
export function syncContactStreamId(villageCode: string): string {
  return `sync-contact-${villageCode}`;
}

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const revision = z.string().regex(/^\d+$/);

export const syncEventSchemas = {
  /** A regency administrator let a village node in; only the digest of its secret is kept. */
  VillageNodeRegistered: {
    version: 1,
    data: z.strictObject({
      nodeId: z.uuid(),
      villageCode: regionCodeSchema('village'),
      /** SHA-256 of the bearer secret: the record yields no usable credential. */
      secretDigest: sha256Hex,
      /** The node's ed25519 public key (SPKI, base64url): files it signs are checked with it. */
      signingKey: z.string().min(1),
    }),
  },
  /** The node's credential stops working: a lost machine, a stolen USB stick, a replaced node. */
  VillageNodeRevoked: {
    version: 1,
    data: z.strictObject({ nodeId: z.uuid() }),
  },
  /** A stream's sync stopped: the same revision holds different events on the two sides. */
  SyncStreamQuarantined: {
    version: 1,
    data: z.strictObject({
      stream: z.string().min(1),
      revision,
      heldId: z.string(),
      sentId: z.string(),
      heldHash: z.string(),
      sentHash: z.string(),
    }),
  },
  /** People resolved a divergence (the losing side's store rebuilt): the stream syncs again. */
  SyncQuarantineLifted: {
    version: 1,
    data: z.strictObject({ stream: z.string().min(1) }),
  },
  /** The node synced (its time is the event's): at most one per SYNC_CONTACT_RECORD_INTERVAL_MS. */
  VillageNodeSynced: {
    version: 1,
    data: z.strictObject({ nodeId: z.uuid(), villageCode: regionCodeSchema('village') }),
  },
  /**
   * What the regency acknowledged of the node's streams at the end of a run,
   * only the streams that moved: the node counts the events still to send
   * from it while offline.
   */
  NodeStreamsAcknowledged: {
    version: 1,
    data: z.strictObject({ acknowledged: z.record(z.string().min(1), revision) }),
  },
} satisfies Record<string, EventSpec>;

export type SyncEventType = keyof typeof syncEventSchemas;
export type SyncEventData<T extends SyncEventType> = z.infer<(typeof syncEventSchemas)[T]['data']>;
