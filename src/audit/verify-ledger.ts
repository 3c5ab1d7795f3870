import type { EventStore } from '../eventstore/port';
import { verifyAllStreams, type StreamVerification } from '../eventstore/verify-stream';
import { checkAgainstAnchors, latestAnchors, storeLookup, type AnchorMismatch } from './anchoring';

export interface LedgerVerification {
  ok: boolean;
  streams: StreamVerification[];
  anchorsChecked: number;
  anchorMismatches: AnchorMismatch[];
}

/** Every stream's hash chain, and every stream against the newest anchors. */
export async function verifyLedger(store: EventStore): Promise<LedgerVerification> {
  const streams = await verifyAllStreams(store);
  const anchors = await latestAnchors(store);
  const anchorMismatches = await checkAgainstAnchors(storeLookup(store), anchors);
  return {
    ok: streams.every((s) => s.ok) && anchorMismatches.length === 0,
    streams,
    anchorsChecked: anchors.reduce((sum, anchor) => sum + anchor.heads.length, 0),
    anchorMismatches,
  };
}
