import request from 'supertest';
import { syncTransportOver } from '../../../src/sync/http-transport';
import type { SyncTransport } from '../../../src/sync/node-sync';
import { bearer, VILLAGE, type TestServer } from '../../http/support';

/** A node registered through the regency's API by its administrator: the credential it is given once. */
export async function registerNode(
  regency: TestServer,
  villageCode = VILLAGE,
): Promise<{ nodeId: string; secret: string }> {
  const registered = await request(regency.app)
    .post('/api/v1/sync/nodes')
    .set(bearer(regency.tokens.administrator))
    .send({ villageCode })
    .expect(201);
  return { nodeId: registered.body.nodeId as string, secret: registered.body.secret as string };
}

/**
 * The node's HTTPS transport, in process: each request to the regency's API
 * with the node's secret, anything but 200 failing the test. `posts`, when
 * given, collects the paths asked.
 */
export function transportTo(regency: TestServer, secret: string, posts?: string[]): SyncTransport {
  return syncTransportOver(async (path, body) => {
    posts?.push(path);
    const answer = await request(regency.app)
      .post(`/api/v1${path}`)
      .set(bearer(secret))
      .send(body as object)
      .expect(200);
    return answer.body;
  });
}
