import { seriousAxeViolations } from './support/axe-check';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../src/demo/demo-users';
import { PROJECT_MAP_PATH } from '../../src/web/projects/project-paths';
import { testNeedingTool } from '../support/test-needing-tool';
import { CENTRE_POSITION, offset, regencyAsphalt, roadEast } from '../support/project-fixtures';
import {
  DEMO_VILLAGE,
  logInThroughForm,
  SCREENSHOTS,
  useDemoBrowser,
} from './support/browser-demo';

const PHONE_WIDTH = 360;
const browserTest = testNeedingTool('chromium', 'the project map in a real browser');

/** Two overlapping roads (the later one suspected, so both are) and a well nowhere near them. */
const ROAD = { ...regencyAsphalt(DEMO_VILLAGE), projectId: 'jalan-a-2025' };
const SECOND_ROAD = {
  ...ROAD,
  projectId: 'jalan-b-2025',
  channel: 'aspiration',
  title: 'Jalan aspirasi di atas jalan A',
  geometry: roadEast(offset(CENTRE_POSITION, 5, 0), 240),
};
const WELL = {
  ...ROAD,
  projectId: 'sumur-2025',
  title: 'Sumur bor',
  outputFamily: 'water',
  volume: '1',
  unit: 'unit',
  geometry: { type: 'Point', coordinates: offset(CENTRE_POSITION, 3_000, 180) },
};

describe('the project map in a browser with no internet', () => {
  const demo = useDemoBrowser({ villages: 1, fullYear: 0 });

  browserTest(
    'draws a marker per project, the suspected ones dashed, from Kasdesa alone; fits a phone with no serious axe violation',
    async () => {
      const { baseUrl } = demo.server();
      const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'keuangan', password: DEMO_PASSWORD }),
      });
      const { token } = (await login.json()) as { token: string };
      for (const project of [ROAD, SECOND_ROAD, WELL]) {
        const registered = await fetch(`${baseUrl}/api/v1/projects/regency`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(project),
        });
        expect({ project: project.projectId, status: registered.status }).toEqual({
          project: project.projectId,
          status: 201,
        });
      }

      const context = await demo.browser().newContext();
      const page = await context.newPage();
      const elsewhere: string[] = [];
      const refusedByPolicy: string[] = [];
      // No internet: any request leaving Kasdesa is recorded and fails.
      await page.route('**/*', (route) => {
        if (route.request().url().startsWith(baseUrl)) return route.continue();
        elsewhere.push(route.request().url());
        return route.abort('internetdisconnected');
      });
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) refusedByPolicy.push(message.text());
      });
      await logInThroughForm(page, baseUrl, 'keuangan', DEMO_PASSWORD);
      await page.goto(`${baseUrl}${PROJECT_MAP_PATH}`);
      await page.waitForSelector('#peta-proyek[data-drawn="3"]');
      expect(await page.locator('#peta-proyek path.project-marker').count()).toBe(3);
      expect(await page.locator('#peta-proyek path.project-marker.suspected').count()).toBe(2);
      expect(await page.locator('tr[data-project]').count()).toBe(3);
      await page.locator('#peta-proyek path.project-marker:not(.suspected)').click();
      await page.waitForSelector('.leaflet-popup-content a[href="/proyek/sumur-2025"]');
      await page.screenshot({
        path: join(SCREENSHOTS, 'keuangan-peta-proyek.png'),
        fullPage: true,
      });
      await page.setViewportSize({ width: PHONE_WIDTH, height: 740 });
      await page.goto(`${baseUrl}/proyek/${SECOND_ROAD.projectId}`);
      expect(await page.locator('h1').textContent()).toBe(SECOND_ROAD.title);
      await page.goto(`${baseUrl}${PROJECT_MAP_PATH}`);
      await page.waitForSelector('#peta-proyek[data-drawn="3"]');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE_WIDTH,
      );
      expect(
        (await seriousAxeViolations(page)).map((violation) => `${violation.id}: ${violation.help}`),
      ).toEqual([]);
      expect(elsewhere).toEqual([]);
      expect(refusedByPolicy).toEqual([]);
      await context.close();
    },
    180_000,
  );
});
