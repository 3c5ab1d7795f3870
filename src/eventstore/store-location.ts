import { join } from 'node:path';

export type StoreKind = 'embedded' | 'eventstoredb' | 'memory';

/** Where the events live: which adapter, and the data folder of the embedded store and the projections. */
export interface StoreLocation {
  store: StoreKind;
  dataDir: string;
}

/** The embedded store's file inside the data folder. */
export function embeddedStoreFile(dataDir: string): string {
  return join(dataDir, 'kasdesa.sqlite');
}
