import type { RealisationNode } from '../../src/reports/realisation/tree';
import type { VillageRealisation } from '../../src/reports/realisation/village-realisation';
import { budgetByBidang } from '../../src/web/home/budget-by-bidang';

const node = (
  level: RealisationNode['level'],
  code: string,
  budget: string,
  realised: string,
  children: RealisationNode[] = [],
): RealisationNode => ({
  key: `${level}:${code}`,
  level,
  code,
  description: `Uraian ${code}`,
  budget,
  realised,
  difference: `${Number(budget) - Number(realised)}.00`,
  percent: '0.00',
  children,
});

describe('budgetByBidang', () => {
  test('takes the bidang rows of the spending tree with what the report says is left', () => {
    const report = {
      spending: [
        node('akun', '5', '300.00', '40.00', [
          node('bidang', '01', '100.00', '40.00', [node('subBidang', '01.01', '100.00', '40.00')]),
          node('bidang', '02', '200.00', '0.00'),
        ]),
      ],
      revenue: [node('akun', '4', '300.00', '300.00')],
    } as unknown as VillageRealisation;
    expect(budgetByBidang(report)).toEqual([
      { code: '01', name: 'Uraian 01', budget: '100.00', realised: '40.00', left: '60.00' },
      { code: '02', name: 'Uraian 02', budget: '200.00', realised: '0.00', left: '200.00' },
    ]);
  });
});
