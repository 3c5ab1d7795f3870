import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createAccessService } from '../../../src/access/access-service';
import { openSessionStream } from '../../../src/access/session-stream';
import { createLedger } from '../../../src/app/ledger';
import { withHashChain } from '../../../src/eventstore/chained-store';
import { createMemoryStore } from '../../../src/eventstore/memory';
import type { EventStore } from '../../../src/eventstore/port';
import { createApp } from '../../../src/http/app';
import { REGENCY, setUpVillages, type VillageRole } from '../../support/simulation/scenario';
import { registerVillageUsers, userKey, type VillageUser } from '../../support/simulation/users';

export interface ReliabilityServer {
  baseUrl: string;
  store: EventStore;
  users: Map<string, VillageUser>;
  token(village: string, role: VillageRole): string;
  close(): Promise<void>;
}

export function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * The real express app on a real socket (127.0.0.1, ephemeral port) over an
 * in-memory store, with the villages' budgets enacted and one signed-in
 * user per village role.
 */
export async function startReliabilityServer(
  villages: readonly string[],
): Promise<ReliabilityServer> {
  const store = withHashChain(createMemoryStore());
  const access = createAccessService({ store, regencyCode: REGENCY });
  const users = await registerVillageUsers(access, villages);
  await setUpVillages(createLedger({ store }), villages);
  const sessionStream = openSessionStream({ store, regencyCode: REGENCY });
  const app = createApp({
    store,
    storeKind: 'memory',
    access,
    sessionStream,
    log: pino({ level: 'silent' }),
  });
  const server = createServer(app);
  const baseUrl = await listen(server);
  const { state } = await access.load();
  const tokens = new Map<string, string>();
  for (const [key, user] of users)
    tokens.set(key, (await sessionStream.sessions.create(state.users.get(user.userId)!)).token);
  return {
    baseUrl,
    store,
    users,
    token: (village, role) => tokens.get(userKey(village, role))!,
    close: async () => {
      await closeServer(server);
      await sessionStream.follower.stop();
    },
  };
}
