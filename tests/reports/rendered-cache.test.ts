import { RenderedReportCache } from '../../src/reports/render/rendered-cache';

describe('the rendered-report cache', () => {
  test('renders once per report and parameters while the states stay at the same revision', () => {
    const cache = new RenderedReportCache();
    const state = { revision: 3 };
    let builds = 0;
    const build = () => ({ total: String((builds += 1)) });
    const first = cache.render([state], 'realisation:year', build);
    expect(cache.render([state], 'realisation:year', build)).toBe(first);
    expect(builds).toBe(1);
    cache.render([state], 'realisation:semester1', build);
    expect(builds).toBe(2);
  });

  test('renders again once a state moves or is replaced by a rebuild', () => {
    const cache = new RenderedReportCache();
    const state = { revision: 0 };
    let builds = 0;
    const build = () => ({ builds: (builds += 1) });
    expect(JSON.parse(cache.render([state], 'fund-flow', build))).toEqual({ builds: 1 });
    state.revision += 1;
    expect(JSON.parse(cache.render([state], 'fund-flow', build))).toEqual({ builds: 2 });
    expect(JSON.parse(cache.render([{ revision: 1 }], 'fund-flow', build))).toEqual({ builds: 3 });
  });

  test('reports reading different states, asked in turn, keep their renderings', () => {
    const cache = new RenderedReportCache();
    const ledgers = { revision: 5 };
    const flows = { revision: 2 };
    let builds = 0;
    const build = () => ({ builds: (builds += 1) });
    for (let round = 0; round < 3; round += 1) {
      cache.render([ledgers], 'realisation', build);
      cache.render([ledgers, flows], 'fund-flow', build);
    }
    expect(builds).toBe(2);
    flows.revision += 1;
    cache.render([ledgers], 'realisation', build);
    cache.render([ledgers, flows], 'fund-flow', build);
    expect(builds).toBe(3);
  });
});
