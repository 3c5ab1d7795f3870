import request from 'supertest';
import { MemoryBlobStore, sha256Of } from '../../src/eventstore/blob-store';
import { formatRupiah } from '../../src/web/format';
import { webPages } from '../../src/web/web-pages';
import {
  bearer,
  binaryGet,
  OTHER_VILLAGE,
  REGENCY,
  startTestServer,
  VILLAGE,
  type TestServer,
} from '../http/support';
import { jpegWithExif } from '../support/jpeg-with-exif';
import {
  CENTRE_POSITION,
  offset,
  VILLAGE_CENTRE,
  regencyAsphalt,
  villageRoad,
} from '../support/project-fixtures';
import { signedInAgent } from './support/web-agent';

/** A village registered with its centre, in a district registered beside the reference ones. */
const KEDUNGASRI = `${REGENCY}.09.2004`;

const ROAD = villageRoad({ villageCode: VILLAGE });
/** The regency's asphalt over the village's road: a duplicate suspected on registration. */
const ASPHALT = regencyAsphalt(VILLAGE);
/** An aspiration-funded well in a village of another district, the next year. */
const WELL = {
  ...villageRoad({ villageCode: OTHER_VILLAGE, projectId: 'sumur-sambirejo-2026' }),
  channel: 'aspiration',
  fiscalYear: 2026,
  title: 'Sumur bor Sambirejo',
  outputType: 'sumur-bor',
  outputFamily: 'water',
  volume: '1',
  unit: 'unit',
  geometry: { type: 'Point', coordinates: offset(CENTRE_POSITION, 20_000, 0) },
  budget: [{ fundSource: 'ASP', amount: '90000000.00' }],
  plannedStart: '2026-03-01',
  plannedEnd: '2026-05-31',
};
/** A village hall next to Kedungasri's registered centre. */
const HALL = {
  ...villageRoad({ villageCode: KEDUNGASRI, projectId: 'balai-kedungasri-2025' }),
  channel: 'apbd',
  title: 'Balai desa Kedungasri',
  outputType: 'balai-desa',
  outputFamily: 'building',
  volume: '1',
  unit: 'unit',
  geometry: { type: 'Point', coordinates: offset(CENTRE_POSITION, 30, 45) },
  budget: [{ fundSource: 'APBD', amount: '250000000.00' }],
};

const PHOTO_APRIL = jpegWithExif({ takenAt: '2025:04:19 09:00:00' }, 1);
const PHOTO_MAY_A = jpegWithExif({ takenAt: '2025:05:19 09:00:00' }, 2);
const PHOTO_MAY_B = jpegWithExif({ takenAt: '2025:05:19 10:00:00', position: CENTRE_POSITION }, 3);

/** The project ids of a page's table rows, in order. */
const rowsOf = (html: string) =>
  [...html.matchAll(/<tr data-project="([^"]+)">/g)].map((match) => match[1]);

describe('project pages: the map page table, its GeoJSON and a project page', () => {
  let server: TestServer;
  const agents = new Map<string, request.Agent>();

  async function agent(username: string) {
    const found = agents.get(username) ?? (await signedInAgent(server.app, username));
    agents.set(username, found);
    return found;
  }

  const post = (role: keyof TestServer['tokens'], path: string, body: object) =>
    request(server.app).post(path).set(bearer(server.tokens[role])).send(body).expect(201);

  function report(fields: Record<string, string>, photos: Buffer[]) {
    let call = request(server.app)
      .post(`/api/v1/projects/${ROAD.projectId}/progress`)
      .set(bearer(server.tokens.activityExecutor));
    for (const [key, value] of Object.entries(fields)) call = call.field(key, value);
    photos.forEach((photo, index) => {
      call = call.attach('photos', photo, {
        filename: `foto-${index}.jpg`,
        contentType: 'image/jpeg',
      });
    });
    return call.expect(201);
  }

  beforeAll(async () => {
    server = await startTestServer({ blobs: new MemoryBlobStore(), pages: webPages });
    await post('administrator', '/api/v1/regions', {
      level: 'district',
      code: `${REGENCY}.09`,
      name: 'Tegaldlimo',
    });
    await post('administrator', '/api/v1/regions', {
      level: 'village',
      code: KEDUNGASRI,
      name: 'Kedungasri',
      centre: VILLAGE_CENTRE,
    });
    await post('activityExecutor', '/api/v1/projects/village', ROAD);
    await post('regencyFinance', '/api/v1/projects/regency', ASPHALT);
    await post('regencyFinance', '/api/v1/projects/regency', WELL);
    await post('regencyFinance', '/api/v1/projects/regency', HALL);
    const common = { workers: '8', workingDays: '5' };
    await report({ ...common, reportDate: '2025-04-20', percent: '0', realisedVolume: '0' }, [
      PHOTO_APRIL,
    ]);
    await report({ ...common, reportDate: '2025-05-20', percent: '50', realisedVolume: '125' }, [
      PHOTO_MAY_A,
      PHOTO_MAY_B,
    ]);
  });

  it('lists the regency’s projects in a table under a GET filter form, map and script beside it', async () => {
    const page = await (await agent('regencyfinance')).get('/proyek/peta').expect(200);
    expect(rowsOf(page.text)).toEqual([
      ASPHALT.projectId,
      HALL.projectId,
      ROAD.projectId,
      WELL.projectId,
    ]);
    expect(page.text).toContain('<form method="get" action="/proyek/peta"');
    expect(page.text).toContain(formatRupiah('187500000.00'));
    expect(page.text).toContain('href="/web/leaflet/leaflet.css"');
    expect(page.text).toContain('src="/web/peta-proyek.js"');
    expect(page.text).toContain('data-projects="/proyek/peta.geojson"');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/img-src|https?:/);
    const script = await request(server.app).get('/web/peta-proyek.js').expect(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.text).toContain('peta-proyek');
    const css = await request(server.app).get('/web/leaflet/leaflet.css').expect(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    await request(server.app).get('/web/leaflet/images/layers.png').expect(200);
    const road = page.text.slice(page.text.indexOf(`data-project="${ROAD.projectId}"`));
    expect(road.slice(0, road.indexOf('</tr>'))).toMatch(/50%.*1 terbuka/s);
  });

  it('filters the table by year, fund source, channel and district', async () => {
    const finance = await agent('regencyfinance');
    const rows = async (query: string) =>
      rowsOf((await finance.get(`/proyek/peta?${query}`).expect(200)).text);
    expect(await rows('tahun=2026')).toEqual([WELL.projectId]);
    expect(await rows('sumber=APBD')).toEqual([ASPHALT.projectId, HALL.projectId]);
    expect(await rows('jalur=apbdes')).toEqual([ROAD.projectId]);
    expect(await rows('kecamatan=35.10.02')).toEqual([WELL.projectId]);
    expect(await rows('tahun=2025&sumber=APBD&kecamatan=35.10.01')).toEqual([ASPHALT.projectId]);
    expect(await rows('tahun=2024')).toEqual([]);
    const wrong = await finance.get('/proyek/peta?jalur=pusat').expect(400);
    expect(wrong.text).toContain('jalur');
    expect(wrong.text).toContain('pusat');
  });

  it('shows a district head his district and a village official her village only', async () => {
    const district = await (await agent('districthead')).get('/proyek/peta').expect(200);
    expect(rowsOf(district.text)).toEqual([ASPHALT.projectId, ROAD.projectId]);
    const village = await (await agent('treasurer')).get('/proyek/peta').expect(200);
    expect(rowsOf(village.text)).toEqual([ASPHALT.projectId, ROAD.projectId]);
    expect(village.text).not.toContain('name="kecamatan"');
    expect(district.text).toContain('href="/kabupaten/laporan/project-outputs/unduh.xlsx"');
    expect(village.text).not.toContain('project-outputs');
  });

  it('serves the filtered projects as GeoJSON features with progress band and open suspicion', async () => {
    const finance = await agent('regencyfinance');
    const answer = await finance.get('/proyek/peta.geojson?tahun=2025').expect(200);
    expect(answer.headers['content-type']).toMatch(/^application\/geo\+json/);
    const collection = JSON.parse(answer.text);
    expect(collection.type).toBe('FeatureCollection');
    const byId = new Map(
      collection.features.map((feature: { id: string }) => [feature.id, feature]),
    );
    expect([...byId.keys()].sort()).toEqual([ASPHALT.projectId, HALL.projectId, ROAD.projectId]);
    expect(byId.get(ROAD.projectId)).toEqual({
      type: 'Feature',
      id: ROAD.projectId,
      geometry: ROAD.geometry,
      properties: {
        projectId: ROAD.projectId,
        title: ROAD.title,
        villageCode: VILLAGE,
        villageName: 'Kandangan',
        fiscalYear: 2025,
        channel: 'apbdes',
        fundSources: ['DDS'],
        volume: '250',
        unit: 'm',
        percent: 50,
        band: 'half',
        suspected: true,
        url: `/proyek/${ROAD.projectId}`,
      },
    });
    expect(byId.get(HALL.projectId)).toMatchObject({
      geometry: HALL.geometry,
      properties: { percent: null, band: 'none', suspected: false, villageName: 'Kedungasri' },
    });
    const villages = JSON.parse((await finance.get('/proyek/desa.geojson').expect(200)).text) as {
      features: { geometry: unknown; properties: { code: string } }[];
    };
    expect(villages.features).toEqual([
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: CENTRE_POSITION },
        properties: { code: KEDUNGASRI, name: 'Kedungasri' },
      },
    ]);
    const district = JSON.parse(
      (await (await agent('districthead')).get('/proyek/peta.geojson').expect(200)).text,
    );
    expect(district.features.map((feature: { id: string }) => feature.id).sort()).toEqual([
      ASPHALT.projectId,
      ROAD.projectId,
    ]);
    await finance.get('/proyek/peta.geojson?tahun=20x5').expect(400);
  });

  it('shows a project’s facts, its reports with photos in time order and flags, and the other project of a suspicion', async () => {
    const page = await (await agent('districthead')).get(`/proyek/${ROAD.projectId}`).expect(200);
    expect(page.text).toContain(`<h1>${ROAD.title}</h1>`);
    for (const fact of [
      ROAD.kegiatanCode,
      '250 m',
      'Dusun Krajan, RT 002',
      `DDS: ${formatRupiah('187500000.00')}`,
      'TPK Kedungasri',
      '01/04/2025',
      '30/06/2025',
    ])
      expect(page.text).toContain(fact);
    const photos = [...page.text.matchAll(/data-photo="([0-9a-f]{64})"/g)].map((match) => match[1]);
    expect(photos).toEqual([PHOTO_APRIL, PHOTO_MAY_A, PHOTO_MAY_B].map((photo) => sha256Of(photo)));
    expect(page.text.indexOf('20/04/2025')).toBeLessThan(page.text.indexOf('20/05/2025'));
    expect(page.text).toContain('tanpa posisi GPS (EXIF)');
    expect(page.text).toContain('Dugaan duplikasi terbuka');
    expect(page.text).toContain(`href="/proyek/${ASPHALT.projectId}"`);
    expect(page.text).toContain(`src="/proyek/${ROAD.projectId}/foto/${sha256Of(PHOTO_APRIL)}"`);
  });

  it('serves a project’s photo, typed by its bytes, to readers of the project only', async () => {
    const path = `/proyek/${ROAD.projectId}/foto/${sha256Of(PHOTO_MAY_B)}`;
    const head = await agent('villagehead');
    const photo = await binaryGet(head.get(path)).expect(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(photo.body as Buffer, PHOTO_MAY_B)).toBe(0);
    await (
      await agent('villagehead')
    )
      .get(`/proyek/${ROAD.projectId}/foto/${sha256Of(Buffer.from('lain'))}`)
      .expect(404);
    await request(server.app).get(path).expect(303).expect('Location', '/masuk');
  });

  it('refuses a role that does not read projects, and a project outside the scope', async () => {
    const admin = await agent('administrator');
    const refused = await admin.get('/proyek/peta').expect(403);
    expect(refused.text).toContain('Peran Anda tidak berwenang');
    await admin.get('/proyek/peta.geojson').expect(403);
    await admin.get(`/proyek/${ROAD.projectId}`).expect(403);
    const treasurer = await agent('treasurer');
    await treasurer.get(`/proyek/${WELL.projectId}`).expect(403);
    await treasurer.get(`/proyek/${WELL.projectId}/foto/${sha256Of(PHOTO_APRIL)}`).expect(403);
    await treasurer.get('/proyek/tidak-ada').expect(404);
    await request(server.app).get('/proyek/peta').expect(303).expect('Location', '/masuk');
  });

  it('offers the map in the menu of regency and district roles and on a village home', async () => {
    const finance = await (await agent('regencyfinance')).get('/beranda').expect(200);
    expect(finance.text).toContain('<a href="/proyek/peta">Peta proyek</a>');
    const village = await (await agent('treasurer')).get('/beranda').expect(200);
    expect(village.text).not.toContain('<a href="/proyek/peta">Peta proyek</a>');
    expect(village.text).toContain('href="/proyek/peta"');
  });
});

describe('the map with a configured basemap', () => {
  it('lets the page load images from the tile server only, and hands the template to the script', async () => {
    const server = await startTestServer({
      pages: (services) =>
        webPages({
          ...services,
          mapTiles: {
            url: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png',
            attribution: '© Contoh',
          },
        }),
    });
    const page = await (await signedInAgent(server.app, 'auditor')).get('/proyek/peta').expect(200);
    expect(page.headers['content-security-policy']).toMatch(
      /img-src 'self' https:\/\/\*\.tiles\.example\.org$/,
    );
    expect(page.text).toContain('data-tiles="https://{s}.tiles.example.org/{z}/{x}/{y}.png"');
    expect(page.text).toContain('data-attribution="© Contoh"');
  });
});
