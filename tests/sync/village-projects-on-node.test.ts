import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  projectOutputsProjection,
  type ProjectOutputsState,
} from '../../projections/read-models/project-outputs';
import { duplicatesStreamId } from '../../src/domain/projects/duplicate-decider';
import { villageProjectStreamId } from '../../src/domain/projects/project-decider';
import type { EventStore } from '../../src/eventstore/port';
import { registerNode, transportTo } from './support/node-over-api';
import { syncNode } from '../../src/sync/node-sync';
import { streamOutsideVillage } from '../../src/sync/node-streams';
import { nodeSyncStatus } from '../../src/sync/node-sync-status';
import { nextBatch } from '../../src/sync/send-batches';
import { batchToWire } from '../../src/sync/sync-wire';
import { postHalfwayReport, regencyAsphalt, villageRoad } from '../support/project-fixtures';
import {
  bearer,
  dumpAll,
  expectProblem,
  OTHER_VILLAGE,
  REGENCY,
  startTestServer,
  VILLAGE,
  YEAR,
  type TestServer,
} from '../http/support';

const ROAD = villageRoad({ villageCode: VILLAGE });
const ASPHALT = regencyAsphalt(VILLAGE);
const ROAD_STREAM = villageProjectStreamId(VILLAGE, ROAD.projectId);
const SUSPICION = `${ROAD.projectId}~${ASPHALT.projectId}`;

let regency: TestServer;
let node: TestServer;
let secret: string;
let nodeId: string;

const post = (server: TestServer, role: keyof TestServer['tokens'], path: string, body: object) =>
  request(server.app).post(path).set(bearer(server.tokens[role])).send(body);

const reportHalfway = (server: TestServer) =>
  postHalfwayReport(server.app, server.tokens.activityExecutor, ROAD.projectId);

const transport = () => transportTo(regency, secret);

const sync = () =>
  syncNode({
    store: node.store,
    nodeId,
    villageCode: VILLAGE,
    fiscalYears: [YEAR],
    transport: transport(),
  });

/** The project read model folded over the whole store, as the regency's reports read it. */
async function projectOutputs(store: EventStore): Promise<ProjectOutputsState> {
  const projection = projectOutputsProjection();
  let state = projection.initialState();
  for await (const page of store.readAllPages({ filter: { eventTypes: projection.eventTypes } }))
    for (const recorded of page) state = projection.apply(state, recorded);
  return state;
}

const chain = async (store: EventStore, stream: string) =>
  (await store.readStream(stream)).map((event) => [event.id, event.metadata.hash]);

beforeEach(async () => {
  regency = await startTestServer();
  node = await startTestServer({ villageNode: VILLAGE });
  ({ nodeId, secret } = await registerNode(regency));
});

describe("a village's projects are written on its node and read at the regency", () => {
  it('registers and reports offline, pushes, and the regency reports the project; its suspicion comes back by pull', async () => {
    await post(regency, 'regencyFinance', '/api/v1/projects/regency', ASPHALT).expect(201);
    await post(node, 'activityExecutor', '/api/v1/projects/village', ROAD).expect(201);
    await reportHalfway(node).expect(201);
    // The node writes no suspicion: the duplicates stream is the regency's.
    expect(await node.store.streamRevision(duplicatesStreamId(REGENCY))).toBeUndefined();

    const run = await sync();
    expect(run.pushed.get(ROAD_STREAM)).toMatchObject({ kind: 'appended', acknowledged: 1n });
    expect(await chain(regency.store, ROAD_STREAM)).toEqual(await chain(node.store, ROAD_STREAM));

    const atRegency = await projectOutputs(regency.store);
    expect(atRegency.projects[ROAD.projectId]).toMatchObject({
      project: { villageCode: VILLAGE, channel: 'apbdes' },
      reports: [{ reportDate: '2025-05-20', percent: 50, realisedVolume: '125.5', photos: 1 }],
      openSuspicions: [SUSPICION],
    });

    const duplicates = duplicatesStreamId(REGENCY);
    expect(run.pulled.get(duplicates)).toMatchObject({ kind: 'appended' });
    expect(await chain(node.store, duplicates)).toEqual(await chain(regency.store, duplicates));
    const atNode = await projectOutputs(node.store);
    expect(atNode.suspicions[SUSPICION]).toMatchObject({
      status: 'open',
      later: { projectId: ROAD.projectId },
      earlier: { projectId: ASPHALT.projectId, channel: 'apbd' },
    });
    const shown = await request(node.app)
      .get(`/api/v1/projects/${ROAD.projectId}`)
      .set(bearer(node.tokens.treasurer))
      .expect(200);
    expect(shown.body).toMatchObject({ percent: 50, suspicions: [{ suspicionId: SUSPICION }] });

    // What the node's home counts as waiting: nothing after the run, the next project's event after it.
    expect((await nodeSyncStatus(node.store, VILLAGE, [YEAR]))?.waiting).toBe(0);
    await post(node, 'activityExecutor', '/api/v1/projects/village', {
      ...ROAD,
      projectId: 'rabat-krajan-timur-2025',
    }).expect(201);
    expect((await nodeSyncStatus(node.store, VILLAGE, [YEAR]))?.waiting).toBe(1);
  });

  it("the regency's decision on the suspicion reaches the node, and a second run moves nothing", async () => {
    await post(regency, 'regencyFinance', '/api/v1/projects/regency', ASPHALT).expect(201);
    await post(node, 'activityExecutor', '/api/v1/projects/village', ROAD).expect(201);
    await sync();
    await post(
      regency,
      'regencyFinance',
      `/api/v1/projects/${ROAD.projectId}/suspicions/${SUSPICION}/clearance`,
      { reason: 'Ruas berbeda: lanjutan ke arah timur, bukan jalan yang sama' },
    ).expect(201);
    await sync();
    expect((await projectOutputs(node.store)).suspicions[SUSPICION]?.status).toBe('cleared');
    const before = await dumpAll(regency.store);
    const again = await sync();
    expect(again.pushed.size).toBe(0);
    expect(await dumpAll(regency.store)).toBe(before);
  });

  it("the regency's server refuses the village's project commands while its node keeps them", async () => {
    const before = await dumpAll(regency.store);
    const refused = await post(regency, 'activityExecutor', '/api/v1/projects/village', ROAD);
    expectProblem(refused, 409, 'VILLAGE_BOOKS_ON_NODE');
    expect(await dumpAll(regency.store)).toBe(before);
  });

  it("a node cannot push another village's project stream: 403 naming it, nothing written", async () => {
    const foreign = villageProjectStreamId(OTHER_VILLAGE, 'jalan-lain-2025');
    expect(streamOutsideVillage(VILLAGE, [ROAD_STREAM])).toBeUndefined();
    expect(streamOutsideVillage(VILLAGE, [ROAD_STREAM, foreign])).toBe(foreign);
    await node.store.append(
      foreign,
      [{ id: randomUUID(), type: 'Noted', data: {}, metadata: {} }],
      'no_stream',
    );
    const before = await dumpAll(regency.store);
    const refused = await request(regency.app)
      .post('/api/v1/sync/batches')
      .set(bearer(secret))
      .send({ batches: [batchToWire((await nextBatch(node.store, foreign, undefined))!)] });
    expectProblem(refused, 403, 'SYNC_STREAM_OUTSIDE_VILLAGE');
    expect(refused.body).toMatchObject({ field: 'stream', value: foreign });
    expect(await dumpAll(regency.store)).toBe(before);
  });
});

describe('a project id is registered once across the village and regency streams', () => {
  it('refuses the regency an id a village project holds (PROJECT_ID_TAKEN)', async () => {
    // Without a node, the village records its projects on the regency's server.
    await post(regency, 'administrator', `/api/v1/sync/nodes/${nodeId}/revocation`, {});
    await post(regency, 'activityExecutor', '/api/v1/projects/village', ROAD).expect(201);
    const taken = await post(regency, 'regencyFinance', '/api/v1/projects/regency', {
      ...ASPHALT,
      projectId: ROAD.projectId,
    });
    expectProblem(taken, 409, 'PROJECT_ID_TAKEN');
  });
});
