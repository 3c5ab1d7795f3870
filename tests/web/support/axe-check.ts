import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2 A and AA; a serious or critical violation fails a page. */
const AXE_TAGS = ['wcag2a', 'wcag2aa'];
const FAILING_IMPACTS = ['serious', 'critical'];

/** The page's serious and critical WCAG A/AA violations, as axe reports them. */
export async function seriousAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.filter((violation) => FAILING_IMPACTS.includes(violation.impact ?? ''));
}
