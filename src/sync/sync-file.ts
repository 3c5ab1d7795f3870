import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { DomainError } from '../domain/shared/domain-error';
import { regionCodeSchema } from '../domain/shared/region-codes';
import type { EventStore } from '../eventstore/port';
import { SYNC_FILE_MAX_BYTES } from '../limits';
import { signWithNodeSecret, verifyNodeSignature } from './node-keys';
import { ownHeads } from './node-streams';
import type { NodeCredential, RegencySync } from './regency-sync';
import { nextBatch } from './send-batches';
import type { BatchAnswer, SyncBatch } from './sync-batch';
import { batchFromWire, batchToWire, syncBatchSchema } from './sync-wire';

/**
 * The signed file a node's events travel in by hand (a USB stick): gzip of
 * `{ payload, signature }`, where `payload` is the JSON text of the batches
 * and `signature` an ed25519 signature of exactly that text. ed25519, not an
 * HMAC: the regency checks the signature with the public key recorded at
 * registration, so nothing it stores (or an auditor reads from its events)
 * can sign a village's file; an HMAC would need the regency to keep every
 * node's secret.
 */
const FILE_FORMAT = 'kasdesa-sync-file';

const envelopeSchema = z.strictObject({ payload: z.string(), signature: z.string() });
const payloadSchema = z.strictObject({
  format: z.literal(FILE_FORMAT),
  version: z.literal(1),
  nodeId: z.uuid(),
  villageCode: regionCodeSchema('village'),
  createdAt: z.iso.datetime(),
  batches: z.array(syncBatchSchema),
});

/**
 * Every event of the node's own streams, from the first: a node carrying a
 * file cannot know what arrived before, and the regency acknowledges what it
 * holds already as already there.
 */
export async function exportSyncFile(options: {
  store: EventStore;
  credential: NodeCredential;
  fiscalYears: readonly number[];
  now: Date;
}): Promise<{ bytes: Buffer; batches: SyncBatch[] }> {
  const { store, credential } = options;
  const own = await ownHeads(store, credential.villageCode, options.fiscalYears);
  const batches: SyncBatch[] = [];
  for (const stream of own.keys()) {
    let acknowledged: bigint | undefined;
    for (let batch = await nextBatch(store, stream, acknowledged); batch;) {
      batches.push(batch);
      acknowledged = batch.fromRevision + BigInt(batch.events.length) - 1n;
      batch = await nextBatch(store, stream, acknowledged);
    }
  }
  const payload = JSON.stringify({
    format: FILE_FORMAT,
    version: 1,
    nodeId: credential.nodeId,
    villageCode: credential.villageCode,
    createdAt: options.now.toISOString(),
    batches: batches.map(batchToWire),
  });
  const signature = signWithNodeSecret(credential.secret, Buffer.from(payload));
  return { bytes: gzipSync(JSON.stringify({ payload, signature })), batches };
}

function unreadable(reason: string): DomainError {
  return new DomainError('SYNC_FILE_FORMAT', 'file', reason);
}

function parsedJson(text: string, part: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw unreadable(part);
  }
}

/**
 * Checks a sync file's signature against its node's recorded key, then takes
 * its batches through the same receiving logic as HTTPS. A changed, damaged
 * or foreign file is refused whole before anything is written.
 */
export async function importSyncFile(
  regency: RegencySync,
  bytes: Buffer,
): Promise<{ nodeId: string; villageCode: string; answers: BatchAnswer[] }> {
  let text: string;
  try {
    text = gunzipSync(bytes, { maxOutputLength: SYNC_FILE_MAX_BYTES }).toString('utf8');
  } catch {
    throw unreadable('gzip');
  }
  const envelope = envelopeSchema.safeParse(parsedJson(text, 'envelope'));
  if (!envelope.success) throw unreadable('envelope');
  const { payload, signature } = envelope.data;
  const claimed = z.object({ nodeId: z.string() }).safeParse(parsedJson(payload, 'payload'));
  if (!claimed.success) throw unreadable('payload.nodeId');
  const node = await regency.activeNode(claimed.data.nodeId);
  if (!node) throw new DomainError('SYNC_NODE_KNOWN', 'nodeId', claimed.data.nodeId);
  if (!verifyNodeSignature(node.signingKey, Buffer.from(payload), signature))
    throw new DomainError('SYNC_FILE_SIGNATURE', 'signature', `${signature.slice(0, 16)}…`);
  const content = payloadSchema.safeParse(JSON.parse(payload));
  if (!content.success || content.data.villageCode !== node.villageCode)
    throw unreadable('payload');
  const answers = await regency.receive(node, content.data.batches.map(batchFromWire));
  await regency.noteContact(node);
  return { nodeId: node.nodeId, villageCode: node.villageCode, answers };
}
