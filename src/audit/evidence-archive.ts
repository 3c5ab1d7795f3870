import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import type { EventStore } from '../eventstore/port';
import { EVIDENCE_ARCHIVE_UNPACKED_MAX_BYTES, LimitExceededError } from '../limits';
import type { EvidenceManifest, EvidenceScope } from './evidence-manifest';
import { exportEvidence } from './export-evidence';

/** How far building one archive may go: its files' total size and the time spent gathering them. */
export interface EvidenceArchiveLimits {
  maxBytes: number;
  maxMs: number;
}

/**
 * An evidence bundle as one zip file: exactly the files `kasdesa
 * export-evidence` writes to a folder, at the same paths, so that unpacked
 * it is that folder and the same verifier checks it.
 */
export async function evidenceArchive(
  store: EventStore,
  scope: EvidenceScope,
  options: { referenceRoot: string; now: Date; limits: EvidenceArchiveLimits },
): Promise<{ manifest: EvidenceManifest; hash: string; archive: NodeJS.ReadableStream }> {
  const { maxBytes, maxMs } = options.limits;
  const zip = new JSZip();
  const started = performance.now();
  let bytes = 0;
  const { manifest, hash } = await exportEvidence(store, scope, {
    referenceRoot: options.referenceRoot,
    now: options.now,
    sink(relative, content) {
      bytes += Buffer.byteLength(content);
      if (bytes > maxBytes) throw new LimitExceededError('EVIDENCE_BUNDLE_MAX_BYTES', maxBytes);
      if (performance.now() - started > maxMs)
        throw new LimitExceededError('EVIDENCE_EXPORT_MAX_MS', maxMs);
      // Dated at the export, so two downloads of the same books are the same bytes.
      zip.file(relative.split(sep).join('/'), content, { date: options.now });
    },
  });
  const archive = zip.generateNodeStream({
    type: 'nodebuffer',
    streamFiles: true,
    compression: 'DEFLATE',
  });
  return { manifest, hash, archive };
}

/** Counts the bytes passing through and fails the pipeline once they pass `maxBytes`. */
function byteBudget(used: { bytes: number }, maxBytes: number): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      used.bytes += chunk.length;
      if (used.bytes > maxBytes)
        done(new LimitExceededError('EVIDENCE_ARCHIVE_UNPACKED_MAX_BYTES', maxBytes));
      else done(null, chunk);
    },
  });
}

/**
 * Unpacks a zipped bundle into `folder` for the verifier. An entry that would
 * land outside the folder is refused, and so is an archive unpacking past
 * `maxBytes` (counted while unpacking, not trusted from its headers).
 */
export async function unpackEvidenceArchive(
  archive: Buffer,
  folder: string,
  maxBytes: number,
): Promise<void> {
  const zip = await JSZip.loadAsync(archive);
  const root = resolve(folder);
  const used = { bytes: 0 };
  for (const entry of Object.values(zip.files)) {
    const target = resolve(root, entry.name);
    if (!target.startsWith(`${root}${sep}`))
      throw new Error(`berkas di luar paket / entry outside the bundle: ${entry.name}`);
    if (entry.dir) continue;
    mkdirSync(dirname(target), { recursive: true });
    await pipeline(
      entry.nodeStream('nodebuffer'),
      byteBudget(used, maxBytes),
      createWriteStream(target),
    );
  }
}

/**
 * Runs `use` on a bundle's folder: the folder itself, or a downloaded zip
 * unpacked into a temporary folder removed afterwards.
 */
export async function withBundleFolder<T>(
  path: string,
  use: (folder: string) => Promise<T>,
): Promise<T> {
  if (!statSync(path).isFile()) return use(path);
  const folder = mkdtempSync(join(tmpdir(), 'kasdesa-evidence-'));
  try {
    await unpackEvidenceArchive(readFileSync(path), folder, EVIDENCE_ARCHIVE_UNPACKED_MAX_BYTES);
    return await use(folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
