import { PUBLIC_PAGE_CACHE_ENTRIES_MAX } from '../../src/limits';
import { PublicPageCache } from '../../src/web/public/public-page-cache';

describe('public page cache', () => {
  const counting = () => {
    let builds = 0;
    return {
      build: () => Promise.resolve(`page ${++builds}`),
      count: () => builds,
    };
  };

  test('keeps a page while its states neither move nor are replaced', async () => {
    const cache = new PublicPageCache();
    const { build, count } = counting();
    const state = { revision: 4 };
    expect(await cache.render('v/2025', [state], build)).toBe('page 1');
    expect(await cache.render('v/2025', [state], build)).toBe('page 1');
    state.revision += 1;
    expect(await cache.render('v/2025', [state], build)).toBe('page 2');
    // A rebuilt read model: a new state object, whatever its revision.
    expect(await cache.render('v/2025', [{ revision: 5 }], build)).toBe('page 3');
    expect(count()).toBe(3);
  });

  test('past its limit the least recently asked page goes', async () => {
    const cache = new PublicPageCache();
    const { build, count } = counting();
    const state = { revision: 0 };
    for (let i = 0; i < PUBLIC_PAGE_CACHE_ENTRIES_MAX; i++)
      await cache.render(`village-${i}`, [state], build);
    await cache.render('village-0', [state], build);
    await cache.render('one more', [state], build);
    expect(count()).toBe(PUBLIC_PAGE_CACHE_ENTRIES_MAX + 1);
    await cache.render('village-0', [state], build);
    expect(count()).toBe(PUBLIC_PAGE_CACHE_ENTRIES_MAX + 1);
    await cache.render('village-1', [state], build);
    expect(count()).toBe(PUBLIC_PAGE_CACHE_ENTRIES_MAX + 2);
  });
});
