import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { FORMS_PATH } from '../../../src/web/paths';
import { SCREENSHOTS } from './browser-demo';

/**
 * Opens a command's form (`query` as a link would give it), fills it as a
 * person would (choices chosen, boxes ticked, the rest typed), leaves a
 * screenshot named `shot` and sends it; the command must be recorded (the
 * page moves on to one saying `tercatat`), else the test fails with the
 * messages shown beside the fields.
 */
export async function sendForm(
  page: Page,
  baseUrl: string,
  slug: string,
  typed: Record<string, string>,
  { query = '', shot }: { query?: string; shot: string },
): Promise<void> {
  await page.goto(`${baseUrl}${FORMS_PATH}/${slug}?${query}`);
  for (const [name, value] of Object.entries(typed)) {
    const field = page.locator(`[name="${name}"]`).first();
    const tag = await field.evaluate((element) => element.tagName.toLowerCase());
    const type = await field.getAttribute('type');
    if (tag === 'select') await field.selectOption(value);
    else if (type === 'checkbox') await page.check(`[name="${name}"][value="${value}"]`);
    else await field.fill(value);
  }
  await page.screenshot({ path: join(SCREENSHOTS, `${shot}-360.png`), fullPage: true });
  await Promise.all([
    page.waitForURL(/[?&]tercatat=/).catch(async () => {
      throw new Error(`${slug} was refused: ${await page.locator('.error').allTextContents()}`);
    }),
    page.click(`form[action="${FORMS_PATH}/${slug}"] button[type="submit"]`),
  ]);
}
