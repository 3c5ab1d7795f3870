import { PUBLIC_PAGE_CACHE_ENTRIES_MAX } from '../../limits';
import type { Revisioned } from '../../reports/render/rendered-cache';

interface Rendered {
  states: readonly Revisioned[];
  revisions: readonly number[];
  html: string;
}

/**
 * Rendered public pages per village and year, kept while the read-model
 * states they were built from have neither moved (revision) nor been
 * replaced by a rebuild (identity), as the rendered-report cache keys them.
 * Least recently asked first out past PUBLIC_PAGE_CACHE_ENTRIES_MAX.
 */
export class PublicPageCache {
  private readonly pages = new Map<string, Rendered>();

  async render(
    key: string,
    states: readonly Revisioned[],
    build: () => Promise<string>,
  ): Promise<string> {
    // Revisions as they were when asked: a change while building leaves the next request to rebuild.
    const revisions = states.map((state) => state.revision);
    const found = this.pages.get(key);
    this.pages.delete(key);
    const current =
      found?.states.length === states.length &&
      states.every(
        (state, index) =>
          state === found.states[index] && revisions[index] === found.revisions[index],
      );
    const html = current ? found.html : await build();
    if (this.pages.size >= PUBLIC_PAGE_CACHE_ENTRIES_MAX)
      this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, { states, revisions, html });
    return html;
  }
}
