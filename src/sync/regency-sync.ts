import { randomUUID } from 'node:crypto';
import { DomainError } from '../domain/shared/domain-error';
import type { Actor } from '../domain/shared/envelope';
import { isRegionCode, regencyOf } from '../domain/shared/region-codes';
import type { EventStore } from '../eventstore/port';
import { SYNC_REQUEST_BATCHES_MAX } from '../limits';
import { newNodeSecret, secretDigest, signingPublicKey } from './node-keys';
import { heldHeads, nodeStreams, streamOutsideVillage } from './node-streams';
import { SyncQuarantine } from './quarantine';
import { receiveBatch } from './receive-batch';
import { nextBatch } from './send-batches';
import type { BatchAnswer, SyncBatch } from './sync-batch';
import { lastContact, noteContact } from './sync-contact';
import { syncStreamId } from './sync-events';
import { SyncRecord, type SyncState, type VillageNode } from './sync-record';

export interface RegencySyncOptions {
  store: EventStore;
  regencyCode: string;
  /** The fiscal years both sides know (the reference data's): which streams travel. */
  fiscalYears: () => readonly number[];
  /** When a node's contact is compared with the last recorded one. Default: the system clock. */
  clock?: () => Date;
  /** Told the streams a node's request appended to, once they are stored (the duplicate check). */
  onAppended?: (streams: readonly string[]) => Promise<void>;
}

/** A node's credential as registration gives it, once: the node keeps it in a file. */
export interface NodeCredential {
  nodeId: string;
  villageCode: string;
  secret: string;
}

/**
 * The regency's side of sync: the village nodes it lets in, the batches it
 * takes from them through the one receiving logic, the regency streams it
 * gives them, and the quarantines it recorded.
 */
export class RegencySync {
  readonly record: SyncRecord;

  constructor(private readonly options: RegencySyncOptions) {
    this.record = new SyncRecord(options.store, syncStreamId(options.regencyCode));
  }

  async registerNode(villageCode: string, actor: Actor): Promise<NodeCredential> {
    if (
      !isRegionCode(villageCode, 'village') ||
      regencyOf(villageCode) !== this.options.regencyCode
    )
      throw new DomainError('SYNC_NODE_VILLAGE_IN_REGENCY', 'villageCode', villageCode);
    const credential = { nodeId: randomUUID(), villageCode, secret: newNodeSecret() };
    await this.record.append(
      'VillageNodeRegistered',
      {
        nodeId: credential.nodeId,
        villageCode,
        secretDigest: secretDigest(credential.secret),
        signingKey: signingPublicKey(credential.secret),
      },
      actor,
    );
    return credential;
  }

  async revokeNode(nodeId: string, actor: Actor): Promise<void> {
    const node = (await this.record.state()).nodes.get(nodeId);
    if (!node || node.revoked) throw new DomainError('SYNC_NODE_KNOWN', 'nodeId', nodeId);
    await this.record.append('VillageNodeRevoked', { nodeId }, actor);
  }

  /** The active node whose secret this is; none for an unknown or revoked one. */
  async nodeBySecret(secret: string): Promise<VillageNode | undefined> {
    const digest = secretDigest(secret);
    for (const node of (await this.record.state()).nodes.values())
      if (node.secretDigest === digest && !node.revoked) return node;
    return undefined;
  }

  /** Whether an active node keeps the village's books: then the regency's copy of its streams is read-only. */
  async keepsBooks(villageCode: string): Promise<boolean> {
    for (const node of (await this.record.state()).nodes.values())
      if (node.villageCode === villageCode && !node.revoked) return true;
    return false;
  }

  async activeNode(nodeId: string): Promise<VillageNode | undefined> {
    const node = (await this.record.state()).nodes.get(nodeId);
    return node && !node.revoked ? node : undefined;
  }

  /** What the regency holds of the node's streams: the acknowledgements a node resumes from. */
  heads(streams: readonly string[]): Promise<Map<string, bigint>> {
    return heldHeads(this.options.store, streams);
  }

  /**
   * The node's batches through the one receiving logic, each answered; a
   * divergence is recorded once so the quarantine survives a restart. A batch
   * of a stream the node's village does not write refuses the whole request
   * before anything is written.
   */
  async receive(node: VillageNode, batches: readonly SyncBatch[]): Promise<BatchAnswer[]> {
    const outside = streamOutsideVillage(
      node.villageCode,
      batches.map((batch) => batch.stream),
    );
    if (outside !== undefined)
      throw new DomainError('SYNC_STREAM_OF_VILLAGE', 'stream', outside, {
        id: `desa ${node.villageCode}`,
        en: `village ${node.villageCode}`,
      });
    const quarantine = new SyncQuarantine((await this.record.state()).quarantined);
    const sender = { kind: 'village', villageCode: node.villageCode } as const;
    const answers: BatchAnswer[] = [];
    for (const batch of batches) {
      const answer = await receiveBatch(this.options.store, batch, sender, quarantine);
      if (answer.kind === 'diverged') {
        const { kind: _kind, ...divergence } = answer;
        await this.record.quarantine(divergence);
      }
      answers.push(answer);
    }
    const appended = answers.filter((answer) => answer.kind === 'appended');
    await this.options.onAppended?.(appended.map((answer) => answer.stream));
    return answers;
  }

  /** The regency streams the node's village needs, after the revisions the node holds. */
  async pull(node: VillageNode, after: ReadonlyMap<string, bigint>): Promise<SyncBatch[]> {
    const { copies } = nodeStreams(node.villageCode, this.options.fiscalYears());
    const batches: SyncBatch[] = [];
    for (const stream of copies) {
      if (batches.length >= SYNC_REQUEST_BATCHES_MAX) break;
      const batch = await nextBatch(this.options.store, stream, after.get(stream));
      if (batch) batches.push(batch);
    }
    return batches;
  }

  /** The last time the village's node synced, as recorded; undefined when never. */
  lastContact(villageCode: string): Promise<string | undefined> {
    return lastContact(this.options.store, villageCode);
  }

  /** Records that the node synced, unless that was recorded within SYNC_CONTACT_RECORD_INTERVAL_MS. */
  noteContact(node: VillageNode): Promise<void> {
    return noteContact(this.options.store, node, this.options.clock);
  }

  /**
   * The nodes, the quarantined streams, and each village's last sync: what the
   * CLI and the regency's monitoring show.
   */
  async status(): Promise<SyncState & { lastSync: Map<string, string> }> {
    const state = await this.record.state();
    const lastSync = new Map<string, string>();
    for (const villageCode of new Set([...state.nodes.values()].map((node) => node.villageCode))) {
      const last = await this.lastContact(villageCode);
      if (last) lastSync.set(villageCode, last);
    }
    return { ...state, lastSync };
  }
}
