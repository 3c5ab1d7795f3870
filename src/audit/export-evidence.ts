import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadReferenceData, referenceFileInForce } from '../app/load-reference-data';
import { REFERENCE_FILES, type ReferenceFileKey } from '../domain/reference/reference-files';
import { StreamNotFoundError } from '../eventstore/errors';
import type { EventStore, RecordedEvent } from '../eventstore/port';
import { verifyEvents } from '../eventstore/verify-stream';
import { regencyStreamPrefixes } from './anchoring';
import { auditStreamId } from './anchor-events';
import { deriveEvidenceReports, REPORTS_FILE } from './evidence-reports';
import {
  ANCHORS_FILE,
  BUNDLE_HASH_FILE,
  MANIFEST_FILE,
  REFERENCE_FOLDER,
  bundleHash,
  eventLine,
  referenceVersion,
  sha256,
  streamFile,
  type EvidenceManifest,
  type EvidenceScope,
} from './evidence-manifest';

async function readWholeStream(store: EventStore, stream: string): Promise<RecordedEvent[]> {
  return store
    .readStream(stream)
    .catch((error: unknown) => (error instanceof StreamNotFoundError ? [] : Promise.reject(error)));
}

/** The streams a bundle holds: the village's (or every village's) year stream and the regency's year stream. */
async function streamsInScope(store: EventStore, scope: EvidenceScope): Promise<string[]> {
  const regencyStream = `regency-${scope.regencyCode}-${scope.fiscalYear}`;
  if (scope.villageCode) return [`village-${scope.villageCode}-${scope.fiscalYear}`, regencyStream];
  const names = new Set<string>();
  const filter = { streamPrefixes: regencyStreamPrefixes(scope.regencyCode) };
  for await (const page of store.readAllPages({ filter }))
    for (const event of page)
      if (event.streamId.endsWith(`-${scope.fiscalYear}`)) names.add(event.streamId);
  return [...names].sort();
}

/** Where a bundle's files go, by their path in the bundle: a folder (the CLI) or an archive (a download). */
export type EvidenceSink = (relative: string, content: string) => void;

export function folderSink(folder: string): EvidenceSink {
  return (relative, content) => {
    const absolute = join(folder, relative);
    mkdirSync(dirname(absolute), { recursive: true });
    writeFileSync(absolute, content);
  };
}

function writeFile(sink: EvidenceSink, relative: string, content: string): string {
  sink(relative, content);
  return sha256(content);
}

function jsonLines(events: RecordedEvent[]): string {
  return events.map((event) => `${eventLine(event)}\n`).join('');
}

function copyReference(sink: EvidenceSink, referenceRoot: string, scope: EvidenceScope) {
  return (Object.keys(REFERENCE_FILES) as ReferenceFileKey[]).flatMap((key) => {
    const relative = referenceFileInForce(referenceRoot, key, scope.fiscalYear, scope.regencyCode);
    if (relative === undefined) return [];
    const content = readFileSync(join(referenceRoot, relative), 'utf8');
    return [{ path: relative, sha256: writeFile(sink, join(REFERENCE_FOLDER, relative), content) }];
  });
}

/**
 * Writes a self-contained evidence bundle: each stream's events as JSONL in
 * stream order, the regency's anchors, the reference data in force, the
 * report figures as computed now, and a manifest of every file's SHA-256,
 * sealed by `bundle.sha256`, into a folder or an archive (`sink`).
 */
export async function exportEvidence(
  store: EventStore,
  scope: EvidenceScope,
  options: { sink: EvidenceSink; referenceRoot: string; now: Date },
): Promise<{ manifest: EvidenceManifest; hash: string }> {
  const streams = [];
  const bundled: RecordedEvent[] = [];
  for (const stream of await streamsInScope(store, scope)) {
    const events = await readWholeStream(store, stream);
    if (events.length === 0) continue;
    bundled.push(...events);
    const verification = verifyEvents(stream, events);
    const file = streamFile(stream);
    streams.push({
      stream,
      file,
      sha256: writeFile(options.sink, file, jsonLines(events)),
      events: events.length,
      headRevision: events[events.length - 1]!.revision.toString(),
      headHash: verification.ok
        ? verification.headHash
        : String(events[events.length - 1]!.metadata.hash),
    });
  }
  const anchorEvents = await readWholeStream(store, auditStreamId(scope.regencyCode));
  const referenceFiles = copyReference(options.sink, options.referenceRoot, scope);
  const reports = await deriveEvidenceReports(
    bundled,
    scope,
    loadReferenceData(scope.fiscalYear, scope.regencyCode, options.referenceRoot),
  );
  const manifest: EvidenceManifest = {
    format: 'kasdesa-evidence/1',
    scope: {
      regencyCode: scope.regencyCode,
      ...(scope.villageCode ? { villageCode: scope.villageCode } : {}),
      fiscalYear: scope.fiscalYear,
    },
    createdAt: options.now.toISOString(),
    streams,
    anchors: {
      file: ANCHORS_FILE,
      sha256: writeFile(options.sink, ANCHORS_FILE, jsonLines(anchorEvents)),
      events: anchorEvents.length,
    },
    reference: { version: referenceVersion(referenceFiles), files: referenceFiles },
    reports: {
      file: REPORTS_FILE,
      sha256: writeFile(options.sink, REPORTS_FILE, `${JSON.stringify(reports, null, 2)}\n`),
    },
  };
  writeFile(options.sink, MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  const hash = bundleHash(manifest);
  writeFile(options.sink, BUNDLE_HASH_FILE, `${hash}  ${MANIFEST_FILE}\n`);
  return { manifest, hash };
}
