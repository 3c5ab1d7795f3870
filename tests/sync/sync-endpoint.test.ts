import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import request from 'supertest';
import { createAccessService } from '../../src/access/access-service';
import { regencyStreamId } from '../../src/domain/regency/decider';
import { regionStreamId } from '../../src/domain/regions/region-decider';
import { villageStreamId } from '../../src/domain/village/decider';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createMemoryStore } from '../../src/eventstore/memory';
import { createApp } from '../../src/http/app';
import { REQUEST_BODY_MAX_BYTES, SYNC_BODY_MAX_BYTES } from '../../src/limits';
import type { EventStore } from '../../src/eventstore/port';
import { registerNode, transportTo } from './support/node-over-api';
import { nodeSyncRecord, syncNode } from '../../src/sync/node-sync';
import { lastContact } from '../../src/sync/sync-contact';
import { RegencySync } from '../../src/sync/regency-sync';
import { nextBatch } from '../../src/sync/send-batches';
import type { SyncBatch } from '../../src/sync/sync-batch';
import { batchToWire } from '../../src/sync/sync-wire';
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

const STREAM = villageStreamId(VILLAGE, YEAR);
const noted = (n: number) => ({ id: randomUUID(), type: 'Noted', data: { n }, metadata: {} });
const nodeStore = () => withHashChain(createMemoryStore());

async function write(store: EventStore, stream: string, count: number): Promise<void> {
  for (let n = 0; n < count; n++) await store.append(stream, [noted(n)], 'any');
}

const pushBody = (...batches: SyncBatch[]) => ({ batches: batches.map(batchToWire) });

let server: TestServer;
let secret: string;
let nodeId: string;

beforeEach(async () => {
  server = await startTestServer();
  ({ nodeId, secret } = await registerNode(server));
});

const push = (body: unknown, token = secret) =>
  request(server.app)
    .post('/api/v1/sync/batches')
    .set(bearer(token))
    .send(body as object);

describe('POST /api/v1/sync/batches: a village node’s events reach the regency', () => {
  test('keeps only a digest of the secret, and only an administrator registers a node', async () => {
    expect(await dumpAll(server.store)).not.toContain(secret);
    const refused = await request(server.app)
      .post('/api/v1/sync/nodes')
      .set(bearer(server.tokens.treasurer))
      .send({ villageCode: VILLAGE });
    expectProblem(refused, 403, 'ROLE_NOT_PERMITTED');
    const outside = await request(server.app)
      .post('/api/v1/sync/nodes')
      .set(bearer(server.tokens.administrator))
      .send({ villageCode: '35.11.01.2001' });
    expectProblem(outside, 422, 'SYNC_NODE_VILLAGE_IN_REGENCY');
  });

  test('a wrong credential, or a user’s session, is 401 and nothing is written', async () => {
    const node = nodeStore();
    await write(node, STREAM, 2);
    const body = pushBody((await nextBatch(node, STREAM, undefined))!);
    const before = await dumpAll(server.store);
    expectProblem(await push(body, 'not-a-node-secret'), 401, 'NODE_CREDENTIAL');
    expectProblem(await push(body, server.tokens.administrator), 401, 'NODE_CREDENTIAL');
    expectProblem(
      await request(server.app).post('/api/v1/sync/batches').send(body),
      401,
      'NODE_CREDENTIAL',
    );
    expect(await dumpAll(server.store)).toBe(before);
  });

  test('a stream outside the node’s village is 403 naming stream and village, and nothing is written', async () => {
    const node = nodeStore();
    const foreign = villageStreamId(OTHER_VILLAGE, YEAR);
    await write(node, STREAM, 1);
    await write(node, foreign, 1);
    const before = await dumpAll(server.store);
    const refused = await push(
      pushBody(
        (await nextBatch(node, STREAM, undefined))!,
        (await nextBatch(node, foreign, undefined))!,
      ),
    );
    expectProblem(refused, 403, 'SYNC_STREAM_OUTSIDE_VILLAGE');
    expect(refused.body).toMatchObject({ field: 'stream', value: foreign });
    expect(refused.body.messages.id).toContain(VILLAGE);
    expect(refused.body.messages.en).toContain(VILLAGE);
    expect(await dumpAll(server.store)).toBe(before);
  });

  test('a gzip body is appended with the original ids; a repeat is already there; a gap names the revision needed', async () => {
    const node = nodeStore();
    await write(node, STREAM, 5);
    const first = (await nextBatch(node, STREAM, undefined))!;
    const gzipped = await request(server.app)
      .post('/api/v1/sync/batches')
      .set(bearer(secret))
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      // The bytes as they are: superagent would otherwise write the Buffer out as JSON.
      .serialize((bytes: unknown) => bytes as string)
      .send(gzipSync(JSON.stringify(pushBody(first))))
      .expect(200);
    expect(gzipped.body).toEqual({
      answers: [{ kind: 'appended', stream: STREAM, acknowledged: '4' }],
    });
    expect((await server.store.readStream(STREAM)).map((e) => e.id)).toEqual(
      (await node.readStream(STREAM)).map((e) => e.id),
    );
    expect((await push(pushBody(first)).expect(200)).body).toEqual({
      answers: [{ kind: 'already', stream: STREAM, acknowledged: '4' }],
    });
    await write(node, STREAM, 3);
    const later = (await nextBatch(node, STREAM, 5n))!;
    expect((await push(pushBody(later)).expect(200)).body).toEqual({
      answers: [{ kind: 'gap', stream: STREAM, needsFrom: '5' }],
    });
  });

  test('a gzip body larger than SYNC_BODY_MAX_BYTES once inflated is refused (413), nothing written', async () => {
    const before = await dumpAll(server.store);
    const bomb = gzipSync(`{"batches":[]${' '.repeat(SYNC_BODY_MAX_BYTES)}}`);
    expect(bomb.length).toBeLessThan(REQUEST_BODY_MAX_BYTES);
    const refused = await request(server.app)
      .post('/api/v1/sync/batches')
      .set(bearer(secret))
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .serialize((bytes: unknown) => bytes as string)
      .send(bomb);
    expectProblem(refused, 413, 'BODY_TOO_LARGE');
    expect(await dumpAll(server.store)).toBe(before);
  });

  test('different events at a revision: quarantined, recorded with both hashes, and still so after a restart', async () => {
    const node = nodeStore();
    await write(node, STREAM, 3);
    await push(pushBody((await nextBatch(node, STREAM, undefined))!)).expect(200);
    const before = await dumpAll(server.store);
    const restored = nodeStore();
    await write(restored, STREAM, 4);
    const diverging = (await nextBatch(restored, STREAM, undefined))!;
    const answered = (await push(pushBody(diverging)).expect(200)).body.answers[0];
    const [held, sent] = [
      (await node.readStream(STREAM))[0]!,
      (await restored.readStream(STREAM))[0]!,
    ];
    const divergence = {
      stream: STREAM,
      revision: '0',
      heldId: held.id,
      sentId: sent.id,
      heldHash: held.metadata.hash,
      sentHash: sent.metadata.hash,
    };
    expect(answered).toEqual({ kind: 'diverged', ...divergence });
    expect((await server.store.readStream(STREAM)).map((e) => e.id)).toEqual(
      (await node.readStream(STREAM)).map((e) => e.id),
    );
    expect(JSON.parse(await dumpAll(server.store)).length).toBe(
      JSON.parse(before).length + 1, // the quarantine's record, nothing else
    );
    // A restart: a new app over the same store still answers the divergence, and lists it.
    const restarted = createApp({
      store: server.store,
      storeKind: 'memory',
      access: createAccessService({ store: server.store, regencyCode: REGENCY }),
      log: pino({ level: 'silent' }),
    });
    const later = (await nextBatch(restored, STREAM, 2n))!;
    const again = await request(restarted)
      .post('/api/v1/sync/batches')
      .set(bearer(secret))
      .send(pushBody(later))
      .expect(200);
    expect(again.body.answers[0]).toEqual(answered);
    const status = await request(restarted)
      .get('/api/v1/sync/status')
      .set(bearer(server.tokens.regencyFinance))
      .expect(200);
    expect(status.body.quarantined).toEqual([divergence]);
    // Lifted once people made both sides agree: the stream is answered again, not as diverged.
    await request(restarted)
      .post(`/api/v1/sync/quarantines/${STREAM}/lift`)
      .set(bearer(server.tokens.administrator))
      .expect(204);
    expect((await push(pushBody((await nextBatch(node, STREAM, undefined))!))).body).toEqual({
      answers: [{ kind: 'already', stream: STREAM, acknowledged: '2' }],
    });
    expectProblem(
      await request(restarted)
        .post(`/api/v1/sync/quarantines/${STREAM}/lift`)
        .set(bearer(server.tokens.administrator)),
      422,
      'SYNC_STREAM_QUARANTINED',
    );
  });

  test('a revoked node is 401', async () => {
    const [node] = (
      await new RegencySync({
        store: server.store,
        regencyCode: REGENCY,
        fiscalYears: () => [YEAR],
      }).status()
    ).nodes.values();
    await request(server.app)
      .post(`/api/v1/sync/nodes/${node!.nodeId}/revocation`)
      .set(bearer(server.tokens.administrator))
      .expect(204);
    expectProblem(await push(pushBody()), 401, 'NODE_CREDENTIAL');
  });
});

describe('a village node syncing over HTTPS: push, then pull, until nothing is left', () => {
  test('the node’s year reaches the regency, the regency’s streams reach the node, and a second run moves nothing', async () => {
    const node = nodeStore();
    await write(node, STREAM, 1_200);
    const regencyYear = regencyStreamId(REGENCY, YEAR);
    await write(server.store, regencyYear, 7);
    await write(server.store, regionStreamId(REGENCY), 2);
    const posts: string[] = [];
    const transport = transportTo(server, secret, posts);
    const run = () =>
      syncNode({ store: node, nodeId, villageCode: VILLAGE, fiscalYears: [YEAR], transport });
    const first = await run();
    expect(first.pushed.get(STREAM)).toEqual({
      kind: 'appended',
      stream: STREAM,
      acknowledged: 1_199n,
    });
    const ids = async (store: EventStore, stream: string) =>
      (await store.readStream(stream)).map((e) => [e.id, e.metadata.hash]);
    expect(await ids(server.store, STREAM)).toEqual(await ids(node, STREAM));
    expect(await ids(node, regencyYear)).toEqual(await ids(server.store, regencyYear));
    expect(await ids(node, regionStreamId(REGENCY))).toEqual(
      await ids(server.store, regionStreamId(REGENCY)),
    );
    const status = await request(server.app)
      .get('/api/v1/sync/status')
      .set(bearer(server.tokens.administrator))
      .expect(200);
    const [contact] = await server.store.readStream(`sync-contact-${VILLAGE}`);
    expect(status.body.nodes).toEqual([
      expect.objectContaining({ villageCode: VILLAGE, lastSync: contact!.recordedAt }),
    ]);
    // The node records its own last sync when a run completes.
    const [nodeContact] = await node.readStream(`sync-contact-${VILLAGE}`);
    expect(await lastContact(node, VILLAGE)).toBe(nodeContact!.recordedAt);
    posts.length = 0;
    const second = await run();
    // Within SYNC_CONTACT_RECORD_INTERVAL_MS a second run records no second contact.
    expect(await server.store.streamRevision(`sync-contact-${VILLAGE}`)).toBe(0n);
    expect(second.pushed.size).toBe(0);
    expect(second.pulled.size).toBe(0);
    expect(posts).toEqual(['/sync/heads', '/sync/pull']);
  });

  test('a node restored from an old backup: its stream is quarantined on the node too, and stays so across runs', async () => {
    const node = nodeStore();
    await write(node, STREAM, 4);
    const transport = transportTo(server, secret);
    const run = (store: EventStore) =>
      syncNode({ store, nodeId, villageCode: VILLAGE, fiscalYears: [YEAR], transport });
    await run(node);
    const restored = nodeStore();
    await restored.append(
      STREAM,
      (await node.readStream(STREAM, { maxCount: 2 })).map(({ id, type, data, metadata }) => ({
        id,
        type,
        data,
        metadata,
      })),
      'no_stream',
    );
    await write(restored, STREAM, 3);
    const diverged = await run(restored);
    // The node resumes from the regency's head (revision 3), so that is where the difference is met.
    expect(diverged.pushed.get(STREAM)).toMatchObject({ kind: 'diverged', revision: 3n });
    const recorded = (await nodeSyncRecord(restored, VILLAGE).state()).quarantined;
    expect(recorded).toEqual(diverged.quarantined.alerts());
    expect(recorded.map((d) => [d.stream, d.revision])).toEqual([[STREAM, 3n]]);
    // The next run (a restart of the node) starts with the quarantine and sends nothing of the stream.
    const next = await run(restored);
    expect(next.pushed.size).toBe(0);
    expect(next.quarantined.alerts()).toEqual(recorded);
    expect((await server.store.readStream(STREAM)).map((e) => e.id)).toEqual(
      (await node.readStream(STREAM)).map((e) => e.id),
    );
  });
});
