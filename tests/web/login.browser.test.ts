import { join } from 'node:path';
import type { BrowserContextOptions } from 'playwright-core';
import { DEMO_YEAR } from '../../src/demo/demo-regions';
import { DEMO_PASSWORD, demoUsername } from '../../src/demo/demo-users';
import { API_PATH } from '../e2e/support/kasdesa-api';
import { testNeedingTool } from '../support/test-needing-tool';
import {
  DEMO_VILLAGE,
  logInThroughForm,
  rupiahByHand,
  SCREENSHOTS,
  useDemoBrowser,
} from './support/browser-demo';

const TREASURER = demoUsername('treasurer', DEMO_VILLAGE);
const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 } };
const browserTest = testNeedingTool(
  'chromium',
  'the web pages in a real browser (Debian chromium)',
);

interface FundFlowBody {
  village: { sources: { source: string; village: { cashRemaining: string } | null }[] };
}

describe('the village pages in a real browser at 360 px', () => {
  const demo = useDemoBrowser();
  const server = () => demo.server();
  const browser = () => demo.browser();

  browserTest(
    'the treasurer logs in, sees the cash per fund source the API reports, and logs out',
    async () => {
      const login = await fetch(`${server().baseUrl}${API_PATH}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: TREASURER, password: DEMO_PASSWORD }),
      });
      const { token } = (await login.json()) as { token: string };
      const report = await fetch(
        `${server().baseUrl}${API_PATH}/villages/${DEMO_VILLAGE}/years/${DEMO_YEAR}/reports/fund-flow`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      const { village } = (await report.json()) as FundFlowBody;
      const expected = village.sources
        .filter((source) => source.village)
        .map((source) => [source.source, rupiahByHand(source.village!.cashRemaining)]);
      expect(expected.length).toBeGreaterThan(0);

      const context = await browser().newContext(PHONE);
      const page = await context.newPage();
      await logInThroughForm(page, server().baseUrl, TREASURER, DEMO_PASSWORD);
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
      const context = await browser().newContext(PHONE);
      const page = await context.newPage();
      await logInThroughForm(page, server().baseUrl, TREASURER, 'bukan-sandinya');
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
      const context = await browser().newContext({ ...PHONE, javaScriptEnabled: false });
      const page = await context.newPage();
      await logInThroughForm(page, server().baseUrl, TREASURER, DEMO_PASSWORD);
      expect(new URL(page.url()).pathname).toBe('/beranda');
      expect(await page.textContent('h1')).toBe('Beranda');
      await context.close();
    },
    60_000,
  );
});
