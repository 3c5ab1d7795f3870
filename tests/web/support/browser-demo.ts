import type { Page } from 'playwright-core';
import type { Role } from '../../../src/access/roles';
import { DEMO_REGENCY } from '../../../src/demo/demo-regions';
import { LOGIN_PATH } from '../../../src/web/paths';
import { startKasdesa, type KasdesaProcess } from '../../e2e/support/kasdesa-process';

/** Debian's chromium, which playwright-core drives (it downloads no browser of its own). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
/** Debian's chromium runs as root in CI and in containers, where its sandbox cannot start. */
export const CHROMIUM_ARGS = ['--no-sandbox'];
/** The demo's first village, whose logins the README documents. */
export const DEMO_VILLAGE = `${DEMO_REGENCY.code}.01.2001`;
/** The roles that work in a village, each with a demo login in DEMO_VILLAGE. */
export const VILLAGE_ROLES: readonly Role[] = [
  'treasurer',
  'secretary',
  'villageHead',
  'activityExecutor',
];

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
