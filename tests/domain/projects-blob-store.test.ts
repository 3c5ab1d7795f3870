import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FolderBlobStore, sha256Of } from '../../src/eventstore/blob-store';
import { jpegWithExif } from '../support/jpeg-with-exif';
import { tempDir } from '../support/temp-dir';

describe('the folder blob store', () => {
  const folders: ReturnType<typeof tempDir>[] = [];
  const makeTempDir = () => {
    const folder = tempDir('kasdesa-blobs-');
    folders.push(folder);
    return folder.dir;
  };
  afterAll(() => folders.forEach((folder) => folder.remove()));

  it('keeps bytes once under their SHA-256, reads them back, and removes them', async () => {
    const root = makeTempDir();
    const blobs = new FolderBlobStore(root);
    const photo = jpegWithExif({}, 5);
    const first = await blobs.put(photo);
    expect(first).toEqual({ sha256: sha256Of(photo), created: true });
    expect(await blobs.put(photo)).toEqual({ sha256: first.sha256, created: false });
    const folder = join(root, first.sha256.slice(0, 2), first.sha256.slice(2, 4));
    expect(readdirSync(folder)).toEqual([first.sha256]);
    expect(Buffer.compare((await blobs.get(first.sha256))!, photo)).toBe(0);
    await blobs.remove(first.sha256);
    expect(await blobs.get(first.sha256)).toBeUndefined();
  });

  it('refuses a name that is not a SHA-256, so no path can leave the folder', async () => {
    const blobs = new FolderBlobStore(makeTempDir());
    await expect(blobs.get('../../etc/passwd')).rejects.toThrow('not a SHA-256');
  });
});
