import { rupiah, sum, toAmountText } from '../../src/domain/shared/money';
import {
  apbdesVersion,
  type ApbdesVersionDocument,
} from '../../projections/read-models/apbdes-documents';
import { diffVersions } from '../../src/reports/apbdes/apbdes-diff';
import { walk } from '../../projections/folds/budget-tree';
import { fundFlowReport } from '../../src/reports/fund-flow/fund-flow-report';
import { monitoringReport } from '../../src/reports/monitoring/monitoring-report';
import { projectAt } from '../../projections/engine/two-clocks';
import { villageModel } from '../../projections/read-models/village-stream-projection';
import { reference, VILLAGE, YEAR } from '../support/village-fixtures';
import { serializedStates, startHarness, type Harness } from './support/harness';
import { openRegency, realisticVillage } from '../support/realistic-village';

const LABELS = ['APBDes awal', 'Perubahan 1', 'Perkades 1', 'Perkades 2'];

describe('read models over the realistic village year', () => {
  let harness: Harness;
  const doc = (label: string): ApbdesVersionDocument => {
    const found = apbdesVersion(
      harness.engine.state(harness.projections.apbdesDocuments),
      VILLAGE,
      YEAR,
      label,
    );
    if (!found) throw new Error(`no document ${label}`);
    return found;
  };

  beforeAll(async () => {
    harness = await startHarness(reference);
    await openRegency(harness.ledger);
    await realisticVillage(harness.ledger, VILLAGE);
    await harness.settle();
  });
  afterAll(() => harness.stop());

  test('every projection rebuilt from zero is identical to the live-updated one', async () => {
    const live = serializedStates(harness.engine, harness.projections);
    const rebuilt = await harness.rebuild();
    expect(serializedStates(rebuilt, harness.projections)).toEqual(live);
    await rebuilt.stop();
    for (const [key, projection] of Object.entries(harness.projections)) {
      const folded = await projectAt(harness.store, projection as never, {});
      expect([key, (projection as { serialize(s: unknown): unknown }).serialize(folded)]).toEqual([
        key,
        live[key],
      ]);
    }
  });

  test('a restarted engine resumes from its checkpoint with the same state', async () => {
    const first = await harness.rebuild('restart.sqlite');
    const before = serializedStates(first, harness.projections);
    await first.stop();
    const resumed = await harness.rebuild('restart.sqlite');
    expect(serializedStates(resumed, harness.projections)).toEqual(before);
    await resumed.stop();
  });

  /**
   * Worked out by hand from tests/support/realistic-village.ts. APBDes awal:
   * revenue 1,152,604,000 DDS + 830,415,300 ADD + 467,250,000 PBH + 130,000,000
   * PBP + 18,500,000 + 6,000,000 PAD; financing SiLPA 35,480,000 DDS + 4,120,000
   * ADD in, BUMDes capital 10,000,000 out. Perubahan 1: PBH +14,500,000 in
   * revenue and bidang 02 (road upkeep), road material −20,000,000 (02), the
   * emergency +20,000,000 (05). Perkades 1: PBK aid 50,000,000 to the balai
   * desa (02). Perkades 2 only shifts within jenis 5.2.1. Every version
   * balances, so surplus −29,600,000, netto +29,600,000, SiLPA 0.
   */
  const balanced = {
    financingReceipts: '39600000.00',
    financingExpenditures: '10000000.00',
    surplus: '-29600000.00',
    netFinancing: '29600000.00',
    silpaCurrentYear: '0.00',
  };
  const afterAmendment = {
    '01': '1067635300.00',
    '02': '1196834000.00',
    '03': '56900000.00',
    '04': '153500000.00',
    '05': '174000000.00',
  };
  const withLateAid = { ...afterAmendment, '02': '1246834000.00' };
  test.each([
    [
      'APBDes awal',
      '8 Tahun 2024',
      { revenue: '2604769300.00', spending: '2634369300.00' },
      { ...afterAmendment, '02': '1202334000.00', '05': '154000000.00' },
    ],
    [
      'Perubahan 1',
      '4 Tahun 2025',
      { revenue: '2619269300.00', spending: '2648869300.00' },
      afterAmendment,
    ],
    [
      'Perkades 1',
      '27 Tahun 2025',
      { revenue: '2669269300.00', spending: '2698869300.00' },
      withLateAid,
    ],
    [
      'Perkades 2',
      '29 Tahun 2025',
      { revenue: '2669269300.00', spending: '2698869300.00' },
      withLateAid,
    ],
  ])(
    '%s (No. %s): Perdes and Penjabaran totals and the Perdes per bidang, to the rupiah',
    (label, number, totals, byBidang) => {
      const expected = { ...totals, ...balanced };
      const { perdes, penjabaran, enactedBy } = doc(label);
      expect(perdes.totals).toEqual(expected);
      expect(penjabaran.totals).toEqual(expected);
      expect(enactedBy.number).toBe(number);
      expect(
        Object.fromEntries(
          perdes.spending[0]!.children.map((bidang) => [bidang.code, bidang.amount]),
        ),
      ).toEqual(byBidang);
    },
  );

  test('the Penjabaran goes down to rincian lines carrying source and output, adding up per source to the budgeted amounts', () => {
    const { penjabaran } = doc('APBDes awal');
    const rincian = [...walk(penjabaran.spending)]
      .map(([node]) => node)
      .filter((node) => node.level === 'rincian');
    expect(rincian).toHaveLength(62);
    const road = [...walk(penjabaran.spending)]
      .map(([node]) => node)
      .find((node) => node.key === 'activity:jalan-desa')!;
    expect(road).toMatchObject({
      level: 'kegiatan',
      code: '02.03.10',
      output: { volume: '1', unit: 'kegiatan' },
    });
    expect(road.children.map((jenis) => jenis.code)).toEqual(['5.3.5']);
    expect(road.children[0]!.children.map((objek) => objek.code)).toEqual([
      '5.3.5.01',
      '5.3.5.02',
      '5.3.5.03',
    ]);
    expect(road.children[0]!.children[1]!.children[0]).toMatchObject({
      source: 'DDS',
      output: { volume: '420', unit: 'HOK' },
      amount: '54600000.00',
    });
    const bySource = new Map<string, string[]>();
    for (const node of rincian)
      bySource.set(node.source!, [...(bySource.get(node.source!) ?? []), node.amount]);
    // Spending per source as budgeted in the fixture's APBDes awal.
    expect(
      Object.fromEntries(
        [...bySource].map(([source, amounts]) => [source, toAmountText(sum(amounts.map(rupiah)))]),
      ),
    ).toEqual({
      DDS: '1188084000.00',
      ADD: '834535300.00',
      PBH: '467250000.00',
      PBP: '130000000.00',
      PAD: '14500000.00',
    });
  });

  test('the Perdes layout stops at jenis for pendapatan and at sub bidang for belanja', () => {
    const { perdes } = doc('APBDes awal');
    expect(Math.max(...[...walk(perdes.revenue)].map(([, depth]) => depth))).toBe(2);
    expect(
      perdes.revenue[0]!.children.map((kelompok) => [
        kelompok.code,
        kelompok.description,
        kelompok.amount,
      ]),
    ).toEqual([
      ['4.1', 'Pendapatan Asli Desa', '24500000.00'],
      ['4.2', 'Pendapatan Transfer', '2580269300.00'],
    ]);
    expect(
      [...walk(perdes.spending)].every(([node]) =>
        ['akun', 'bidang', 'subBidang'].includes(node.level),
      ),
    ).toBe(true);
    expect(perdes.financingReceipts.map((n) => [n.code, n.amount])).toEqual([
      ['6.1', '39600000.00'],
    ]);
    expect(perdes.financingExpenditures.map((n) => [n.code, n.amount])).toEqual([
      ['6.2', '10000000.00'],
    ]);
  });

  test('the difference APBDes awal → Perubahan 1 lists every changed line with amounts before and after', () => {
    const diff = diffVersions(doc('APBDes awal'), doc('Perubahan 1'));
    expect(diff.changes.map((c) => [c.lineId, c.change, c.before, c.after, c.difference])).toEqual([
      ['r-pbh', 'changed', '467250000.00', '481750000.00', '14500000.00'],
      ['pemeliharaan-jalan-2', 'added', null, '14500000.00', '14500000.00'],
      ['jalan-desa-2', 'changed', '278400000.00', '258400000.00', '-20000000.00'],
      ['tanggap-darurat-1', 'added', null, '20000000.00', '20000000.00'],
    ]);
    const spendingChange = sum(
      diff.changes.filter((c) => c.kind === 'spending').map((c) => rupiah(c.difference)),
    );
    expect(toAmountText(spendingChange)).toBe(
      toAmountText(rupiah(diff.to.totals.spending).minus(rupiah(diff.from.totals.spending))),
    );
    expect(
      diffVersions(doc('Perkades 1'), doc('Perkades 2')).changes.map((c) => [
        c.lineId,
        c.changedFields,
      ]),
    ).toEqual([
      ['operasional-pemdes-1', ['amount', 'unitPrice']],
      ['operasional-pemdes-2', ['amount', 'unitPrice']],
    ]);
  });

  test('elaboration is recorded on the Perdes versions only', () => {
    expect(LABELS.map((label) => doc(label).elaboratedBy?.number ?? null)).toEqual([
      '14 Tahun 2024',
      '22 Tahun 2025',
      null,
      null,
    ]);
  });

  test('the planning trail follows each activity from RKPDes through every enacted version', () => {
    const trail = villageModel(
      harness.engine.state(harness.projections.planningTrail),
      VILLAGE,
      YEAR,
    )!;
    expect(trail.activities).toHaveLength(44);
    const steps = (id: string) =>
      trail.activities
        .find((a) => a.activityId === id)!
        .steps.map((s) => [s.label, s.total, s.difference]);
    expect(steps('jalan-desa')).toEqual([
      ['APBDes awal', '339000000.00', '0.00'],
      ['Perubahan 1', '319000000.00', '-20000000.00'],
      ['Perkades 1', '319000000.00', '0.00'],
      ['Perkades 2', '319000000.00', '0.00'],
    ]);
    expect(steps('tanggap-darurat').map(([label]) => label)).toEqual([
      'Perubahan 1',
      'Perkades 1',
      'Perkades 2',
    ]);
    expect(steps('balai-desa')).toEqual([
      ['Perkades 1', '50000000.00', '15000000.00'],
      ['Perkades 2', '50000000.00', '0.00'],
    ]);
    const lastTotals = trail.activities.map((a) => rupiah(a.steps.at(-1)?.total ?? '0'));
    expect(toAmountText(sum(lastTotals))).toBe('2698869300.00');
  });

  test('the fund flow shows allocation → transferred per stage with origin totals from reference flags', () => {
    const report = fundFlowReport(harness.engine.state(harness.projections.fundFlow), reference);
    const flows = report.districts
      .flatMap((d) => d.villages)
      .find((v) => v.villageCode === VILLAGE)!;
    const dds = flows.sources.find((s) => s.source === 'DDS')!;
    expect(dds).toMatchObject({
      allocation: '1152604000.00',
      transferred: '559841600.00',
      remaining: '592762400.00',
      stages: [
        { stage: 1, planned: '559841600.00', transferred: '559841600.00' },
        { stage: 2, planned: '592762400.00', transferred: '0.00' },
      ],
    });
    expect(report.byOrigin.APBN.allocation).toBe('1152604000.00');
    expect(report.byOrigin.APBD_KABUPATEN.allocation).toBe(
      toAmountText(rupiah('830415300').plus(rupiah('481750000')).plus(rupiah('50000000'))),
    );
    expect(report.byOrigin.APBD_PROVINSI.allocation).toBe('0.00');
    expect(report.totals.allocation).toBe(
      toAmountText(
        rupiah('1152604000')
          .plus(rupiah('830415300'))
          .plus(rupiah('481750000'))
          .plus(rupiah('50000000')),
      ),
    );
  });

  test('the regency monitoring view shows the APBDes enacted on time and every later change', () => {
    const report = monitoringReport(
      harness.engine.state(harness.projections.regencyMonitoring),
      reference,
      '2025-01-31',
    );
    const row = report.districts
      .flatMap((d) => d.villages)
      .find((v) => v.identity.villageCode === VILLAGE)!;
    expect(row).toMatchObject({
      status: 'onTime',
      apbdesDeadline: '2024-12-31',
      apbdes: {
        label: 'APBDes awal',
        onTime: true,
        daysLate: 0,
        enactedBy: { number: '8 Tahun 2024', date: '2024-12-19' },
      },
    });
    expect(row.changes.map((c) => c.label)).toEqual(['Perubahan 1', 'Perkades 1', 'Perkades 2']);
    expect(report.counts).toEqual({
      villages: reference.villages.size,
      onTime: 1,
      late: 0,
      pending: 0,
      overdue: reference.villages.size - 1,
    });
  });
});
