import { PUBLIC_PAGE_CACHE_ENTRIES_MAX } from '../../limits';
import type { Revisioned } from '../../reports/render/rendered-cache';

interface Rendered<Built> {
  states: readonly Revisioned[];
  revisions: readonly number[];
  built: Built;
}

/**
 * Rendered public pages per village and year, kept while the read-model
 * states they were built from have neither moved (revision) nor been
 * replaced by a rebuild (identity), as the rendered-report cache keys them.
 * Least recently asked first out past `entriesMax` (a page's HTML, or a
 * poster's PDF bytes).
 */
export class PublicPageCache<Built = string> {
  private readonly pages = new Map<string, Rendered<Built>>();

  constructor(private readonly entriesMax: number = PUBLIC_PAGE_CACHE_ENTRIES_MAX) {}

  async render(
    key: string,
    states: readonly Revisioned[],
    build: () => Promise<Built>,
  ): Promise<Built> {
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
    const built = current ? found.built : await build();
    if (this.pages.size >= this.entriesMax) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, { states, revisions, built });
    return built;
  }
}
