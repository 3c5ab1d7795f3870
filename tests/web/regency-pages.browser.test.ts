import { seriousAxeViolations } from './support/axe-check';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../src/demo/demo-users';
import { MONITORING_PATH } from '../../src/web/regency/regency-paths';
import { testNeedingTool } from '../support/test-needing-tool';
import { logInThroughForm, SCREENSHOTS, useDemoBrowser } from './support/browser-demo';

const PHONE_WIDTH = 360;
const VIEWPORT_HEIGHT = 740;
const browserTest = testNeedingTool('chromium', 'the monitoring page in a real browser');

describe('the monitoring page on a phone', () => {
  const demo = useDemoBrowser({ villages: 3, fullYear: 1 });

  // The regency's finance office and the camat of the demo's first district.
  for (const username of ['keuangan', 'camat.01'])
    browserTest(
      `${username}: a card per village, no sideways scrolling, no serious axe violation`,
      async () => {
        const context = await demo
          .browser()
          .newContext({ viewport: { width: PHONE_WIDTH, height: VIEWPORT_HEIGHT } });
        const page = await context.newPage();
        const { baseUrl } = demo.server();
        await logInThroughForm(page, baseUrl, username, DEMO_PASSWORD);
        await page.click(`nav a[href="${MONITORING_PATH}"]`);
        await page.waitForLoadState('load');
        expect(page.url()).toBe(`${baseUrl}${MONITORING_PATH}`);
        expect(await page.locator('tr[data-village]').count()).toBeGreaterThan(0);
        await page.screenshot({
          path: join(SCREENSHOTS, `${username}-kabupaten-${PHONE_WIDTH}.png`),
          fullPage: true,
        });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          PHONE_WIDTH,
        );
        expect(
          (await seriousAxeViolations(page)).map(
            (violation) => `${violation.id}: ${violation.help}`,
          ),
        ).toEqual([]);
        await context.close();
      },
      120_000,
    );
});
