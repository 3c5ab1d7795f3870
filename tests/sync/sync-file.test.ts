import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SYSTEM_ACTOR } from '../../src/access/access-service';
import { DomainError } from '../../src/domain/shared/domain-error';
import { villageStreamId } from '../../src/domain/village/decider';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createMemoryStore } from '../../src/eventstore/memory';
import type { EventStore } from '../../src/eventstore/port';
import { RegencySync, type NodeCredential } from '../../src/sync/regency-sync';
import { exportSyncFile, importSyncFile } from '../../src/sync/sync-file';
import { dumpAll } from '../http/support';

const REGENCY = '35.10';
const VILLAGE = '35.10.01.2001';
const YEAR = 2025;
const STREAM = villageStreamId(VILLAGE, YEAR);
const chained = () => withHashChain(createMemoryStore());

async function write(store: EventStore, count: number): Promise<void> {
  for (let n = 0; n < count; n++)
    await store.append(
      STREAM,
      [{ id: randomUUID(), type: 'Noted', data: { n }, metadata: {} }],
      'any',
    );
}

let regencyStore: EventStore;
let regency: RegencySync;
let credential: NodeCredential;
let node: EventStore;

const exported = async (by = credential) =>
  (await exportSyncFile({ store: node, credential: by, fiscalYears: [YEAR], now: new Date() }))
    .bytes;

async function refusal(bytes: Buffer): Promise<DomainError> {
  const error = await importSyncFile(regency, bytes).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

beforeEach(async () => {
  regencyStore = chained();
  regency = new RegencySync({
    store: regencyStore,
    regencyCode: REGENCY,
    fiscalYears: () => [YEAR],
  });
  credential = await regency.registerNode(VILLAGE, SYSTEM_ACTOR);
  node = chained();
  await write(node, 1_200);
});

describe('the signed sync file: carried by hand, applied with the same checks as HTTPS', () => {
  test('export then import: every event arrives with its id and hash; a second import is already there', async () => {
    const file = await exported();
    const first = await importSyncFile(regency, file);
    expect(first).toMatchObject({ nodeId: credential.nodeId, villageCode: VILLAGE });
    expect(first.answers.map((answer) => answer.kind)).toEqual([
      'appended',
      'appended',
      'appended',
    ]);
    const shape = async (store: EventStore) =>
      (await store.readStream(STREAM)).map((e) => [e.revision, e.id, e.metadata.hash]);
    expect(await shape(regencyStore)).toEqual(await shape(node));
    const again = await importSyncFile(regency, file);
    expect(again.answers).toEqual([
      { kind: 'already', stream: STREAM, acknowledged: 499n },
      { kind: 'already', stream: STREAM, acknowledged: 999n },
      { kind: 'already', stream: STREAM, acknowledged: 1_199n },
    ]);
  });

  test('a changed file is refused with a bilingual message and nothing is written', async () => {
    const outer = JSON.parse(gunzipSync(await exported()).toString('utf8'));
    outer.payload = outer.payload.replace('"n":7}', '"n":8}');
    const before = await dumpAll(regencyStore);
    const error = await refusal(gzipSync(JSON.stringify(outer)));
    expect(error.rule).toBe('SYNC_FILE_SIGNATURE');
    expect(error.messages.id).toContain('tanda tangan tidak cocok');
    expect(error.messages.en).toContain('signature does not match');
    expect(await dumpAll(regencyStore)).toBe(before);
  });

  test('a file signed with another node’s secret, a damaged file, and a revoked node’s file are refused, nothing written', async () => {
    const other = await regency.registerNode(VILLAGE, SYSTEM_ACTOR);
    const forged = JSON.parse(gunzipSync(await exported(other)).toString('utf8'));
    forged.payload = forged.payload.replace(other.nodeId, credential.nodeId);
    const before = await dumpAll(regencyStore);
    expect((await refusal(gzipSync(JSON.stringify(forged)))).rule).toBe('SYNC_FILE_SIGNATURE');
    const damaged = await exported();
    expect((await refusal(damaged.subarray(0, damaged.length - 40))).rule).toBe('SYNC_FILE_FORMAT');
    expect(await dumpAll(regencyStore)).toBe(before);
    await regency.revokeNode(credential.nodeId, SYSTEM_ACTOR);
    const revoked = await refusal(await exported());
    expect([revoked.rule, revoked.value]).toEqual(['SYNC_NODE_KNOWN', credential.nodeId]);
  });
});
