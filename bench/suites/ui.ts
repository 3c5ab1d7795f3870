import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { ROLES } from '../../src/access/roles';
import { DEMO_PASSWORD, demoUsername } from '../../src/demo/demo-users';
import { FORMS_PATH, HOME_PATH, LOGIN_PATH } from '../../src/web/paths';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  DEMO_VILLAGE,
  logInThroughForm,
  startDemoKasdesa,
} from '../../tests/web/support/browser-demo';
import { crawlPages } from '../../tests/web/support/page-crawl';
import { tempDir } from '../../tests/support/temp-dir';
import { median, printTable, round } from '../stats';

/** Pages measured per role at most: each costs REPETITIONS loads of a second or more over the slow network. */
const PAGE_CRAWL_PAGES_MAX = 40;
const REPETITIONS = 3;
/** Pages whose content depends on the role: measured for each role. */
const ROLE_PAGES = new Set([HOME_PATH, FORMS_PATH]);
/** A village office on weak mobile data: 400 kbit/s each way, 300 ms latency. */
const NETWORK = {
  offline: false,
  latency: 300,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};
const LIMITS = { pageBytesMax: 60 * 1024, loadMs: 2000 };
/** About 1 KB of plain HTML, the least a page can be: what every page's load time is compared with. */
const BASELINE_HTML = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Dasar</title></head><body><h1>Halaman dasar</h1>${'<p>Halaman statis kecil sebagai pembanding waktu muat.</p>'.repeat(16)}</body></html>`;

interface PageFigures {
  page: string;
  bytes: number;
  loadMs: number[];
}

/** The bare node http server that serves BASELINE_HTML on every path. */
async function startBaselineServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(BASELINE_HTML);
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

/** The body's bytes as the server sends them to a client that accepts gzip. */
function bytesOverWire(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip', cookie } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () =>
        res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${url}: ${res.statusCode}`)),
      );
      res.on('error', reject);
    }).on('error', reject);
  });
}

/**
 * One page's HTML plus the stylesheets and scripts it loads, gzip-compressed
 * as sent, asked with the cookies of `context` (signed in or not).
 */
async function pageBytes(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  const assets = await page.$$eval('link[rel~="stylesheet"][href], script[src]', (elements) =>
    elements.map((element) =>
      element instanceof HTMLLinkElement ? element.href : (element as HTMLScriptElement).src,
    ),
  );
  await page.close();
  const cookie = (await context.cookies(url)).map((c) => `${c.name}=${c.value}`).join('; ');
  const sizes = await Promise.all([url, ...assets].map((each) => bytesOverWire(each, cookie)));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/**
 * Load times of `url` in ms, from navigation to the load event, each in a
 * fresh context (nothing cached) with the cookies of `context`, under NETWORK.
 */
async function loadTimes(
  browser: Browser,
  context: BrowserContext,
  url: string,
): Promise<number[]> {
  const storageState = await context.storageState();
  const times: number[] = [];
  for (let repetition = 0; repetition < REPETITIONS; repetition++) {
    const fresh = await browser.newContext({ storageState });
    const page = await fresh.newPage();
    const cdp = await fresh.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    const started = performance.now();
    const response = await page.goto(url, { waitUntil: 'load' });
    times.push(performance.now() - started);
    if (response?.status() !== 200) throw new Error(`${url}: ${response?.status()}`);
    await fresh.close();
  }
  return times;
}

async function measure(
  browser: Browser,
  context: BrowserContext,
  label: string,
  url: string,
): Promise<PageFigures> {
  const figures = {
    page: label,
    bytes: await pageBytes(context, url),
    loadMs: await loadTimes(browser, context, url),
  };
  console.log(
    `${label}: ${figures.bytes} B, ${figures.loadMs.map((ms) => round(ms, 0)).join(' / ')} ms`,
  );
  return figures;
}

/** Each page a role reaches from its home, crawled signed in as the demo village's login for that role (its camat, the regency offices). */
async function rolePages(
  browser: Browser,
  baseUrl: string,
): Promise<{ measured: PageFigures[]; notPages: { page: string; status?: number }[] }> {
  const measured: PageFigures[] = [];
  const notPages: { page: string; status?: number }[] = [];
  const seen = new Set<string>();
  for (const role of ROLES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await logInThroughForm(page, baseUrl, demoUsername(role, DEMO_VILLAGE), DEMO_PASSWORD);
    const answered: string[] = [];
    await crawlPages(page, baseUrl, {
      pagesMax: PAGE_CRAWL_PAGES_MAX,
      // A link that answers anything but 200 is no page to time; the page tour test fails on it.
      // A page other roles reach too (the books, the reports) is measured once, for the first role.
      visit: async (path, _page, response) => {
        if (seen.has(path) && !ROLE_PAGES.has(path)) return;
        seen.add(path);
        if (response?.status() === 200) answered.push(path);
        else notPages.push({ page: `${role} ${path}`, status: response?.status() });
      },
    });
    for (const path of answered)
      measured.push(await measure(browser, context, `${role} ${path}`, `${baseUrl}${path}`));
    await context.close();
  }
  return { measured, notPages };
}

/**
 * The web UI over slow mobile data: every page each role
 * reaches (and the login page), its bytes over the wire gzip-compressed and
 * its load time in Chromium under NETWORK, against a 1 KB static page served
 * by a bare node http server under the same network in the same run.
 */
export async function uiBench(): Promise<Record<string, unknown>> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `Chromium tidak ada di ${CHROMIUM_PATH} / Chromium not found at ${CHROMIUM_PATH}: the ui bench needs it`,
    );
  const data = tempDir('kasdesa-bench-ui-');
  const baseline = await startBaselineServer();
  const kasdesa = await startDemoKasdesa(data.dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const signedOut = await browser.newContext();
    const base = await measure(browser, signedOut, 'dasar / baseline', baseline.url);
    const { measured, notPages } = await rolePages(browser, kasdesa.baseUrl);
    const pages = [
      await measure(browser, signedOut, `tamu ${LOGIN_PATH}`, `${kasdesa.baseUrl}${LOGIN_PATH}`),
      ...measured,
    ];
    await signedOut.close();
    const baselineMs = median(base.loadMs);
    const rows = pages.map(({ page, bytes, loadMs }) => {
      const ms = median(loadMs);
      return {
        page,
        bytesGzip: bytes,
        withinBytesLimit: bytes <= LIMITS.pageBytesMax,
        loadMsMedian: round(ms, 0),
        loadMsRounds: loadMs.map((each) => round(each, 0)),
        ratioToBaseline: round(ms / baselineMs, 2),
        withinLoadLimit: ms <= LIMITS.loadMs,
      };
    });
    printTable(
      rows.map((row) => ({
        page: row.page,
        'bytes (gzip)': row.bytesGzip,
        'limit 60 KB': row.withinBytesLimit ? 'ok' : 'MELEBIHI / over',
        'load ms median': row.loadMsMedian,
        'ratio to baseline': row.ratioToBaseline,
        'limit 2000 ms': row.withinLoadLimit ? 'ok' : 'MELEBIHI / over',
      })),
    );
    console.log(`Dasar / baseline: ${base.bytes} B, ${round(baselineMs, 0)} ms median`);
    for (const { page, status } of notPages)
      console.log(`Bukan halaman / not a page (status ${status}), not measured: ${page}`);
    return {
      network: { latencyMs: NETWORK.latency, downKbitPerS: 400, upKbitPerS: 400 },
      repetitions: REPETITIONS,
      pagesMaxPerRole: PAGE_CRAWL_PAGES_MAX,
      limits: LIMITS,
      baseline: {
        bytes: base.bytes,
        loadMsMedian: round(baselineMs, 0),
        loadMsRounds: base.loadMs.map((each) => round(each, 0)),
      },
      pages: rows,
      notMeasured: notPages,
      overLimits: rows
        .filter((row) => !row.withinBytesLimit || !row.withinLoadLimit)
        .map((row) => row.page),
    };
  } finally {
    await browser.close();
    await kasdesa.stop();
    baseline.server.close();
    data.remove();
  }
}
