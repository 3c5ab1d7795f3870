import { createAccessService, type AccessService } from '../access/access-service';
import { runConfiguration } from '../composition/demo-settings';
import { openStore } from '../composition/open-store';
import type { EventStore } from '../eventstore/port';

/** Runs a CLI action on the configured store and its access stream, closing the store afterwards. */
export async function withConfiguredStore<T>(
  action: (store: EventStore, access: AccessService) => Promise<T>,
): Promise<T> {
  const { config, regencyCode } = runConfiguration();
  const store = openStore(config);
  try {
    return await action(store, createAccessService({ store, regencyCode }));
  } finally {
    await store.close();
  }
}
