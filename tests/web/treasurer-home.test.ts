import request from 'supertest';
import type { Express } from 'express';
import { formatRupiah } from '../../src/web/format';
import { webPages } from '../../src/web/web-pages';
import { signedInAgent } from './support/web-agent';
import { startFullYearApp } from '../http/full-year-app';
import { bearer, VILLAGE, YEAR, type TestServer } from '../http/support';

describe('treasurer home', () => {
  let server: TestServer;
  let app: Express;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ server, app, close } = await startFullYearApp({ pages: webPages }));
  }, 180_000);
  afterAll(() => close());

  test('shows the cash per fund source of the API fund-flow report, in Rupiah', async () => {
    const api = await request(app)
      .get(`/api/v1/villages/${VILLAGE}/years/${YEAR}/reports/fund-flow`)
      .set(bearer(server.tokens.treasurer))
      .expect(200);
    const sources = api.body.village.sources as {
      source: string;
      village: { cashRemaining: string } | null;
    }[];
    expect(sources.some((s) => s.village && s.village.cashRemaining !== '0.00')).toBe(true);

    const agent = await signedInAgent(app, 'treasurer');
    const home = await agent.get(`/beranda?tahun=${YEAR}`).expect(200);
    for (const { source, village } of sources) {
      const row = new RegExp(`<tr data-source="${source.replace(/\./g, '\\.')}">.*?</tr>`).exec(
        home.text,
      )![0];
      const cells = [...row.matchAll(/<td class="amount"[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
      expect(cells[2]).toBe(village ? formatRupiah(village.cashRemaining) : '–');
    }
  });

  test('unasked, the home shows the latest year recorded; a later year with nothing recorded yet is a home, not a server error', async () => {
    const agent = await signedInAgent(app, 'treasurer');
    const home = await agent.get('/beranda').expect(200);
    expect(home.text).toContain(`tahun anggaran ${YEAR}`);
    const later = await agent.get(`/beranda?tahun=${YEAR + 1}`).expect(200);
    expect(later.text).toContain(`tahun anggaran ${YEAR + 1}`);
  });
});
