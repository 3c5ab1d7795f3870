import request from 'supertest';
import { registerNode } from './support/node-over-api';
import {
  bearer,
  dumpAll,
  expectProblem,
  startTestServer,
  VILLAGE,
  VILLAGE_PATH,
  type TestServer,
} from '../http/support';

/** A village's books are written by one side only: its node once it has one, else the regency's server. */
describe("the regency's copy of a village kept on a node is read-only", () => {
  const open = `${VILLAGE_PATH}/commands/OpenVillageFiscalYear`;
  const opening = { openingBalances: { cashOnHand: '0', bank: '0' }, silpa: [] };
  let server: TestServer;

  const openYear = () =>
    request(server.app).post(open).set(bearer(server.tokens.treasurer)).send(opening);

  beforeEach(async () => {
    server = await startTestServer();
  });

  it('refuses a command to the village with 409 naming it, and writes nothing', async () => {
    await registerNode(server);
    const before = await dumpAll(server.store);
    const refused = await openYear();
    expectProblem(refused, 409, 'VILLAGE_BOOKS_ON_NODE');
    expect(refused.body).toMatchObject({ field: 'villageCode', value: VILLAGE });
    expect(await dumpAll(server.store)).toBe(before);
  });

  it('takes the command again once the node is revoked', async () => {
    const { nodeId } = await registerNode(server);
    await request(server.app)
      .post(`/api/v1/sync/nodes/${nodeId}/revocation`)
      .set(bearer(server.tokens.administrator))
      .expect((answer) => expect(answer.status).toBeLessThan(300));
    expect((await openYear()).status).toBe(201);
  });

  it('a village without a node is written on the regency server as before', async () => {
    expect((await openYear()).status).toBe(201);
  });
});
