import { createEventStoreDbStore } from '../../src/eventstore/eventstoredb';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb-test-server';
import { describeEventStoreContract } from './contract';

/** Same as EVENTSTORE_MAX_APPEND_SIZE in docker-compose.yml, so the 1 MB contract case fits on both. */
const MAX_APPEND_SIZE = 8 * 1024 * 1024;

describe('EventStoreDB adapter on the gRPC test server', () => {
  let server: EsdbTestServer | undefined;

  afterAll(async () => {
    await server?.stop();
  });

  describeEventStoreContract('EventStoreDB (test server)', async () => {
    server ??= await startEsdbTestServer({ maxAppendSize: MAX_APPEND_SIZE });
    const store = createEventStoreDbStore(server.url);
    return { store, cleanup: () => store.close() };
  });
});

const realServer = process.env.EVENTSTORE_URL;
if (!realServer)
  console.warn('EventStoreDB contract on a real server skipped: EVENTSTORE_URL not set');

// The whole contract, listed as skipped when no real server is configured: the same suite, run against what is present.
(realServer ? describe : describe.skip)('EventStoreDB adapter on a real EventStoreDB', () => {
  describeEventStoreContract('EventStoreDB (EVENTSTORE_URL)', async () => {
    const store = createEventStoreDbStore(realServer!);
    return { store, cleanup: () => store.close() };
  });
});
