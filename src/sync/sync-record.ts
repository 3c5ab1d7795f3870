import { randomUUID } from 'node:crypto';
import { DomainError } from '../domain/shared/domain-error';
import type { Actor } from '../domain/shared/envelope';
import type { EventStore, RecordedEvent } from '../eventstore/port';
import type { Divergence } from './quarantine';
import { syncEventSchemas, type SyncEventData, type SyncEventType } from './sync-events';

export interface VillageNode {
  nodeId: string;
  villageCode: string;
  secretDigest: string;
  signingKey: string;
  revoked: boolean;
  registeredAt: string;
}

/**
 * What a side's sync record holds now: its nodes (the regency's), its
 * quarantined streams, and the last revision the regency acknowledged of
 * each of a node's streams (the node's).
 */
export interface SyncState {
  nodes: Map<string, VillageNode>;
  quarantined: Divergence[];
  acknowledged: Map<string, bigint>;
}

/** Who records a quarantine: the side's own sync machinery, not a person. */
export const SYNC_ACTOR: Actor = {
  id: 'sync',
  role: 'system',
  displayName: 'Sinkronisasi Kasdesa / Kasdesa sync',
};

/** A side's sync stream (a few registrations and rare quarantines): folded as it grows, and appended to. */
export class SyncRecord {
  constructor(
    private readonly store: EventStore,
    readonly streamId: string,
  ) {}

  private readonly folded: SyncState = {
    nodes: new Map(),
    quarantined: [],
    acknowledged: new Map(),
  };
  private revision: bigint | undefined;

  /** The record folded up to its head; only what was appended since the last call is read. */
  async state(): Promise<SyncState> {
    // Asked on every village command (does a node keep its books?): no read, and no error, when nothing is new.
    const head = await this.store.streamRevision(this.streamId);
    if (head === undefined || head === this.revision) return this.folded;
    const fromRevision = this.revision === undefined ? 0n : this.revision + 1n;
    const events = await this.store.readStream(this.streamId, { fromRevision });
    for (const event of events) {
      // Two calls at once read the same events: each is folded once.
      if (this.revision !== undefined && event.revision <= this.revision) continue;
      foldSyncEvent(this.folded, event);
      this.revision = event.revision;
    }
    return this.folded;
  }

  async append<T extends SyncEventType>(
    type: T,
    data: SyncEventData<T>,
    actor: Actor,
  ): Promise<void> {
    const schemaVersion = syncEventSchemas[type].version;
    await this.store.append(
      this.streamId,
      [
        {
          id: randomUUID(),
          type,
          data,
          metadata: { schemaVersion, commandId: randomUUID(), actor },
        },
      ],
      'any',
    );
  }

  /** Ends a stream's quarantine once people have made the two sides agree again. */
  async liftQuarantine(stream: string, actor: Actor): Promise<void> {
    const { quarantined } = await this.state();
    if (!quarantined.some((known) => known.stream === stream))
      throw new DomainError('SYNC_STREAM_QUARANTINED', 'stream', stream);
    await this.append('SyncQuarantineLifted', { stream }, actor);
  }

  /** Records what the regency acknowledged of the node's streams, when any moved since the last record. */
  async acknowledge(cursor: ReadonlyMap<string, bigint>): Promise<void> {
    const { acknowledged } = await this.state();
    const moved = [...cursor].filter(([stream, revision]) => acknowledged.get(stream) !== revision);
    if (moved.length === 0) return;
    await this.append(
      'NodeStreamsAcknowledged',
      {
        acknowledged: Object.fromEntries(
          moved.map(([stream, revision]) => [stream, revision.toString()]),
        ),
      },
      SYNC_ACTOR,
    );
  }

  /** Records a divergence once: the alert both sides show after a restart. */
  async quarantine(divergence: Divergence): Promise<void> {
    const { quarantined } = await this.state();
    if (quarantined.some((known) => known.stream === divergence.stream)) return;
    await this.append(
      'SyncStreamQuarantined',
      { ...divergence, revision: divergence.revision.toString() },
      SYNC_ACTOR,
    );
  }
}

function foldSyncEvent(state: SyncState, event: RecordedEvent): void {
  if (event.type === 'VillageNodeRegistered') {
    const data = syncEventSchemas.VillageNodeRegistered.data.parse(event.data);
    state.nodes.set(data.nodeId, { ...data, revoked: false, registeredAt: event.recordedAt });
  } else if (event.type === 'VillageNodeRevoked') {
    const { nodeId } = syncEventSchemas.VillageNodeRevoked.data.parse(event.data);
    const node = state.nodes.get(nodeId);
    if (node) node.revoked = true;
  } else if (event.type === 'SyncStreamQuarantined') {
    const data = syncEventSchemas.SyncStreamQuarantined.data.parse(event.data);
    state.quarantined.push({ ...data, revision: BigInt(data.revision) });
  } else if (event.type === 'SyncQuarantineLifted') {
    const { stream } = syncEventSchemas.SyncQuarantineLifted.data.parse(event.data);
    state.quarantined = state.quarantined.filter((known) => known.stream !== stream);
  } else if (event.type === 'NodeStreamsAcknowledged') {
    const data = syncEventSchemas.NodeStreamsAcknowledged.data.parse(event.data);
    for (const [stream, revision] of Object.entries(data.acknowledged))
      state.acknowledged.set(stream, BigInt(revision));
  }
}

/**
 * The state as it may be shown (monitoring, the CLI, the API): the nodes
 * without their secret's digest and key, each quarantine with both hashes.
 */
export function syncStatusView(state: SyncState & { lastSync?: ReadonlyMap<string, string> }) {
  return {
    nodes: [...state.nodes.values()].map(({ nodeId, villageCode, registeredAt, revoked }) => ({
      nodeId,
      villageCode,
      registeredAt,
      revoked,
      lastSync: state.lastSync?.get(villageCode) ?? null,
    })),
    quarantined: state.quarantined.map((divergence) => ({
      ...divergence,
      revision: divergence.revision.toString(),
    })),
  };
}
