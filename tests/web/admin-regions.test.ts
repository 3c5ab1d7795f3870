import request from 'supertest';
import { webPages } from '../../src/web/web-pages';
import { dumpAll, REGENCY, startTestServer, type TestServer } from '../http/support';
import { formFields, signedInAgent } from './support/web-agent';

const REGIONS = '/admin/wilayah';

async function submit(agent: request.Agent, fields: Record<string, string>, status: number) {
  const shown = await agent.get(REGIONS).expect(200);
  return agent
    .post(REGIONS)
    .type('form')
    .send({ ...formFields(shown.text, REGIONS), ...fields })
    .expect(status);
}

describe('administrator regions page', () => {
  let server: TestServer;
  let admin: request.Agent;

  beforeEach(async () => {
    server = await startTestServer({ pages: webPages });
    admin = await signedInAgent(server.app, 'administrator');
  });

  it('registers a district through the form; the list shows it beside the reference rows', async () => {
    const home = await admin.get('/beranda').expect(200);
    expect(home.text).toContain(`href="${REGIONS}"`);
    const answer = await submit(
      admin,
      { level: 'district', code: `${REGENCY}.09`, name: 'Tegaldlimo', centre: '-8.62, 114.31' },
      303,
    );
    expect(answer.headers.location).toBe(
      `${REGIONS}?terdaftar=${encodeURIComponent(`${REGENCY}.09`)}`,
    );
    const list = await admin.get(answer.headers.location!).expect(200);
    expect(list.text).toContain(`Wilayah ${REGENCY}.09 terdaftar.`);
    expect(list.text).toMatch(
      /Tegaldlimo<\/td><td data-label="Tingkat">Kecamatan<\/td><td data-label="Sumber">Didaftarkan/,
    );
    expect(list.text).toMatch(
      /Pesanggaran<\/td><td data-label="Tingkat">Kecamatan<\/td><td data-label="Sumber">Data referensi/,
    );
  });

  it('shows a refusal beside the code, keeps what was typed, and writes nothing', async () => {
    const before = await dumpAll(server.store);
    const refused = await submit(
      admin,
      { level: 'village', code: `${REGENCY}.42.2001`, name: 'Entah' },
      422,
    );
    expect(refused.text).toMatch(/id="f-code-error"[^>]*>[^<]*REGION_DISTRICT_KNOWN/);
    expect(refused.text).toContain('value="Entah"');
    expect(await dumpAll(server.store)).toBe(before);
  });

  it('is not for a treasurer', async () => {
    const treasurer = await signedInAgent(server.app, 'treasurer');
    await treasurer.get(REGIONS).expect(403);
  });
});
