import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import type { Role } from '../../../src/access/roles';
import { DEMO_PASSWORD, demoUsername } from '../../../src/demo/demo-users';
import { FORMS_PATH, HOME_PATH, LOGIN_PATH } from '../../../src/web/paths';
import { testNeedingTool } from '../../support/test-needing-tool';
import { DEMO_VILLAGE, logInThroughForm, SCREENSHOTS, useDemoBrowser } from './browser-demo';
import { seriousAxeViolations } from './axe-check';
import { crawlPages, pageSlug } from './page-crawl';

/** Pages visited per role at most: every page a role reaches today, with room for the forms and books to come. */
const PAGE_CRAWL_PAGES_MAX = 60;
/** How long the heading may take to appear: the page is loaded, but the machine may be busy. */
const H1_WAIT_MS = 5_000;
const PHONE_WIDTH = 360;
const DESKTOP_WIDTH = 1280;
const VIEWPORT_HEIGHT = 740;
const browserTest = testNeedingTool('chromium', 'the tour of every page in a real browser');
/** Pages whose content depends on the role: checked for each role; any other page once, for the first role reaching it. */
const ROLE_PAGES = new Set([HOME_PATH, FORMS_PATH]);

/**
 * What is wrong with one page, each problem a line naming the page: its
 * status, language, heading, width on a phone and axe's serious and critical
 * violations. Leaves a screenshot at both widths.
 */
async function checkPage(
  who: string,
  path: string,
  page: Page,
  response: Response | null,
): Promise<string[]> {
  const problems: string[] = [];
  const at = `${who} ${path}`;
  if (response?.status() !== 200) problems.push(`${at}: status ${response?.status()}`);
  const lang = await page.getAttribute('html', 'lang');
  if (lang !== 'id') problems.push(`${at}: <html lang="${lang}">, not "id"`);
  const heading = (
    await page
      .locator('h1')
      .first()
      .textContent({ timeout: H1_WAIT_MS })
      .catch(() => '')
  )?.trim();
  if (!heading) problems.push(`${at}: no <h1> with text`);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > PHONE_WIDTH)
    problems.push(`${at}: ${scrollWidth} px wide at ${PHONE_WIDTH} px (horizontal scrolling)`);
  for (const violation of await seriousAxeViolations(page))
    for (const node of violation.nodes)
      problems.push(
        `${at}: axe ${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${violation.help}`,
      );
  const file = (width: number) => join(SCREENSHOTS, `${who}-${pageSlug(path)}-${width}.png`);
  await page.screenshot({ path: file(PHONE_WIDTH), fullPage: true });
  await page.setViewportSize({ width: DESKTOP_WIDTH, height: VIEWPORT_HEIGHT });
  await page.screenshot({ path: file(DESKTOP_WIDTH), fullPage: true });
  await page.setViewportSize({ width: PHONE_WIDTH, height: VIEWPORT_HEIGHT });
  return problems;
}

/**
 * A tour of every page the roles reach from their homes (and, if asked, of the
 * signed-out pages), on one demo server and browser. The tour is split over
 * two test files so jest's two workers walk the halves at once.
 */
export function describePageTour(title: string, tour: { signedOut: boolean; roles: Role[] }) {
  describe(title, () => {
    const demo = useDemoBrowser();
    const server = () => demo.server();

    const checked = new Set<string>();

    const newPhonePage = async () => {
      const context = await demo.browser().newContext({
        viewport: { width: PHONE_WIDTH, height: VIEWPORT_HEIGHT },
      });
      return context.newPage();
    };

    if (tour.signedOut)
      browserTest(
        'the login page and every public page it leads to, signed out',
        async () => {
          const page = await newPhonePage();
          const problems: string[] = [];
          const visited = await crawlPages(page, server().baseUrl, {
            startPath: LOGIN_PATH,
            pagesMax: PAGE_CRAWL_PAGES_MAX,
            visit: async (path, visitedPage, response) => {
              problems.push(...(await checkPage('tamu', path, visitedPage, response)));
            },
          });
          expect(visited).toEqual(expect.arrayContaining([LOGIN_PATH, '/publik']));
          expect(problems).toEqual([]);
          await page.context().close();
        },
        180_000,
      );

    // Every role signs in with its demo login for DEMO_VILLAGE: the village's officials, its camat, the regency offices.
    for (const role of tour.roles)
      browserTest(
        `every page the ${role} reaches from the home`,
        async () => {
          const page = await newPhonePage();
          await logInThroughForm(
            page,
            server().baseUrl,
            demoUsername(role, DEMO_VILLAGE),
            DEMO_PASSWORD,
          );
          const problems: string[] = [];
          const visited = await crawlPages(page, server().baseUrl, {
            pagesMax: PAGE_CRAWL_PAGES_MAX,
            visit: async (path, visitedPage, response) => {
              if (checked.has(path) && !ROLE_PAGES.has(path)) return;
              checked.add(path);
              problems.push(...(await checkPage(role, path, visitedPage, response)));
            },
          });
          console.log(`${role}: ${visited.length} pages: ${visited.join(' ')}`);
          expect(visited.length).toBeGreaterThan(0);
          expect(problems).toEqual([]);
          await page.context().close();
        },
        600_000,
      );
  });
}
