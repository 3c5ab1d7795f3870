import type { Config } from './config';
import { withHashChain } from '../eventstore/chained-store';
import { createEmbeddedStore } from '../eventstore/embedded';
import { createEventStoreDbStore } from '../eventstore/eventstoredb';
import { createMemoryStore } from '../eventstore/memory';
import type { EventStore } from '../eventstore/port';
import { embeddedStoreFile } from '../eventstore/store-location';

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
