import type { Express } from 'express';
import request from 'supertest';
import { FORM_CATALOG } from '../../src/web/forms/form-catalog';
import { LOGOUT_PATH, TWO_FACTOR_PATH } from '../../src/web/paths';
import { webPages } from '../../src/web/web-pages';
import { startFullYearApp } from '../http/full-year-app';
import { join } from 'node:path';
import { unpackEvidenceArchive } from '../../src/audit/evidence-archive';
import { verifyEvidence } from '../../src/audit/verify-evidence';
import { EVIDENCE_ARCHIVE_UNPACKED_MAX_BYTES } from '../../src/limits';
import { bearer, binaryGet, VILLAGE, YEAR, type TestServer } from '../http/support';
import { tempDir } from '../support/temp-dir';
import { buildRealisticVillage } from '../support/realistic-village';
import { receipt } from '../support/village-fixtures';
import { csrfOf, signedInAgent } from './support/web-agent';

const API_AUDIT = `/api/v1/audit/villages/${VILLAGE}/years/${YEAR}`;
const PAGES = `/audit/${VILLAGE}/${YEAR}`;
const STREAM = `village-${VILLAGE}-${YEAR}`;
/** The crawl's bound: far more pages than the audit area has for a realistic village. */
const CRAWL_PAGES_MAX = 400;

const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

describe("the auditor's pages", () => {
  let server: TestServer;
  let app: Express;
  let close: () => Promise<void>;
  let auditor: request.Agent;
  const api = (path: string) =>
    request(app).get(path).set(bearer(server.tokens.auditor)).expect(200);

  beforeAll(async () => {
    ({ server, app, close } = await startFullYearApp({
      pages: webPages,
      runYear: async (_run, ledger) => {
        await buildRealisticVillage(ledger);
        // Money in the books, so the entries list has something to show.
        await ledger.executeVillageCommand(VILLAGE, YEAR, receipt('TBP-ADD-1', '69210275'));
      },
    }));
    auditor = await signedInAgent(app, 'auditor');
  }, 180_000);
  afterAll(() => close());

  test('the start page chooses a village of the regency by district and a year, and links to each page', async () => {
    const start = await auditor.get(`/audit?desa=${VILLAGE}&tahun=${YEAR}`).expect(200);
    expect(start.text).toContain('<optgroup label="Kecamatan');
    expect(start.text).toMatch(new RegExp(`<option value="${VILLAGE}" selected`));
    const links = hrefs(start.text);
    expect(links).toContain(`${PAGES}/keadaan`);
    expect(links).toContain(`${PAGES}/riwayat`);
    expect(links).toContain(`/audit/verifikasi?aliran=${STREAM}`);
  });

  test('unasked, the start page chooses the year the village has books in, and its books list the entries the API replays', async () => {
    // The reference data also has the next year, with no ledger yet: it must not be the default.
    const start = await auditor.get(`/audit?desa=${VILLAGE}`).expect(200);
    expect(start.text).toMatch(new RegExp(`<option value="${YEAR}" selected`));
    expect(hrefs(start.text)).toContain(`${PAGES}/keadaan`);
    const firstVisit = await auditor.get('/audit').expect(200);
    expect(hrefs(firstVisit.text)).toContain(`${PAGES}/keadaan`);
    const entries = Object.keys((await api(`${API_AUDIT}/state`)).body.state.books.entries);
    expect(entries).toEqual(['TBP-ADD-1']);
    const books = await auditor.get(`${PAGES}/keadaan`).expect(200);
    const listed = hrefs(books.text)
      .filter((href) => href.includes('jenis=entry'))
      .map((href) => new URL(href, 'http://page').searchParams.get('id'));
    expect(listed).toEqual(entries);
  });

  test('the start page downloads the evidence bundle the API gives, which the verifier finds intact', async () => {
    const start = await auditor.get(`/audit?desa=${VILLAGE}&tahun=${YEAR}`).expect(200);
    expect(hrefs(start.text)).toContain(`${PAGES}/bukti.zip`);
    expect(start.text).toContain('Unduh berkas bukti (evidence bundle)');
    expect(start.text).toContain(`kasdesa verify-evidence bukti-${VILLAGE}-${YEAR}.zip`);
    const page = await binaryGet(auditor.get(`${PAGES}/bukti.zip`)).expect(200);
    expect(page.headers['content-type']).toBe('application/zip');
    const fromApi = await binaryGet(
      request(app).get(`${API_AUDIT}/evidence`).set(bearer(server.tokens.auditor)),
    ).expect(200);
    const temp = tempDir();
    try {
      const verified = await Promise.all(
        [page, fromApi].map(async (answer, index) => {
          const folder = join(temp.dir, String(index));
          await unpackEvidenceArchive(
            answer.body as Buffer,
            folder,
            EVIDENCE_ARCHIVE_UNPACKED_MAX_BYTES,
          );
          return verifyEvidence(folder);
        }),
      );
      for (const result of verified) expect(result.problems).toEqual([]);
      const [fromPage, api] = verified.map(({ manifest }) => ({ ...manifest!, createdAt: '' }));
      expect(fromPage).toEqual(api);
      expect(fromPage!.streams.map((s) => s.stream)).toContain(STREAM);
    } finally {
      temp.remove();
    }
    const treasurer = await signedInAgent(app, 'treasurer');
    await treasurer.get(`${PAGES}/bukti.zip`).expect(403);
  });

  test('verification shows what the API verifies: the same verdict and number of events', async () => {
    const answer = (await api(`/api/v1/audit/verify?stream=${STREAM}`)).body;
    const page = await auditor.get(`/audit/verifikasi?aliran=${STREAM}`).expect(200);
    expect(page.text).toContain(`data-ok="${answer.ok}"`);
    expect(answer.ok).toBe(true);
    expect(page.text).toContain(`data-events="${answer.streams[0].events}"`);
    expect(answer.streams[0].events).toBeGreaterThan(0);
    const all = (await api('/api/v1/audit/verify')).body;
    const everything = await auditor.get('/audit/verifikasi').expect(200);
    expect(everything.text).toContain(`data-streams="${all.streams.length}"`);
  });

  test("a budget line's history names the command, the people and the events the API names", async () => {
    const books = await auditor.get(`${PAGES}/keadaan`).expect(200);
    const lineLinks = hrefs(books.text).filter((href) => href.includes('jenis=budget-line'));
    expect(lineLinks.length).toBeGreaterThan(0);
    const lineId = new URL(lineLinks[0]!, 'http://page').searchParams.get('id')!;
    const answer = (await api(`${API_AUDIT}/history/budget-line/${encodeURIComponent(lineId)}`))
      .body;
    const page = await auditor
      .get(`${PAGES}/riwayat?jenis=budget-line&id=${encodeURIComponent(lineId)}`)
      .expect(200);
    const shownEvents = [...page.text.matchAll(/data-event-id="([^"]+)"/g)].map((m) => m[1]);
    expect(shownEvents).toEqual(answer.events.map((e: { eventId: string }) => e.eventId));
    expect(page.text).toContain(`<dd class="command-id">${answer.events[0].commandId}</dd>`);
    expect(page.text).toContain(answer.events[0].who.displayName);
    const unknown = await auditor.get(`${PAGES}/riwayat?jenis=entry&id=TIDAK-ADA`).expect(404);
    expect(unknown.text).toContain('TIDAK-ADA');
  });

  test('the books as of a business date beside as known at a day: the figures the API replays', async () => {
    const asOf = (await api(`${API_AUDIT}/state?asOf=2025-03-31`)).body;
    const knownAt = (await api(`${API_AUDIT}/state?knownAt=2000-01-01T23:59:59.999%2B07:00`)).body;
    const page = await auditor
      .get(`${PAGES}/keadaan?tanggal=31/03/2025&diketahui=01/01/2000`)
      .expect(200);
    const row = /<th scope="row">Peristiwa dihitung<\/th>(.*?)<\/tr>/.exec(page.text)![1]!;
    const cells = [...row.matchAll(/<td[^>]*>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    const now = (await api(`${API_AUDIT}/state`)).body;
    expect(cells).toEqual([now.eventsApplied, asOf.eventsApplied, knownAt.eventsApplied]);
    expect(knownAt.eventsApplied).toBe(0);
    expect(asOf.eventsApplied).toBeLessThan(now.eventsApplied);
    const badDate = await auditor.get(`${PAGES}/keadaan?tanggal=31/13/2025`).expect(422);
    expect(badDate.text).toContain('asOf');
  });

  test("a budget line's versions page shows every enacted version the API lists", async () => {
    const state = (await api(`${API_AUDIT}/state`)).body.state;
    const lineId = Object.keys(state.budget.versions.at(-1).lines)[0]!;
    const answer = (await api(`${API_AUDIT}/budget-lines/${lineId}/versions`)).body;
    const page = await auditor.get(`${PAGES}/baris/${lineId}`).expect(200);
    for (const version of answer.versions) expect(page.text).toContain(version.label);
  });

  test('read-only: no page the auditor reaches has a POST form other than logging out; commands are refused', async () => {
    const seen = new Set<string>();
    // The start page's GET form, submitted for the year the village has books of.
    const queue = ['/beranda', '/audit', `/audit?desa=${VILLAGE}&tahun=${YEAR}`];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      expect(seen.size).toBeLessThan(CRAWL_PAGES_MAX);
      const page = await auditor.get(path);
      if (!(page.type ?? '').includes('html')) continue;
      const posts = [...page.text.matchAll(/<form method="post" action="([^"]*)"/g)].map(
        (m) => m[1],
      );
      // Logging out and securing one's own sign-in (two-factor) write nothing of the ledger.
      const ownAccount = new Set([LOGOUT_PATH, TWO_FACTOR_PATH]);
      expect({ path, posts: posts.filter((action) => !ownAccount.has(action!)) }).toEqual({
        path,
        posts: [],
      });
      for (const href of hrefs(page.text))
        if (href.startsWith('/') && !href.startsWith('//') && !href.startsWith('/assets'))
          queue.push(href);
    }
    expect(seen).toContain(`${PAGES}/keadaan`);
    expect(seen).toContain(`${PAGES}/bukti.zip`);
    expect([...seen].some((path) => path.startsWith(`${PAGES}/riwayat?`))).toBe(true);
    const csrf = csrfOf((await auditor.get('/beranda').expect(200)).text);
    for (const form of FORM_CATALOG) {
      const refused = await auditor
        .post(`/perintah/${form.slug ?? form.type}`)
        .type('form')
        .send({ _csrf: csrf, _desa: VILLAGE, _tahun: String(YEAR) });
      expect({ type: form.type, status: refused.status }).toEqual({ type: form.type, status: 403 });
    }
  }, 120_000);

  test('a treasurer gets a refusal page on the audit pages, as from the API', async () => {
    const treasurer = await signedInAgent(app, 'treasurer');
    const refused = await treasurer.get('/audit').expect(403);
    expect(refused.text).toContain('<h1>');
    await treasurer.get(`${PAGES}/keadaan`).expect(403);
    await treasurer.get('/audit/verifikasi').expect(403);
    const finance = await signedInAgent(app, 'regencyfinance');
    await finance.get(`${PAGES}/riwayat`).expect(200);
  });
});
