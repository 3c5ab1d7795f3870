import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Bytes kept by their SHA-256 beside the event store: events name a photo by
 * its hash, the store keeps it once however often it is named. An
 * S3-compatible bucket can stand in for the folder (docs/operations.md).
 */
export interface BlobStore {
  /** Stores the bytes; `created` is false when the same content was already there. */
  put(bytes: Uint8Array): Promise<{ sha256: string; created: boolean }>;
  get(sha256: string): Promise<Buffer | undefined>;
  /** Removes a blob this caller created and no event names (a refused upload). */
  remove(sha256: string): Promise<void>;
}

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * A folder of blobs, two levels of hash prefix deep so no directory grows to
 * a million entries. A blob is written to a temporary name, synced, then
 * renamed: a reader never sees half a photo.
 */
export class FolderBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(bytes: Uint8Array) {
    const sha256 = sha256Of(bytes);
    const path = this.pathOf(sha256);
    if (await exists(path)) return { sha256, created: false };
    await mkdir(join(path, '..'), { recursive: true });
    const temporary = `${path}.${randomUUID()}.part`;
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
    return { sha256, created: true };
  }

  async get(sha256: string) {
    const path = this.pathOf(sha256);
    return (await exists(path)) ? readFile(path) : undefined;
  }

  async remove(sha256: string) {
    await rm(this.pathOf(sha256), { force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Blobs in memory: the default of an app built without a data folder (tests, the demo). */
export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Buffer>();

  put(bytes: Uint8Array) {
    const sha256 = sha256Of(bytes);
    const created = !this.blobs.has(sha256);
    if (created) this.blobs.set(sha256, Buffer.from(bytes));
    return Promise.resolve({ sha256, created });
  }

  get(sha256: string) {
    return Promise.resolve(this.blobs.get(sha256));
  }

  remove(sha256: string) {
    this.blobs.delete(sha256);
    return Promise.resolve();
  }

  /** How many blobs are held: what a test of "nothing stored" counts. */
  get size(): number {
    return this.blobs.size;
  }
}
