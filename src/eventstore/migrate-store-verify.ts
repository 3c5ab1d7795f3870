import type { SourceStream } from './migrate-store';
import type { EventStore } from './port';
import { verifyAllStreams, type StreamVerification } from './verify-stream';

export interface MigrationMismatch {
  stream: string;
  reason: string;
}

export interface MigrationVerification {
  /** The target's chain verification of every migrated stream. */
  results: StreamVerification[];
  mismatches: MigrationMismatch[];
}

/**
 * Recomputes the hash chain of every migrated stream on the target and checks
 * that each ends where the source ends: same number of events, same head hash.
 * Streams the target holds besides the migrated ones are left out.
 */
export async function verifyMigration(
  target: EventStore,
  sources: ReadonlyMap<string, SourceStream>,
): Promise<MigrationVerification> {
  const results = (await verifyAllStreams(target)).filter((result) => sources.has(result.stream));
  const found = new Set(results.map((result) => result.stream));
  const mismatches = results.flatMap((result) => mismatchOf(result, sources.get(result.stream)!));
  for (const stream of sources.keys()) {
    if (!found.has(stream)) {
      mismatches.push({
        stream,
        reason: 'aliran tidak ada di tujuan / stream missing on the target',
      });
    }
  }
  return { results, mismatches };
}

function mismatchOf(result: StreamVerification, source: SourceStream): MigrationMismatch[] {
  const { stream } = result;
  if (!result.ok) {
    const { revision, eventId, reason } = result.broken;
    return [{ stream, reason: `revisi ${revision}, peristiwa ${eventId}: ${reason}` }];
  }
  if (result.events !== source.events) {
    return [
      {
        stream,
        reason: `${result.events} peristiwa di tujuan, ${source.events} di sumber / ${result.events} events on the target, ${source.events} in the source`,
      },
    ];
  }
  if (result.headHash !== source.headHash) {
    return [
      { stream, reason: 'hash terakhir berbeda dari sumber / head hash differs from the source' },
    ];
  }
  return [];
}
