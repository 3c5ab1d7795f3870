import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import request from 'supertest';
import { unpackEvidenceArchive, withBundleFolder } from '../../src/audit/evidence-archive';
import { BUNDLE_HASH_FILE, streamFile } from '../../src/audit/evidence-manifest';
import { verifyEvidence } from '../../src/audit/verify-evidence';
import { EVIDENCE_ARCHIVE_UNPACKED_MAX_BYTES } from '../../src/limits';
import { fixtureEvents } from '../fixtures/events-v1/fixture';
import { tempDir } from '../support/temp-dir';
import {
  addUser,
  bearer,
  binaryGet,
  dumpAll,
  expectProblem,
  login,
  OTHER_VILLAGE,
  startTestServer,
  VILLAGE,
  YEAR,
  type TestServer,
} from './support';

const EVIDENCE = `/api/v1/audit/villages/${VILLAGE}/years/${YEAR}/evidence`;
const STREAM = `village-${VILLAGE}-${YEAR}`;

/** The evidence download over the version-1 fixture year of VILLAGE, anchored. */
describe('evidence bundle download', () => {
  let server: TestServer;
  let temp: ReturnType<typeof tempDir>;
  const download = (role: keyof TestServer['tokens'] = 'auditor') =>
    binaryGet(request(server.app).get(EVIDENCE).set(bearer(server.tokens[role])));

  beforeAll(async () => {
    server = await startTestServer();
    temp = tempDir();
    for (const { streamId, id, type, data, metadata } of fixtureEvents())
      await server.store.append(streamId, [{ id, type, data, metadata }], 'any');
    await request(server.app)
      .post('/api/v1/audit/anchors')
      .set(bearer(server.tokens.regencyFinance))
      .send({})
      .expect(201);
  });
  afterAll(() => temp.remove());

  test('the auditor downloads a zip that, unpacked, the verifier finds intact; nothing is written', async () => {
    const before = await dumpAll(server.store);
    const response = await download().expect(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="bukti-${VILLAGE}-${YEAR}.zip"`,
    );
    const folder = join(temp.dir, 'downloaded');
    await unpackEvidenceArchive(
      response.body as Buffer,
      folder,
      EVIDENCE_ARCHIVE_UNPACKED_MAX_BYTES,
    );
    const result = await verifyEvidence(folder);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.manifest!.scope).toEqual({
      regencyCode: VILLAGE.slice(0, 5),
      villageCode: VILLAGE,
      fiscalYear: YEAR,
    });
    const villageEvents = fixtureEvents().filter((event) => event.streamId === STREAM);
    expect(result.events.get(STREAM)!.map((event) => event.id)).toEqual(
      villageEvents.map((event) => event.id),
    );
    expect(result.manifest!.anchors.events).toBeGreaterThan(0);
    const sealed = readFileSync(join(folder, BUNDLE_HASH_FILE), 'utf8').split(/\s+/)[0];
    expect(response.headers['x-evidence-bundle-sha256']).toBe(sealed);
    expect(await dumpAll(server.store)).toEqual(before);
  });

  test('a tampered copy of the download fails verification, as a zip and unpacked', async () => {
    const original = (await download().expect(200)).body as Buffer;
    const zip = await JSZip.loadAsync(original);
    const file = streamFile(STREAM);
    const events = await zip.file(file)!.async('string');
    const [first, ...rest] = events.split('\n');
    const changed = first!.replace(
      /"amount":"(\d+)/,
      (_m, digits: string) => `"amount":"${digits}1`,
    );
    expect(changed).not.toBe(first);
    zip.file(file, [changed, ...rest].join('\n'));
    const tampered = join(temp.dir, 'tampered.zip');
    writeFileSync(tampered, await zip.generateAsync({ type: 'nodebuffer' }));
    const result = await withBundleFolder(tampered, verifyEvidence);
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(`SHA-256 tidak cocok / SHA-256 mismatch: ${file}`);
    const untouched = join(temp.dir, 'untouched.zip');
    writeFileSync(untouched, original);
    expect((await withBundleFolder(untouched, verifyEvidence)).ok).toBe(true);
  });

  test('regency finance may download too; village officials and an auditor of another village may not', async () => {
    await download('regencyFinance').expect(200);
    expectProblem(
      await request(server.app).get(EVIDENCE).set(bearer(server.tokens.treasurer)),
      403,
      'ROLE_NOT_PERMITTED',
    );
    await addUser(server.access, 'auditor-elsewhere', 'auditor', OTHER_VILLAGE);
    const token = await login(server.app, 'auditor-elsewhere');
    expectProblem(await request(server.app).get(EVIDENCE).set(bearer(token)), 403, 'OUT_OF_SCOPE');
    expectProblem(
      await request(server.app)
        .get(`/api/v1/audit/villages/${VILLAGE}/years/1999/evidence`)
        .set(bearer(server.tokens.auditor)),
      422,
    );
  });

  test('OpenAPI lists the download as a zip for the audit readers', async () => {
    const { body } = await request(server.app).get('/api/v1/openapi.json').expect(200);
    const operation =
      body.paths['/api/v1/audit/villages/{villageCode}/years/{fiscalYear}/evidence'].get;
    expect(operation.responses['200'].content).toEqual({
      'application/zip': { schema: { type: 'string', format: 'binary' } },
    });
    expect(operation.description).toContain('auditor, regencyFinance');
  });
});
