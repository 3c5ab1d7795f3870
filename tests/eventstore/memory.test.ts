import { createMemoryStore } from '../../src/eventstore/memory';
import { describeEventStoreContract } from './contract';

describeEventStoreContract('in-memory', async () => ({
  store: createMemoryStore(),
  cleanup: async () => {},
}));
