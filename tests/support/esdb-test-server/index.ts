import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials } from '@grpc/grpc-js';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { appendHandler, DEFAULT_MAX_APPEND_SIZE } from './append';
import { EventLog } from './event-log';
import { gossipHandler } from './gossip';
import { readHandler } from './read';
import { getSupportedMethods } from './server-features';
import type { AllSubscription } from './subscription';

export interface EsdbTestServer {
  /** Connection string for `EventStoreDBClient.connectionString`, single node, insecure. */
  url: string;
  stop(): Promise<void>;
}

export interface EsdbTestServerOptions {
  /** Bytes per append, like the node's MaxAppendSize setting. Default: the node's default, 1 MiB. */
  maxAppendSize?: number;
}

const HOST = '127.0.0.1';
const SHUTDOWN_GRACE_MS = 2000;

/**
 * An in-memory stand-in for a single EventStoreDB node speaking its gRPC
 * protocol: the parts of Streams, ServerFeatures and Gossip that the
 * Kasdesa adapter uses, built from the client's own service definitions.
 */
export async function startEsdbTestServer(
  options: EsdbTestServerOptions = {},
): Promise<EsdbTestServer> {
  const log = new EventLog();
  const subscriptions = new Set<AllSubscription>();
  const server = new Server();
  let port = 0;
  server.addService(StreamsService, {
    read: readHandler(log, subscriptions),
    append: appendHandler(log, options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE),
  });
  server.addService(ServerFeaturesService, { getSupportedMethods });
  server.addService(GossipService, {
    read: gossipHandler(randomUUID(), () => ({ host: HOST, port })),
  });
  port = await bind(server);
  return {
    url: `esdb://${HOST}:${port}?tls=false`,
    stop: () => shutdown(server, subscriptions),
  };
}

function bind(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(`${HOST}:0`, ServerCredentials.createInsecure(), (error, port) =>
      error ? reject(error) : resolve(port),
    );
  });
}

/** Ends live subscriptions (they never finish on their own), then shuts down; forcefully if a call lingers. */
function shutdown(server: Server, subscriptions: Set<AllSubscription>): Promise<void> {
  for (const subscription of [...subscriptions]) subscription.end();
  return new Promise((resolve) => {
    const force = setTimeout(() => server.forceShutdown(), SHUTDOWN_GRACE_MS);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}
