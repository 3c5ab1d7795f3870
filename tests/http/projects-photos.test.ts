import { request as httpRequest, type ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import JSZip from 'jszip';
import request from 'supertest';
import { MemoryBlobStore } from '../../src/eventstore/blob-store';
import {
  PHOTO_MAX_BYTES,
  PHOTO_UPLOADS_IN_FLIGHT_MAX,
  PROJECT_PHOTOS_PER_REPORT_MAX,
} from '../../src/limits';
import { jpegWithCorruptExif, jpegWithExif, jpegWithoutExif } from '../support/jpeg-with-exif';
import { villageRoad } from '../support/project-fixtures';
import {
  bearer,
  dumpAll,
  expectProblem,
  startTestServer,
  VILLAGE,
  type TestServer,
} from './support';

const FIELDS = {
  reportDate: '2025-04-20',
  percent: '0',
  realisedVolume: '0',
  workers: '8',
  workingDays: '1',
};
const PATH = '/api/v1/projects/rabat-krajan-2025/progress';

/** A zip of zeros that inflates a thousandfold, named and typed as a JPEG. */
async function zipBombAsJpeg(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('foto.jpg', Buffer.alloc(8 * 1024 * 1024));
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
  });
}

describe('photo uploads refused with a clear 4xx, nothing stored', () => {
  let server: TestServer;
  let blobs: MemoryBlobStore;
  let before: string;

  const upload = (
    photos: { bytes: Buffer; name?: string; type?: string }[],
    fields: object = FIELDS,
  ) => {
    let call = request(server.app).post(PATH).set(bearer(server.tokens.activityExecutor));
    for (const [key, value] of Object.entries(fields)) call = call.field(key, String(value));
    for (const { bytes, name = 'foto.jpg', type = 'image/jpeg' } of photos)
      call = call.attach('photos', bytes, { filename: name, contentType: type });
    return call;
  };

  /** The refusal names the rule and field, and neither the event store nor the blob store changed. */
  async function expectRefused(
    response: request.Response,
    status: number,
    rule: string,
    field?: string,
  ) {
    expectProblem(response, status, rule);
    if (field) expect(response.body.field).toBe(field);
    expect(response.body.messages.id).toContain(`[${rule}]`);
    expect(blobs.size).toBe(0);
    expect(await dumpAll(server.store)).toBe(before);
  }

  beforeAll(async () => {
    blobs = new MemoryBlobStore();
    server = await startTestServer({ blobs });
    await request(server.app)
      .post('/api/v1/projects/village')
      .set(bearer(server.tokens.activityExecutor))
      .send(villageRoad({ villageCode: VILLAGE }))
      .expect(201);
    before = await dumpAll(server.store);
  });

  it('refuses a PDF or text sent as image/jpeg by its content (415)', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF');
    const response = await upload([{ bytes: jpegWithExif() }, { bytes: pdf, name: 'foto2.jpg' }]);
    await expectRefused(response, 415, 'PHOTO_TYPE', 'photos[1]');
    expect(response.body.value).toBe('foto2.jpg');
    expect(response.body.messages.en).toContain('content: application/pdf');
  });

  it('refuses a zip bomb disguised as a JPEG without inflating it (415)', async () => {
    const bomb = await zipBombAsJpeg();
    expect(bomb.length).toBeLessThan(100_000);
    const response = await upload([{ bytes: bomb, name: 'IMG_0001.jpg' }]);
    await expectRefused(response, 415, 'PHOTO_TYPE', 'photos[0]');
    expect(response.body.messages.en).toContain('application/zip');
  });

  it('refuses a photo over the size limit (413) and too many photos (413)', async () => {
    const huge = Buffer.concat([jpegWithoutExif(), Buffer.alloc(PHOTO_MAX_BYTES)]);
    await expectRefused(await upload([{ bytes: huge }]), 413, 'PHOTO_TOO_LARGE', 'photos');
    const many = Array.from({ length: PROJECT_PHOTOS_PER_REPORT_MAX + 1 }, (_, i) => ({
      bytes: jpegWithExif({}, i),
    }));
    await expectRefused(await upload(many), 413, 'PHOTO_TOO_LARGE');
  });

  it('refuses a JPEG whose EXIF is corrupt (422), but accepts one with none, flagged', async () => {
    await expectRefused(
      await upload([{ bytes: jpegWithCorruptExif() }]),
      422,
      'PHOTO_EXIF',
      'photos[0]',
    );
    const plain = await upload([{ bytes: jpegWithoutExif(3) }]).expect(201);
    expect(plain.body.events[0].data.photos[0].flags).toEqual(['no-position', 'no-time']);
    expect(blobs.size).toBe(1);
    // The accepted report moved the store on; later refusals compare with this.
    before = await dumpAll(server.store);
  });

  it('refuses JSON and a truncated multipart body', async () => {
    const blobCount = blobs.size;
    const json = await request(server.app)
      .post(PATH)
      .set(bearer(server.tokens.activityExecutor))
      .send(FIELDS);
    expectProblem(json, 415, 'PHOTO_MULTIPART');
    const truncated = await request(server.app)
      .post(PATH)
      .set(bearer(server.tokens.activityExecutor))
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send(
        '--xyz\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\n\r\n\xff\xd8\xff',
      );
    expectProblem(truncated, 400, 'MULTIPART_MALFORMED');
    expect(blobs.size).toBe(blobCount);
    expect(await dumpAll(server.store)).toBe(before);
  });

  it('answers any bytes with a 201 or a 4xx, and stores nothing on a refusal (fuzz)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2_000 }),
        fc.constantFrom(
          [],
          [0xff, 0xd8, 0xff],
          [0xff, 0xd8, 0xff, 0xe1, 0x00, 0x20, 0x45, 0x78, 0x69, 0x66, 0, 0],
        ),
        async (tail, head) => {
          const blobCount = blobs.size;
          const bytes = Buffer.concat([Buffer.from(head), Buffer.from(tail)]);
          const response = await upload([{ bytes }], { ...FIELDS, reportDate: '2025-04-21' });
          expect(response.status).toBeLessThan(500);
          if (response.status !== 201) expect(blobs.size).toBe(blobCount);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('answers 503 while PHOTO_UPLOADS_IN_FLIGHT_MAX uploads are being read, and takes uploads again after', async () => {
    const listening = server.app.listen(0);
    const { port } = listening.address() as AddressInfo;
    const slow: ClientRequest[] = Array.from({ length: PHOTO_UPLOADS_IN_FLIGHT_MAX }, () => {
      const call = httpRequest({
        port,
        method: 'POST',
        path: PATH,
        headers: {
          ...bearer(server.tokens.activityExecutor),
          'Content-Type': 'multipart/form-data; boundary=xyz',
          'Content-Length': '100000',
        },
      });
      call.on('error', () => undefined);
      call.write(
        '--xyz\r\nContent-Disposition: form-data; name="photos"; filename="a.jpg"\r\n\r\n',
      );
      return call;
    });
    try {
      const statusNow = async () => (await upload([{ bytes: jpegWithoutExif(11) }])).status;
      let status = await statusNow();
      for (let tries = 0; status !== 503 && tries < 50; tries += 1) {
        await sleep(20);
        status = await statusNow();
      }
      expect(status).toBe(503);
      const busy = await upload([{ bytes: jpegWithoutExif(11) }]);
      expectProblem(busy, 503, 'PHOTO_UPLOADS_BUSY');
      expect(busy.headers['retry-after']).toBe('5');
    } finally {
      for (const call of slow) call.destroy();
    }
    let after = 503;
    for (let tries = 0; after === 503 && tries < 50; tries += 1) {
      await sleep(20);
      after = (
        await upload([{ bytes: jpegWithoutExif(12) }], { ...FIELDS, reportDate: '2025-04-22' })
      ).status;
    }
    expect(after).toBe(201);
    await new Promise((resolve) => listening.close(resolve));
  });
});
