import { StreamNotFoundError, WrongExpectedRevisionError } from '../eventstore/errors';
import { GENESIS_HASH, storedHash } from '../eventstore/hash-chain';
import { linkFault } from '../eventstore/verify-stream';
import type { EventStore } from '../eventstore/port';
import type { SyncQuarantine, Divergence } from './quarantine';
import type { BatchAnswer, SyncBatch } from './sync-batch';
import { writes, type Writer } from './stream-writer';

const lastRevisionOf = (batch: SyncBatch) => batch.fromRevision + BigInt(batch.events.length) - 1n;

async function heldEvents(store: EventStore, stream: string, from: bigint, count: number) {
  if (count <= 0) return [];
  return store.readStream(stream, { fromRevision: from, maxCount: count }).catch((error) => {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  });
}

/** The first revision the batch and the receiver's copy both hold with different events. */
async function firstDifference(
  store: EventStore,
  batch: SyncBatch,
  held: bigint,
): Promise<Divergence | undefined> {
  const overlap = Number(
    (held < lastRevisionOf(batch) ? held : lastRevisionOf(batch)) - batch.fromRevision + 1n,
  );
  const stored = await heldEvents(store, batch.stream, batch.fromRevision, overlap);
  for (const [index, event] of stored.entries()) {
    const sent = batch.events[index]!;
    const heldHash = storedHash(event) ?? '';
    const sentHash = String(sent.metadata.hash ?? '');
    if (event.id !== sent.id || heldHash !== sentHash)
      return {
        stream: batch.stream,
        revision: event.revision,
        heldId: event.id,
        sentId: sent.id,
        heldHash,
        sentHash,
      };
  }
  return undefined;
}

/**
 * The revision of the first sent event that does not link to the one before
 * it (the verifier's own rule), or undefined when the chain holds.
 */
function brokenLink(batch: SyncBatch, firstRevision: bigint, prevHash: string): bigint | undefined {
  let previous = prevHash;
  for (const [index, event] of batch.events.entries()) {
    const revision = batch.fromRevision + BigInt(index);
    if (revision < firstRevision) continue;
    const placed = { ...event, streamId: batch.stream, revision, position: 0n, recordedAt: '' };
    if (linkFault(placed, Number(revision), previous) !== undefined) return revision;
    previous = String(event.metadata.hash);
  }
  return undefined;
}

async function hashAt(store: EventStore, stream: string, revision: bigint): Promise<string> {
  if (revision < 0n) return GENESIS_HASH;
  const [event] = await heldEvents(store, stream, revision, 1);
  const hash = event && storedHash(event);
  // The receiver's store seals every event (withHashChain): a head without a hash is a wiring fault.
  if (!hash)
    throw new Error(`${stream}@${revision}: no hash-chain metadata in the receiving store`);
  return hash;
}

function quarantined(quarantine: SyncQuarantine, divergence: Divergence): BatchAnswer {
  quarantine.add(divergence);
  return { kind: 'diverged', ...divergence };
}

/**
 * Takes a batch from the stream's writer into the receiver's copy: the events
 * the copy lacks are appended at exactly the revision they had, with their
 * ids and hashes; what it holds already is acknowledged; a batch starting past
 * its head is answered with the revision it needs; a different event at a
 * revision both hold quarantines the stream, never merged.
 */
export async function receiveBatch(
  store: EventStore,
  batch: SyncBatch,
  sender: Writer,
  quarantine: SyncQuarantine,
): Promise<BatchAnswer> {
  const { stream } = batch;
  if (!writes(sender, stream)) return { kind: 'refused', stream, rule: 'NOT_WRITER' };
  // Stopped until people look: every later batch hears the same divergence (its first answer may be lost).
  const stopped = quarantine.get(stream);
  if (stopped) return { kind: 'diverged', ...stopped };
  const held = (await store.streamRevision(stream)) ?? -1n;
  const divergence = await firstDifference(store, batch, held);
  if (divergence) return quarantined(quarantine, divergence);
  // Only what the batch covers is acknowledged: a writer restored from an old backup must not skip
  // its new events past revisions the copy holds, or their divergence would go unseen.
  if (lastRevisionOf(batch) <= held)
    return { kind: 'already', stream, acknowledged: lastRevisionOf(batch) };
  if (batch.fromRevision > held + 1n) return { kind: 'gap', stream, needsFrom: held + 1n };
  const headHash = await hashAt(store, stream, held);
  // The writer's event at our head is not ours: ask from our head, so the comparison names both.
  if (
    batch.fromRevision === held + 1n &&
    held >= 0n &&
    batch.events[0]!.metadata.prevHash !== headHash
  )
    return { kind: 'gap', stream, needsFrom: held };
  const broken = brokenLink(batch, held + 1n, headHash);
  if (broken !== undefined)
    return { kind: 'refused', stream, rule: 'CHAIN_BROKEN', revision: broken };
  const fresh = batch.events.slice(Number(held + 1n - batch.fromRevision));
  // The receiving store seals again and would give an event without a sealed time its own: another hash.
  const unsealed = fresh.findIndex((event) => typeof event.metadata.recordedAt !== 'string');
  if (unsealed >= 0)
    return {
      kind: 'refused',
      stream,
      rule: 'RECORDED_TIME_MISSING',
      revision: held + 1n + BigInt(unsealed),
    };
  try {
    const result = await store.append(stream, fresh, held < 0n ? 'no_stream' : held);
    return { kind: 'appended', stream, acknowledged: result.nextRevision };
  } catch (error) {
    // Another batch of the same stream got in first: resume from the new head.
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    return { kind: 'gap', stream, needsFrom: ((await store.streamRevision(stream)) ?? -1n) + 1n };
  }
}
