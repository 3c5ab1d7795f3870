import type { Page, Response } from 'playwright-core';
import { HOME_PATH, LOGOUT_PATH } from '../../../src/web/paths';

/**
 * Pages of one path with different queries followed at most (the books of
 * each of 200 villages are one page to check, not 200).
 */
const QUERY_VARIANTS_MAX = 3;

/**
 * Pages that show one record of a list, one template for every record (a
 * user, a budget line): like queries, a few of them are followed, not all.
 */
const RECORD_PAGES = [/^\/admin\/pengguna\/[^/]+$/, /^\/audit\/[^/]+\/\d{4}\/baris\/[^/]+$/];

/** Files a link hands over rather than a page to read: a crawl follows none of them. */
const DOWNLOAD = /\.(csv|xlsx|xls|pdf|json|zip)$|unduh/i;

export interface CrawlOptions {
  /** Where the crawl starts, path and query. */
  startPath?: string;
  /** How many pages it visits at most, so a page linking to ever more pages cannot make it endless. */
  pagesMax: number;
  /** Called on each page once loaded, before the crawl moves on. */
  visit?: (path: string, page: Page, response: Response | null) => Promise<void>;
}

/** A page's path and query, the crawl's identity of a page (the fragment names a place on the same page). */
function pageKey(url: URL): string {
  return `${url.pathname}${url.search}`;
}

/** What a page counts as for QUERY_VARIANTS_MAX: its path, or the record pattern its path matches. */
function variantOf(pathname: string): string {
  return RECORD_PAGES.find((pattern) => pattern.test(pathname))?.source ?? pathname;
}

/** Whether a link leads to another page of the same site that a GET may read. */
function followable(url: URL, origin: string, download: boolean): boolean {
  return (
    url.origin === origin &&
    !download &&
    url.pathname !== LOGOUT_PATH &&
    !DOWNLOAD.test(url.pathname) &&
    !DOWNLOAD.test(url.search)
  );
}

/**
 * Breadth first from `startPath` (the home), in the browser `page` as it is
 * signed in: every same-origin `a[href]` of each page visited, once per path
 * and query (QUERY_VARIANTS_MAX queries of a path or pages of one record
 * pattern), up to `pagesMax` pages. Returns the paths visited, in order.
 */
export async function crawlPages(
  page: Page,
  baseUrl: string,
  { startPath = HOME_PATH, pagesMax, visit }: CrawlOptions,
): Promise<string[]> {
  const origin = new URL(baseUrl).origin;
  const queue = [startPath];
  const seen = new Set(queue);
  const variants = new Map<string, number>();
  const visited: string[] = [];
  for (
    let path = queue.shift();
    path !== undefined && visited.length < pagesMax;
    path = queue.shift()
  ) {
    const response = await page.goto(`${origin}${path}`);
    // A link that redirects to a page visited already (`/` to the home) adds no page.
    const landed = pageKey(new URL(page.url()));
    if (visited.includes(landed)) continue;
    seen.add(landed);
    visited.push(landed);
    const links = await page.$$eval('a[href]', (anchors) =>
      anchors.map((anchor) => ({
        href: (anchor as HTMLAnchorElement).href,
        download: anchor.hasAttribute('download'),
      })),
    );
    for (const link of links) {
      const url = new URL(link.href);
      const key = pageKey(url);
      if (!followable(url, origin, link.download) || seen.has(key)) continue;
      seen.add(key);
      const variant = variantOf(url.pathname);
      const queued = variants.get(variant) ?? 0;
      if (queued >= QUERY_VARIANTS_MAX) continue;
      variants.set(variant, queued + 1);
      queue.push(key);
    }
    await visit?.(landed, page, response);
  }
  return visited;
}

/** A file-name part for a page: its path and query with every run of other characters made one `-`. */
export function pageSlug(path: string): string {
  return path.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'akar';
}
