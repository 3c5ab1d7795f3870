import { createHash } from 'node:crypto';

/** Kasdesa's own namespace for ids of imported events (a random UUID, fixed forever). */
const NAMESPACE = Buffer.from('6f1c2a4e9b3d4f7a8c5e2d1b0a9f8e7d', 'hex');

/**
 * A name-based UUID (version 5: SHA-1 of namespace and name): the same
 * Siskeudes row of the same village-year always gets the same event id, so a
 * second import of the file is recognised instead of written again.
 */
export function importedEventId(name: string): string {
  const bytes = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
