import request from 'supertest';
import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { monitoringPolicySchema } from '../../src/domain/projects/policy';
import { MemoryBlobStore } from '../../src/eventstore/blob-store';
import { jpegWithExif } from '../support/jpeg-with-exif';
import {
  CENTRE_POSITION,
  VILLAGE_CENTRE,
  offset,
  regencyAsphalt,
  villageRoad,
  projectServiceOver,
} from '../support/project-fixtures';
import {
  bearer,
  dumpAll,
  expectProblem,
  OTHER_VILLAGE,
  REGENCY,
  startTestServer,
  VILLAGE,
  type TestServer,
} from './support';

const ROAD = villageRoad({ villageCode: VILLAGE });
const ASPHALT = regencyAsphalt(VILLAGE);

describe('projects over the API', () => {
  let server: TestServer;
  let blobs: MemoryBlobStore;
  const post = (role: keyof TestServer['tokens'], path: string, body: object) =>
    request(server.app).post(path).set(bearer(server.tokens[role])).send(body);
  const get = (role: keyof TestServer['tokens'], path: string) =>
    request(server.app).get(path).set(bearer(server.tokens[role]));
  const report = (
    role: keyof TestServer['tokens'],
    projectId: string,
    fields: object,
    photos: Buffer[],
  ) => {
    let call = request(server.app)
      .post(`/api/v1/projects/${projectId}/progress`)
      .set(bearer(server.tokens[role]));
    for (const [key, value] of Object.entries(fields)) call = call.field(key, String(value));
    photos.forEach((photo, index) => {
      call = call.attach('photos', photo, {
        filename: `foto-${index}.jpg`,
        contentType: 'image/jpeg',
      });
    });
    return call;
  };

  beforeEach(async () => {
    blobs = new MemoryBlobStore();
    server = await startTestServer({ blobs });
  });

  it('lets the village register its project, and lists it for the village, district and regency', async () => {
    const created = await post('activityExecutor', '/api/v1/projects/village', ROAD).expect(201);
    // The village writes its projects' streams: the name tells which village.
    expect(created.body.streamId).toBe(`project-${VILLAGE}-rabat-krajan-2025`);
    expect(created.body.events.map((e: { type: string }) => e.type)).toEqual(['ProjectRegistered']);
    const shown = await get('auditor', '/api/v1/projects/rabat-krajan-2025').expect(200);
    expect(shown.body.project).toMatchObject({ title: ROAD.title, budget: ROAD.budget });
    for (const region of [VILLAGE, VILLAGE.slice(0, 8), REGENCY]) {
      const listed = await get(
        'regencyFinance',
        `/api/v1/regions/${region}/projects?fiscalYear=2025`,
      ).expect(200);
      expect(
        listed.body.projects.map((p: { project: { projectId: string } }) => p.project.projectId),
      ).toEqual(['rabat-krajan-2025']);
    }
    const otherYear = await get(
      'regencyFinance',
      `/api/v1/regions/${REGENCY}/projects?fiscalYear=2024`,
    ).expect(200);
    expect(otherYear.body.projects).toEqual([]);
  });

  it('refuses the wrong side, the wrong village and the wrong role, writing nothing', async () => {
    const before = await dumpAll(server.store);
    expectProblem(
      await post('regencyFinance', '/api/v1/projects/village', ROAD),
      403,
      'ROLE_NOT_PERMITTED',
    );
    expectProblem(
      await post('villageHead', '/api/v1/projects/village', ROAD),
      403,
      'ROLE_NOT_PERMITTED',
    );
    expectProblem(
      await post('treasurer', '/api/v1/projects/regency', ASPHALT),
      403,
      'ROLE_NOT_PERMITTED',
    );
    const elsewhere = await post('secretary', '/api/v1/projects/village', {
      ...ROAD,
      villageCode: OTHER_VILLAGE,
    });
    expectProblem(elsewhere, 403, 'OUT_OF_SCOPE');
    const unknown = await post('secretary', '/api/v1/projects/village', {
      ...ROAD,
      plannedEnd: '2025-01-01',
    });
    expectProblem(unknown, 422, 'PROJECT_PERIOD');
    expect(unknown.body).toMatchObject({ field: 'plannedEnd', value: '2025-01-01' });
    expect(await dumpAll(server.store)).toBe(before);
    await post('secretary', '/api/v1/projects/village', ROAD).expect(201);
    expectProblem(
      await get('treasurer', `/api/v1/regions/${OTHER_VILLAGE}/projects`),
      403,
      'OUT_OF_SCOPE',
    );
    expectProblem(await get('districtHead', '/api/v1/projects/nope'), 404, 'PATH_PARAMETER');
  });

  it('records the regency asphalting the village road as a suspicion both sides see, which regency finance decides once', async () => {
    await post('activityExecutor', '/api/v1/projects/village', ROAD).expect(201);
    await post('regencyFinance', '/api/v1/projects/regency', ASPHALT).expect(201);
    const regency = await get('regencyFinance', '/api/v1/projects/aspal-krajan-2025').expect(200);
    expect(regency.body.suspicions).toEqual([
      expect.objectContaining({
        suspicionId: 'aspal-krajan-2025~rabat-krajan-2025',
        evidence: expect.objectContaining({
          kind: 'overlap',
          distanceMetres: '8.0',
          other: expect.objectContaining({ channel: 'apbdes' }),
        }),
      }),
    ]);
    const village = await get('treasurer', '/api/v1/projects/rabat-krajan-2025').expect(200);
    expect(village.body.suspicions).toEqual([
      expect.objectContaining({
        suspicionId: 'aspal-krajan-2025~rabat-krajan-2025',
        status: 'open',
      }),
    ]);
    const path =
      '/api/v1/projects/aspal-krajan-2025/suspicions/aspal-krajan-2025~rabat-krajan-2025';
    const reason = { reason: 'Ruas PU berbeda: dicek di lapangan 3 Mei' };
    expectProblem(
      await post('activityExecutor', `${path}/clearance`, reason),
      403,
      'ROLE_NOT_PERMITTED',
    );
    expectProblem(
      await post('regencyFinance', `${path}/clearance`, { reason: 'ok' }),
      422,
      'COMMAND_SCHEMA',
    );
    await post('regencyFinance', `${path}/clearance`, reason).expect(201);
    expectProblem(
      await post('regencyFinance', `${path}/confirmation`, reason),
      409,
      'SUSPICION_OPEN',
    );
    const after = await get('auditor', '/api/v1/projects/rabat-krajan-2025').expect(200);
    expect(after.body.suspicions[0]).toMatchObject({ status: 'cleared', reason: reason.reason });
  });

  it('takes progress with photos as multipart, flags them, serves them back, and corrects with a reason', async () => {
    await post('activityExecutor', '/api/v1/projects/village', ROAD).expect(201);
    const photo = jpegWithExif({ takenAt: '2025:04:19 08:30:00', position: CENTRE_POSITION });
    const far = jpegWithExif(
      { takenAt: '2025:04:19 08:31:00', position: offset(CENTRE_POSITION, 2_000, 0) },
      1,
    );
    const fields = {
      reportDate: '2025-04-20',
      percent: 0,
      realisedVolume: '0',
      workers: 12,
      workingDays: 0,
    };
    const first = await report('activityExecutor', 'rabat-krajan-2025', fields, [
      photo,
      far,
    ]).expect(201);
    const photos = first.body.events[0].data.photos;
    expect(photos.map((p: { flags: string[] }) => p.flags)).toEqual([[], ['far']]);
    expect(photos[0]).toMatchObject({ takenAt: '2025-04-19T08:30:00', distanceMetres: '0.0' });
    const served = await get(
      'auditor',
      `/api/v1/projects/rabat-krajan-2025/photos/${photos[0].sha256}`,
    ).expect(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(served.body as Buffer, photo)).toBe(0);

    const stored = blobs.size;
    const noPhoto = await report(
      'treasurer',
      'rabat-krajan-2025',
      { ...fields, reportDate: '2025-05-20', percent: 55 },
      [],
    );
    expectProblem(noPhoto, 422, 'PROGRESS_PHOTOS_REQUIRED');
    const down = await report(
      'treasurer',
      'rabat-krajan-2025',
      { ...fields, reportDate: '2025-05-20', percent: 0 },
      [jpegWithExif({}, 7)],
    );
    expect(down.status).toBe(201);
    expect(blobs.size).toBe(stored + 1);
    await report(
      'treasurer',
      'rabat-krajan-2025',
      { ...fields, reportDate: '2025-05-21', percent: 60 },
      [photo],
    ).expect(201);
    const lower = await report(
      'treasurer',
      'rabat-krajan-2025',
      { ...fields, reportDate: '2025-05-22', percent: 40 },
      [jpegWithExif({}, 9)],
    );
    expectProblem(lower, 422, 'PROGRESS_NOT_DECREASING');
    expect(blobs.size).toBe(stored + 1);
    expectProblem(
      await report('regencyFinance', 'rabat-krajan-2025', { ...fields, percent: 70 }, [photo]),
      403,
      'ROLE_NOT_PERMITTED',
    );

    const correction = {
      reportDate: '2025-05-22',
      percent: 40,
      realisedVolume: '100',
      reason: 'Laporan 21 Mei salah hitung: baru 100 m',
    };
    const corrected = await post(
      'secretary',
      '/api/v1/projects/rabat-krajan-2025/corrections',
      correction,
    ).expect(201);
    expect(corrected.body.events[0].data).toMatchObject({ percent: 40, previousPercent: 60 });
    const shown = await get('villageHead', '/api/v1/projects/rabat-krajan-2025').expect(200);
    expect(shown.body).toMatchObject({ percent: 40, realisedVolume: '100' });
    expect(shown.body.photos).toHaveLength(4);
  });

  it('records on a scan the pairs registration missed, on the later project, once', async () => {
    // Registered under a policy comparing one fiscal year only: the next year's asphalt is not suspect then.
    const reference = new ReferenceCatalog();
    const narrow = projectServiceOver(server.store, {
      reference,
      blobs,
      policy: monitoringPolicySchema.parse({ duplicates: { yearWindow: 0 } }),
    });
    const actor = { id: 'setup', role: 'regencyFinance', displayName: 'Setup' };
    await narrow.handle(actor, 'a', 'RegisterVillageProject', ROAD);
    const nextYear = await narrow.handle(actor, 'b', 'RegisterRegencyProject', {
      ...ASPHALT,
      fiscalYear: 2026,
    });
    expect(nextYear.events.map((event) => event.type)).toEqual(['ProjectRegistered']);

    expectProblem(
      await post('treasurer', '/api/v1/projects/duplicate-scan', {}),
      403,
      'ROLE_NOT_PERMITTED',
    );
    const scan = await post('regencyFinance', '/api/v1/projects/duplicate-scan', {}).expect(200);
    expect(scan.body).toEqual({
      checked: 2,
      suspected: ['aspal-krajan-2025~rabat-krajan-2025'],
    });
    const again = await post('regencyFinance', '/api/v1/projects/duplicate-scan', {}).expect(200);
    expect(again.body).toEqual({ checked: 2, suspected: [] });
  });

  it('checks the geometry against a registered village centre, naming field, rule and value', async () => {
    const admin = server.tokens.administrator;
    await request(server.app)
      .post('/api/v1/regions')
      .set(bearer(admin))
      .send({ level: 'district', code: `${REGENCY}.09`, name: 'Tegaldlimo' })
      .expect(201);
    await request(server.app)
      .post('/api/v1/regions')
      .set(bearer(admin))
      .send({
        level: 'village',
        code: `${REGENCY}.09.2004`,
        name: 'Kedungasri',
        centre: VILLAGE_CENTRE,
      })
      .expect(201);
    const far = offset(CENTRE_POSITION, 9_000, 180);
    const refused = await post('regencyFinance', '/api/v1/projects/regency', {
      ...ASPHALT,
      villageCode: `${REGENCY}.09.2004`,
      geometry: { type: 'Point', coordinates: far },
      unit: 'paket',
      volume: '1',
    });
    expectProblem(refused, 422, 'PROJECT_NEAR_VILLAGE');
    expect(refused.body).toMatchObject({
      field: 'geometry.coordinates',
      value: `[${far.join(', ')}]`,
    });
    expect(refused.body.messages.id).toMatch(/^\[PROJECT_NEAR_VILLAGE\] Lokasi proyek/);
    expect(refused.body.messages.en).toMatch(/9000 m from the centre/);
    const unknownVillage = await post('regencyFinance', '/api/v1/projects/regency', {
      ...ASPHALT,
      villageCode: `${REGENCY}.09.2999`,
    });
    expectProblem(unknownVillage, 422, 'REGION_KNOWN');
    await post('regencyFinance', '/api/v1/projects/regency', {
      ...ASPHALT,
      villageCode: `${REGENCY}.09.2004`,
    }).expect(201);
  });
});
