import { join } from 'node:path';
import type { Config } from '../config';
import { withHashChain } from './chained-store';
import { createEmbeddedStore } from './embedded';
import { createEventStoreDbStore } from './eventstoredb';
import { createMemoryStore } from './memory';
import type { EventStore } from './port';

/** The embedded store's file inside the data folder. */
export function embeddedStoreFile(dataDir: string): string {
  return join(dataDir, 'kasdesa.sqlite');
}

/** Opens the configured adapter behind the hash chain: the store every caller uses. */
export function openStore(config: Pick<Config, 'store' | 'dataDir' | 'eventStoreUrl'>): EventStore {
  switch (config.store) {
    case 'embedded':
      return withHashChain(createEmbeddedStore({ file: embeddedStoreFile(config.dataDir) }));
    case 'eventstoredb':
      return withHashChain(createEventStoreDbStore(config.eventStoreUrl!));
    case 'memory':
      return withHashChain(createMemoryStore());
  }
}
