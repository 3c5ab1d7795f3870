import { statSync } from 'node:fs';
import { embeddedStoreFile } from '../../src/eventstore/store-location';
import { startKasdesa } from '../e2e/support/kasdesa-process';
import { STORE_FILE_DAMAGES, writeStoreFile } from '../support/damage-store-file';
import { tempDir } from '../support/temp-dir';

/** The real server process, as `npm start` runs it, on a store file damaged before the start. */
describe('the server on a damaged store file', () => {
  test.each(STORE_FILE_DAMAGES)(
    'refuses to start when the file is %s, naming the file, and leaves it as it was',
    async (_damage, damage) => {
      const data = tempDir('kasdesa-damaged-');
      try {
        const file = embeddedStoreFile(data.dir);
        await writeStoreFile(file);
        damage(file);
        const before = statSync(file);
        const start = startKasdesa(
          { KASDESA_STORE: 'embedded', KASDESA_DATA_DIR: data.dir, KASDESA_DEMO: '0' },
          { timeoutMs: 60_000 },
        );
        await expect(start).rejects.toThrow(/not ready \(exit 1\)/);
        await expect(start).rejects.toThrow(file);
        // Never started empty: the damaged file is still there, untouched.
        expect(statSync(file)).toMatchObject({ size: before.size, mtimeMs: before.mtimeMs });
      } finally {
        data.remove();
      }
    },
    90_000,
  );
});
