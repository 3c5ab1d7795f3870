import { join } from 'node:path';
import { createEmbeddedStore } from '../../src/eventstore/embedded';
import { tempDir } from '../support/temp-dir';
import { describeEventStoreContract } from './contract';

describeEventStoreContract('embedded (SQLite)', async () => {
  const temp = tempDir();
  const store = createEmbeddedStore({ file: join(temp.dir, 'events.sqlite'), pollMs: 20 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      temp.remove();
    },
  };
});
