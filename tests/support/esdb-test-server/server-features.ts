import type { sendUnaryData, ServerUnaryCall } from '@grpc/grpc-js';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import {
  SupportedMethod,
  SupportedMethods,
} from '@eventstore/db-client/generated/serverfeatures_pb';

/**
 * Only the RPCs this server implements. BatchAppend is left out on purpose:
 * the client then appends with Streams.Append (it checks for BatchAppend here).
 */
const IMPLEMENTED: [service: string, method: string][] = [
  ['event_store.client.streams.Streams', 'Read'],
  ['event_store.client.streams.Streams', 'Append'],
  ['event_store.client.server_features.ServerFeatures', 'GetSupportedMethods'],
  ['event_store.client.gossip.Gossip', 'Read'],
];

export const SERVER_VERSION = '0.0.0-kasdesa-test-server';

export function getSupportedMethods(
  _call: ServerUnaryCall<Empty, SupportedMethods>,
  callback: sendUnaryData<SupportedMethods>,
): void {
  const methods = IMPLEMENTED.map(([service, method]) =>
    new SupportedMethod().setServiceName(service).setMethodName(method),
  );
  callback(
    null,
    new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(SERVER_VERSION),
  );
}
