import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEMO_REGENCY } from '../../../src/demo/demo-regions';
import { LOGIN_PATH } from '../../../src/web/paths';
import { startKasdesa, type KasdesaProcess } from '../../e2e/support/kasdesa-process';
import { tempDir } from '../../support/temp-dir';

/** Debian's chromium, which playwright-core drives (it downloads no browser of its own). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Debian's chromium runs as root in CI and in containers, where its sandbox cannot start. */
export const CHROMIUM_ARGS = ['--no-sandbox'];
/** The demo's first village, whose logins the README documents. */
export const DEMO_VILLAGE = `${DEMO_REGENCY.code}.01.2001`;

/**
 * The real server over an embedded store in `dataDir`, seeded with demo
 * villages (an APBDes each) of which the first `fullYear` have their whole year.
 */
export function startDemoKasdesa(
  dataDir: string,
  { villages = 1, fullYear = 1 }: { villages?: number; fullYear?: number } = {},
): Promise<KasdesaProcess> {
  return startKasdesa({
    KASDESA_STORE: 'embedded',
    KASDESA_DATA_DIR: dataDir,
    KASDESA_DEMO: '1',
    KASDESA_DEMO_VILLAGES: String(villages),
    KASDESA_DEMO_FULL_YEAR: String(fullYear),
  });
}

/** Logs in as a person does: the login form, filled and submitted; resolves once the next page has loaded. */
export async function logInThroughForm(
  page: Page,
  baseUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(`${baseUrl}${LOGIN_PATH}`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForLoadState('load'), page.click('button[type="submit"]')]);
}

/** Where the browser tests leave their screenshots (not committed). */
export const SCREENSHOTS = join(__dirname, '..', '..', '..', '.tmp', 'screenshots');

/** `1234567.89` as a page must show it, worked out by hand: `Rp 1.234.567,89` (Intl's no-break space after Rp). */
export function rupiahByHand(amount: string): string {
  const [whole = '0', sen = '00'] = amount.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount.startsWith('-') ? '-' : ''}Rp\u00a0${grouped}${sen === '00' ? '' : `,${sen}`}`;
}

export interface DemoBrowser {
  server(): KasdesaProcess;
  browser(): Browser;
}

/**
 * Registers the suite's beforeAll/afterAll: the demo server on a temporary
 * store and Debian's chromium. Without chromium nothing starts, and the
 * suite's tests (registered with testNeedingTool) skip or, in CI, fail.
 */
export function useDemoBrowser(demo: { villages?: number; fullYear?: number } = {}): DemoBrowser {
  const data = tempDir('kasdesa-web-');
  let server: KasdesaProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!existsSync(CHROMIUM_PATH)) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await startDemoKasdesa(data.dir, demo);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    if (server?.running()) await server.stop();
    data.remove();
  });
  return { server: () => server!, browser: () => browser! };
}
