import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions } from 'playwright-core';
import { DEMO_YEAR } from '../../src/demo/demo-regions';
import { DEMO_PASSWORD, demoUsername } from '../../src/demo/demo-users';
import { API_PATH } from '../e2e/support/kasdesa-api';
import type { KasdesaProcess } from '../e2e/support/kasdesa-process';
import { testNeedingTool } from '../support/test-needing-tool';
import { tempDir } from '../support/temp-dir';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  DEMO_VILLAGE,
  logInThroughForm,
  startDemoKasdesa,
} from './support/browser-demo';

const SCREENSHOTS = join(__dirname, '..', '..', '.tmp', 'screenshots');
const TREASURER = demoUsername('treasurer', DEMO_VILLAGE);
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 } };
const browserTest = testNeedingTool(
  'chromium',
  'the web pages in a real browser (Debian chromium)',
);

interface FundFlowBody {
  village: { sources: { source: string; village: { cashRemaining: string } | null }[] };
}

/** `1234567.89` as the page must show it, worked out here by hand: `Rp 1.234.567,89` (Intl's no-break space after Rp). */
function rupiahText(amount: string): string {
  const [whole = '0', sen = '00'] = amount.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount.startsWith('-') ? '-' : ''}Rp\u00a0${grouped}${sen === '00' ? '' : `,${sen}`}`;
}

describe('the village pages in a real browser at 360 px', () => {
  const data = tempDir('kasdesa-web-');
  let server: KasdesaProcess | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    // Without the browser the tests below skip (or, in CI, fail) on their own.
    if (!existsSync(CHROMIUM_PATH)) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startDemoKasdesa(data.dir);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (server?.running()) await server.stop();
    data.remove();
  });

  browserTest(
    'the treasurer logs in, sees the cash per fund source the API reports, and logs out',
    async () => {
      const login = await fetch(`${server!.baseUrl}${API_PATH}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: TREASURER, password: DEMO_PASSWORD }),
      });
      const { token } = (await login.json()) as { token: string };
      const report = await fetch(
        `${server!.baseUrl}${API_PATH}/villages/${DEMO_VILLAGE}/years/${DEMO_YEAR}/reports/fund-flow`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      const { village } = (await report.json()) as FundFlowBody;
      const expected = village.sources
        .filter((source) => source.village)
        .map((source) => [source.source, rupiahText(source.village!.cashRemaining)]);
      expect(expected.length).toBeGreaterThan(0);

      const context = await browser!.newContext(PHONE);
      const page = await context.newPage();
      await logInThroughForm(page, server!.baseUrl, TREASURER, DEMO_PASSWORD);
      expect(new URL(page.url()).pathname).toBe('/beranda');
      await page.screenshot({ path: join(SCREENSHOTS, 'beranda-360.png'), fullPage: true });
      const shown = await page.$$eval('tr[data-source]', (rows) =>
        rows.map((row) => [
          row.getAttribute('data-source'),
          row.querySelectorAll('td.amount')[2]?.textContent,
        ]),
      );
      for (const row of expected) expect(shown).toContainEqual(row);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);

      await Promise.all([page.waitForLoadState('load'), page.click('text=Keluar')]);
      expect(new URL(page.url()).pathname).toBe('/masuk');
      await context.close();
    },
    60_000,
  );

  browserTest(
    'a wrong password: the message beside the username, which stays typed',
    async () => {
      const context = await browser!.newContext(PHONE);
      const page = await context.newPage();
      await logInThroughForm(page, server!.baseUrl, TREASURER, 'bukan-sandinya');
      await page.screenshot({ path: join(SCREENSHOTS, 'masuk-salah-360.png'), fullPage: true });
      expect(await page.inputValue('input[name="username"]')).toBe(TREASURER);
      expect(await page.textContent('#username-error')).toBe('Nama pengguna atau kata sandi salah');
      await context.close();
    },
    60_000,
  );

  browserTest(
    'the login form works without JavaScript',
    async () => {
      const context = await browser!.newContext({ ...PHONE, javaScriptEnabled: false });
      const page = await context.newPage();
      await logInThroughForm(page, server!.baseUrl, TREASURER, DEMO_PASSWORD);
      expect(new URL(page.url()).pathname).toBe('/beranda');
      expect(await page.textContent('h1')).toBe('Beranda');
      await context.close();
    },
    60_000,
  );
});
