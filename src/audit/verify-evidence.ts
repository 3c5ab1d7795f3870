import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReferenceData } from '../app/load-reference-data';
import type { RecordedEvent } from '../eventstore/port';
import { verifyEvents, type StreamVerification } from '../eventstore/verify-stream';
import { parseEventLines } from './bundled-events';
import { checkAgainstAnchors, newestAnchors, type AnchorMismatch } from './anchoring';
import { deriveEvidenceReports, firstDifference, type EvidenceReports } from './evidence-reports';
import {
  BUNDLE_HASH_FILE,
  MANIFEST_FILE,
  REFERENCE_FOLDER,
  bundleHash,
  manifestSchema,
  referenceVersion,
  sha256,
  type EvidenceManifest,
} from './evidence-manifest';

export interface EvidenceVerification {
  ok: boolean;
  manifest: EvidenceManifest | undefined;
  /** Every fault found, one sentence each (Indonesian / English). */
  problems: string[];
  streams: StreamVerification[];
  anchorMismatches: AnchorMismatch[];
  /** Events per stream, as read from the bundle. */
  events: Map<string, RecordedEvent[]>;
  /** Report figures re-derived from the bundle's events and reference data alone. */
  reports: EvidenceReports | undefined;
}

function readChecked(
  folder: string,
  file: string,
  expectedHash: string,
  problems: string[],
): string | undefined {
  const path = join(folder, file);
  if (!existsSync(path)) {
    problems.push(`berkas hilang / file missing: ${file}`);
    return undefined;
  }
  const content = readFileSync(path, 'utf8');
  if (sha256(content) !== expectedHash)
    problems.push(`SHA-256 tidak cocok / SHA-256 mismatch: ${file}`);
  return content;
}

function readManifest(folder: string, problems: string[]): EvidenceManifest | undefined {
  try {
    const manifest = manifestSchema.parse(
      JSON.parse(readFileSync(join(folder, MANIFEST_FILE), 'utf8')),
    );
    const sealed = readFileSync(join(folder, BUNDLE_HASH_FILE), 'utf8').split(/\s+/)[0];
    if (sealed !== bundleHash(manifest)) {
      problems.push(
        `manifest tidak cocok dengan ${BUNDLE_HASH_FILE} / manifest does not match ${BUNDLE_HASH_FILE}`,
      );
    }
    return manifest;
  } catch (error) {
    problems.push(`manifest tidak terbaca / unreadable manifest: ${(error as Error).message}`);
    return undefined;
  }
}

function checkStream(
  entry: EvidenceManifest['streams'][number],
  events: RecordedEvent[],
  problems: string[],
): StreamVerification {
  const verification = verifyEvents(entry.stream, events);
  const head = events[events.length - 1];
  if (
    events.length !== entry.events ||
    head?.revision.toString() !== entry.headRevision ||
    head?.metadata.hash !== entry.headHash
  ) {
    problems.push(
      `isi aliran tidak sesuai manifest / stream content differs from the manifest: ${entry.stream}`,
    );
  }
  return verification;
}

/**
 * Checks an evidence bundle offline, with nothing but its files: the seal over
 * the manifest, every file's SHA-256, every stream's hash chain, and every
 * stream against the newest anchors the bundle carries.
 */
export async function verifyEvidence(folder: string): Promise<EvidenceVerification> {
  const problems: string[] = [];
  const events = new Map<string, RecordedEvent[]>();
  const manifest = readManifest(folder, problems);
  if (!manifest)
    return {
      ok: false,
      manifest,
      problems,
      streams: [],
      anchorMismatches: [],
      events,
      reports: undefined,
    };

  const streams = manifest.streams.map((entry) => {
    const content = readChecked(folder, entry.file, entry.sha256, problems);
    const streamEvents = content === undefined ? [] : parseEventLines(content);
    events.set(entry.stream, streamEvents);
    return checkStream(entry, streamEvents, problems);
  });
  for (const broken of streams.filter((s) => !s.ok)) {
    if (!broken.ok)
      problems.push(
        `rantai hash rusak / broken hash chain: ${broken.stream} revisi ${broken.broken.revision} (${broken.broken.eventId}): ${broken.broken.reason}`,
      );
  }

  const anchorEvents = parseEventLines(
    readChecked(folder, manifest.anchors.file, manifest.anchors.sha256, problems) ?? '',
  );
  const anchorChains = [...new Set(anchorEvents.map((e) => e.streamId))].map((stream) =>
    verifyEvents(
      stream,
      anchorEvents.filter((e) => e.streamId === stream),
    ),
  );
  for (const broken of anchorChains.filter((s) => !s.ok))
    problems.push(`rantai jangkar rusak / broken anchor chain: ${broken.stream}`);
  const lookup = async (stream: string, revision: bigint) =>
    events.get(stream)?.find((e) => e.revision === revision);
  const anchorMismatches = await checkAgainstAnchors(
    lookup,
    newestAnchors(anchorEvents),
    (stream) => events.has(stream),
  );
  for (const mismatch of anchorMismatches)
    problems.push(`${mismatch.stream} revisi ${mismatch.revision}: ${mismatch.reason}`);

  for (const file of manifest.reference.files)
    readChecked(folder, join(REFERENCE_FOLDER, file.path), file.sha256, problems);
  if (referenceVersion(manifest.reference.files) !== manifest.reference.version) {
    problems.push('versi data referensi tidak cocok / reference-data version mismatch');
  }
  const reports = await rederiveReports(folder, manifest, events, problems);
  return {
    ok: problems.length === 0,
    manifest,
    problems,
    streams,
    anchorMismatches,
    events,
    reports,
  };
}

/** Re-derives the report figures and checks them against those the bundle recorded at export. */
async function rederiveReports(
  folder: string,
  manifest: EvidenceManifest,
  events: Map<string, RecordedEvent[]>,
  problems: string[],
): Promise<EvidenceReports | undefined> {
  let derived: EvidenceReports;
  try {
    const { regencyCode, fiscalYear } = manifest.scope;
    const reference = loadReferenceData(fiscalYear, regencyCode, join(folder, REFERENCE_FOLDER));
    derived = await deriveEvidenceReports([...events.values()].flat(), manifest.scope, reference);
  } catch (error) {
    problems.push(
      `laporan tidak dapat diturunkan / reports cannot be re-derived: ${(error as Error).message}`,
    );
    return undefined;
  }
  if (!manifest.reports) return derived;
  const recorded = readChecked(folder, manifest.reports.file, manifest.reports.sha256, problems);
  let figures: unknown;
  try {
    figures = recorded === undefined ? undefined : JSON.parse(recorded);
  } catch {
    problems.push(`berkas tidak terbaca / unreadable file: ${manifest.reports.file}`);
    return derived;
  }
  const difference = firstDifference(figures, derived);
  if (difference)
    problems.push(
      `angka laporan di ${manifest.reports.file} berbeda dari hasil turunan / report figure in ${manifest.reports.file} differs from the re-derived one: ${difference}`,
    );
  return derived;
}
