import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import { z } from 'zod';

/** Describes every file of an evidence bundle with its SHA-256; its own hash seals the bundle. */
export const manifestSchema = z.object({
  format: z.literal('kasdesa-evidence/1'),
  scope: z.object({
    regencyCode: z.string(),
    /** One village; omitted for the regency-wide bundle. */
    villageCode: z.string().optional(),
    fiscalYear: z.number().int(),
  }),
  createdAt: z.string(),
  streams: z.array(
    z.object({
      stream: z.string(),
      file: z.string(),
      sha256: z.string(),
      events: z.number().int().nonnegative(),
      headRevision: z.string(),
      headHash: z.string(),
    }),
  ),
  anchors: z.object({
    file: z.string(),
    sha256: z.string(),
    events: z.number().int().nonnegative(),
  }),
  reference: z.object({
    /** SHA-256 over the reference files' paths and hashes: the reference-data version. */
    version: z.string(),
    files: z.array(z.object({ path: z.string(), sha256: z.string() })),
  }),
  /** Report figures computed at export time; verification re-derives and compares them. */
  reports: z.object({ file: z.string(), sha256: z.string() }).optional(),
});
export type EvidenceManifest = z.infer<typeof manifestSchema>;
/** What a bundle covers: a village's year, or the regency's. */
export type EvidenceScope = EvidenceManifest['scope'];

export const MANIFEST_FILE = 'manifest.json';
export const BUNDLE_HASH_FILE = 'bundle.sha256';
export const ANCHORS_FILE = 'anchors.jsonl';
export const REFERENCE_FOLDER = 'reference';

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The bundle's seal: SHA-256 over the canonical manifest, which itself lists every file's hash. */
export function bundleHash(manifest: EvidenceManifest): string {
  return sha256(stringify(manifest)!);
}

export function referenceVersion(files: { path: string; sha256: string }[]): string {
  return sha256(stringify(files)!);
}

/** One event per line; revisions and positions as strings, so no reader loses precision. */
export function eventLine(event: object): string {
  return JSON.stringify(event, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}

/** File name of a stream's events inside the bundle (stream ids contain dots, never slashes). */
export function streamFile(stream: string): string {
  return `events/${stream.replace(/[^\w.-]/g, '_')}.jsonl`;
}
