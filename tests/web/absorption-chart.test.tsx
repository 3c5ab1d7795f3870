import { renderToString } from 'preact-render-to-string';
import { AbsorptionChart } from '../../src/web/charts/absorption-chart';
import type { MonitoringRow } from '../../src/web/regency/monitoring-rows';

const row = (villageName: string, absorbed: string | null) =>
  ({ villageName, absorbed }) as MonitoringRow;

describe('absorption chart of the monitoring page', () => {
  const html = renderToString(
    <AbsorptionChart rows={[row('Sukamaju', '40.00'), row('Sidomulyo', null)]} year={2025} />,
  );

  test('is an SVG named by its title and description, without a style attribute', () => {
    expect(html).toMatch(
      /<svg class="chart" viewBox="0 0 600 88" role="img" aria-labelledby="grafik-serapan-title grafik-serapan-desc">/,
    );
    expect(html).toContain(
      '<title id="grafik-serapan-title">Serapan anggaran per desa, 2025</title>',
    );
    expect(html).toMatch(/<desc id="grafik-serapan-desc">[^<]+<\/desc>/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  test("fills each village's bar to its absorption and lists the same percentages in its table", () => {
    // 40% of a 600-unit track; a village without a budget has an empty bar.
    expect(html).toContain('width="240"');
    expect(html).toMatch(
      /<th scope="row">Sukamaju<\/th><td class="amount" data-label="Serapan">40,00%<\/td>/,
    );
    expect(html).toMatch(
      /<th scope="row">Sidomulyo<\/th><td class="amount" data-label="Serapan">–<\/td>/,
    );
  });
});
