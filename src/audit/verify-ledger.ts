import type { EventStore } from '../eventstore/port';
import {
  verifyAllStreams,
  verifyStream,
  type StreamVerification,
} from '../eventstore/verify-stream';
import { checkAgainstAnchors, latestAnchors, storeLookup, type AnchorMismatch } from './anchoring';

export interface LedgerVerification {
  ok: boolean;
  streams: StreamVerification[];
  anchorsChecked: number;
  anchorMismatches: AnchorMismatch[];
}

/** Every stream's hash chain (or only `stream`'s), checked against the newest anchors too. */
export async function verifyLedger(
  store: EventStore,
  stream?: string,
): Promise<LedgerVerification> {
  const streams = stream ? [await verifyStream(store, stream)] : await verifyAllStreams(store);
  const inScope = (name: string) => stream === undefined || name === stream;
  const anchors = await latestAnchors(store);
  const anchorMismatches = await checkAgainstAnchors(storeLookup(store), anchors, inScope);
  return {
    ok: streams.every((s) => s.ok) && anchorMismatches.length === 0,
    streams,
    anchorsChecked: anchors.flatMap((anchor) => anchor.heads).filter((h) => inScope(h.stream))
      .length,
    anchorMismatches,
  };
}
