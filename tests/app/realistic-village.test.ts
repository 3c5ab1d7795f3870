import { createLedger, type Ledger } from '../../src/app/ledger';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createMemoryStore } from '../../src/eventstore/memory';
import { budgetTotals, type Totals } from '../../src/domain/village/budget-totals';
import { findVersion, type VillageState } from '../../src/domain/village/state';
import { formatRupiah, rupiah, sum, toAmountText } from '../../src/domain/shared/money';
import { REGENCY, reference, VILLAGE, YEAR } from '../support/village-fixtures';
import { buildRealisticVillage } from '../support/realistic-village';

function summary(state: VillageState, label: string) {
  const version = findVersion(state.budget, label);
  if (!version) throw new Error(`no version ${label}`);
  const totals = budgetTotals(version.lines, reference);
  const text = (map: ReadonlyMap<string, Totals>) =>
    Object.fromEntries(
      [...map].map(([key, t]) => [
        key,
        { revenue: toAmountText(t.revenue), spending: toAmountText(t.spending) },
      ]),
    );
  return {
    revenue: formatRupiah(totals.revenue),
    spending: formatRupiah(totals.spending),
    financingReceipts: formatRupiah(totals.financingReceipts),
    financingExpenditures: formatRupiah(totals.financingExpenditures),
    bySource: text(totals.bySource),
    byBidang: Object.fromEntries(
      [...totals.byBidang].map(([bidang, amount]) => [bidang, toAmountText(amount)]),
    ),
  };
}

describe('a realistic village, from nothing to an enacted and amended APBDes', () => {
  let ledger: Ledger;
  beforeAll(async () => {
    ledger = createLedger({ store: withHashChain(createMemoryStore()) });
    await buildRealisticVillage(ledger);
  });

  it('keeps every enacted version, addressable by its label', async () => {
    const state = await ledger.villageState(VILLAGE, YEAR);
    expect(state.planning.activities.size).toBe(44);
    expect(
      state.budget.versions.map((version) => [
        version.label,
        version.enactedBy.document,
        version.enactedBy.number,
      ]),
    ).toEqual([
      ['APBDes awal', 'Perdes', '8 Tahun 2024'],
      ['Perubahan 1', 'Perdes', '4 Tahun 2025'],
      ['Perkades 1', 'Perkades', '27 Tahun 2025'],
      ['Perkades 2', 'Perkades', '29 Tahun 2025'],
    ]);
    expect(state.budget.versions.map((version) => version.elaboratedBy?.number)).toEqual([
      '14 Tahun 2024',
      '22 Tahun 2025',
      undefined,
      undefined,
    ]);
  });

  it('APBDes awal: Rp 2.6 bn with totals per source and per bidang to the rupiah', async () => {
    const state = await ledger.villageState(VILLAGE, YEAR);
    expect(findVersion(state.budget, 'APBDes awal')?.lines.size).toBe(71);
    expect(summary(state, 'APBDes awal')).toEqual({
      revenue: '2.604.769.300',
      spending: '2.634.369.300',
      financingReceipts: '39.600.000',
      financingExpenditures: '10.000.000',
      bySource: {
        DDS: { revenue: '1152604000.00', spending: '1188084000.00' },
        ADD: { revenue: '830415300.00', spending: '834535300.00' },
        PBH: { revenue: '467250000.00', spending: '467250000.00' },
        PBP: { revenue: '130000000.00', spending: '130000000.00' },
        PAD: { revenue: '24500000.00', spending: '14500000.00' },
      },
      byBidang: {
        '01': '1067635300.00',
        '02': '1202334000.00',
        '03': '56900000.00',
        '04': '153500000.00',
        '05': '154000000.00',
      },
    });
  });

  it('Perubahan 1: PBH revised up, Rp 20 m moved from road material to the emergency', async () => {
    const state = await ledger.villageState(VILLAGE, YEAR);
    const amended = summary(state, 'Perubahan 1');
    expect(amended).toMatchObject({ revenue: '2.619.269.300', spending: '2.648.869.300' });
    expect(amended.bySource.PBH).toEqual({ revenue: '481750000.00', spending: '481750000.00' });
    expect(amended.bySource.DDS).toEqual({ revenue: '1152604000.00', spending: '1188084000.00' });
    expect(amended.byBidang).toEqual({
      '01': '1067635300.00',
      '02': '1196834000.00',
      '03': '56900000.00',
      '04': '153500000.00',
      '05': '174000000.00',
    });
  });

  it('Perkades 1 adds the late regency aid; Perkades 2 shifts within jenis 5.2.1 without changing totals', async () => {
    const state = await ledger.villageState(VILLAGE, YEAR);
    const lateAid = summary(state, 'Perkades 1');
    expect(lateAid).toMatchObject({ revenue: '2.669.269.300', spending: '2.698.869.300' });
    expect(lateAid.bySource.PBK).toEqual({ revenue: '50000000.00', spending: '50000000.00' });
    expect(lateAid.byBidang['02']).toBe('1246834000.00');
    const shifted = summary(state, 'Perkades 2');
    expect(shifted).toEqual(lateAid);
    expect(findVersion(state.budget, 'Perkades 2')?.lines.get('operasional-pemdes-1')?.amount).toBe(
      '16500000.00',
    );
    expect(findVersion(state.budget, 'Perkades 1')?.lines.get('operasional-pemdes-1')?.amount).toBe(
      '18500000.00',
    );
  });

  it('earlier versions stay exactly as enacted', async () => {
    const state = await ledger.villageState(VILLAGE, YEAR);
    expect(findVersion(state.budget, 'APBDes awal')?.lines.get('jalan-desa-2')?.amount).toBe(
      '278400000.00',
    );
    expect(findVersion(state.budget, 'Perubahan 1')?.lines.get('jalan-desa-2')?.amount).toBe(
      '258400000.00',
    );
    expect(findVersion(state.budget, 'APBDes awal')?.lines.has('r-pbk')).toBe(false);
  });

  it('the regency stream holds allocations, the Dana Desa stage plan and the transfer', async () => {
    const state = await ledger.regencyState(REGENCY, YEAR);
    const plan = state.stagePlans.get(`${VILLAGE}|DDS`);
    const stageTotal = (stage: number) =>
      toAmountText(
        sum(
          (plan?.stages ?? [])
            .filter((row) => row.stage === stage)
            .map((row) => rupiah(row.amount)),
        ),
      );
    expect(stageTotal(1)).toBe('559841600.00');
    expect(stageTotal(2)).toBe('592762400.00');
    expect(toAmountText(state.transferred.get(`${VILLAGE}|DDS`)!)).toBe('559841600.00');
    expect(state.allocations.get(`${VILLAGE}|PBH`)?.amount).toBe('481750000.00');
  });
});
