import {
  BAR_LENGTH_MAX,
  barChartData,
  percentText,
  progressData,
  shareInPercent,
} from '../../src/web/charts/chart-data';
import { BUDGET_REALISED, FUND_FLOW_STAGES } from '../../src/web/charts/chart-series';
import { absorptionItems } from '../../src/web/charts/absorption-chart';
import { fundFlowChart, realisationChart } from '../../src/web/public/public-charts';
import type { MonitoringRow } from '../../src/web/regency/monitoring-rows';

describe('chart data', () => {
  test('scales every amount against the largest of the chart: the largest is a full bar', () => {
    const data = barChartData(BUDGET_REALISED, [
      { label: 'Dana Desa', amounts: ['800000000.00', '400000000.00'] },
      { label: 'ADD', amounts: ['200000000.00', '0.00'] },
    ]);
    expect(data.groups.map((group) => group.bars.map((bar) => bar.length))).toEqual([
      [BAR_LENGTH_MAX, BAR_LENGTH_MAX / 2],
      [BAR_LENGTH_MAX / 4, 0],
    ]);
    expect(data.groups[0]!.bars[1]!.amount).toBe('400000000.00');
    expect(data.groups.map((group) => group.label)).toEqual(['Dana Desa', 'ADD']);
  });

  test("keeps amounts past a number's exact range exact until the coordinate", () => {
    // 999999999999999.99 has no exact binary number; a third of it is still a third of the bar.
    const data = barChartData(BUDGET_REALISED, [
      { label: 'x', amounts: ['999999999999999.99', '333333333333333.33'] },
    ]);
    expect(data.groups[0]!.bars.map((bar) => bar.length)).toEqual([600, 200]);
  });

  test('draws nothing below zero, and no bar at all when every amount is zero', () => {
    const data = barChartData(BUDGET_REALISED, [
      { label: 'koreksi', amounts: ['-50.00', '100.00'] },
      { label: 'kosong', amounts: ['0.00', '0.00'] },
    ]);
    expect(data.groups[0]!.bars.map((bar) => bar.length)).toEqual([0, 600]);
    const empty = barChartData(BUDGET_REALISED, [{ label: 'kosong', amounts: ['0.00', '0.00'] }]);
    expect(empty.groups[0]!.bars.map((bar) => bar.length)).toEqual([0, 0]);
  });

  test('refuses a row whose amounts do not match the series', () => {
    expect(() => barChartData(BUDGET_REALISED, [{ label: 'x', amounts: ['1.00'] }])).toThrow(
      /x: 1 amounts for 2 series/,
    );
  });

  test('a share in percent has two decimals, none when the whole is zero', () => {
    expect(shareInPercent('1.00', '3.00')).toBe('33.33');
    expect(shareInPercent('250000.00', '1000000.00')).toBe('25.00');
    expect(shareInPercent('5.00', '0.00')).toBeNull();
    expect(percentText('33.33')).toBe('33,33%');
    expect(percentText(null)).toBe('–');
  });

  test('a progress bar fills its track to the percent, full past 100%, empty without one', () => {
    expect(
      progressData([
        { label: 'a', percent: '25.00' },
        { label: 'b', percent: '112.50' },
        { label: 'c', percent: null },
        { label: 'd', percent: '-3.00' },
      ]).map((item) => item.length),
    ).toEqual([150, 600, 0, 0]);
  });

  test('the public page charts budget against realised per row, and each source pagu → remaining', () => {
    const realisation = realisationChart([
      {
        code: '4.1',
        name: 'Pendapatan Asli Desa',
        budget: '100.00',
        realised: '50.00',
        difference: '50.00',
        percent: '50.00',
      },
    ]);
    expect(realisation.series).toBe(BUDGET_REALISED);
    expect(realisation.groups).toEqual([
      {
        label: 'Pendapatan Asli Desa',
        bars: [
          { amount: '100.00', length: 600 },
          { amount: '50.00', length: 300 },
        ],
      },
    ]);
    const flow = fundFlowChart([
      {
        source: 'DDS',
        name: 'Dana Desa',
        allocation: '1000.00',
        received: '600.00',
        spent: '450.00',
        remaining: '150.00',
      },
    ]);
    expect(flow.series).toBe(FUND_FLOW_STAGES);
    expect(flow.groups[0]!.label).toBe('Dana Desa (DDS)');
    expect(flow.groups[0]!.bars.map((bar) => bar.length)).toEqual([600, 360, 270, 90]);
  });

  test("the regency chart draws each village's absorption in the table's order", () => {
    const row = (villageName: string, absorbed: string | null) =>
      ({ villageName, absorbed }) as MonitoringRow;
    expect(absorptionItems([row('Sukamaju', '40.00'), row('Sidomulyo', null)])).toEqual([
      { label: 'Sukamaju', percent: '40.00', length: 240 },
      { label: 'Sidomulyo', percent: null, length: 0 },
    ]);
  });
});
