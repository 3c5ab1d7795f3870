import type { ReferenceData } from '../../src/domain/reference/reference-data';
import { rupiah, sum, toAmountText, type Rupiah } from '../../src/domain/shared/money';
import { apbdesVersion } from '../../projections/read-models/apbdes-documents';
import { fundFlowReport } from '../../src/reports/fund-flow/fund-flow-report';
import { monitoringReport } from '../../src/reports/monitoring/monitoring-report';
import { YEAR } from '../support/village-fixtures';
import { serializedStates, startHarness, type Harness } from './support/harness';
import { openRegency } from '../support/realistic-village';
import {
  generateVillage,
  twentyVillageReference,
  VILLAGE_COUNT,
  villagePlan,
} from './support/regency-scenario';

const text = (amounts: Rupiah[]) => toAmountText(sum(amounts));

describe('read models over a 20-village regency', () => {
  let harness: Harness;
  let reference: ReferenceData;
  let removeReference: () => void;
  let villages: string[];

  beforeAll(async () => {
    const generated = twentyVillageReference();
    reference = generated.reference;
    removeReference = generated.remove;
    villages = [...reference.villages.keys()];
    harness = await startHarness(reference, generated.catalog);
    await openRegency(harness.ledger);
    for (const [index, code] of villages.entries())
      await generateVillage(harness.ledger, code, index);
    await harness.settle();
  });
  afterAll(async () => {
    await harness.stop();
    removeReference();
  });

  test('has twenty villages in three districts', () => {
    expect([villages.length, reference.districts.size]).toEqual([VILLAGE_COUNT, 3]);
  });

  test('every projection rebuilt from zero is identical to the live-updated one', async () => {
    const rebuilt = await harness.rebuild();
    expect(serializedStates(rebuilt, harness.projections)).toEqual(
      serializedStates(harness.engine, harness.projections),
    );
    await rebuilt.stop();
  });

  test('fund flow totals per regency, district, source and origin add up the generated allocations and transfers', () => {
    const report = fundFlowReport(harness.engine.state(harness.projections.fundFlow), reference);
    const plans = villages.map((code, index) => ({ code, plan: villagePlan(index) }));
    const allocated = (filter: (code: string, source: string) => boolean) =>
      text(
        plans.flatMap(({ code, plan }) =>
          Object.entries(plan.allocations)
            .filter(([s]) => filter(code, s))
            .map(([, a]) => rupiah(a)),
        ),
      );
    const transferred = (filter: (code: string, source: string) => boolean) =>
      text(
        plans.flatMap(({ code, plan }) =>
          plan.transfers.filter((t) => filter(code, t.source)).map((t) => rupiah(t.amount)),
        ),
      );
    expect([report.totals.allocation, report.totals.transferred]).toEqual([
      allocated(() => true),
      transferred(() => true),
    ]);
    expect(report.districts).toHaveLength(3);
    for (const district of report.districts) {
      const inDistrict = (code: string) =>
        reference.villages.get(code)?.districtCode === district.districtCode;
      expect([
        district.districtCode,
        district.totals.allocation,
        district.totals.transferred,
      ]).toEqual([district.districtCode, allocated(inDistrict), transferred(inDistrict)]);
    }
    const origin = (o: string) => (_: string, source: string) =>
      reference.fundSources.get(source)?.origin === o;
    expect(report.byOrigin.APBN.allocation).toBe(allocated(origin('APBN')));
    expect(report.byOrigin.APBD_KABUPATEN.allocation).toBe(allocated(origin('APBD_KABUPATEN')));
    expect(report.byOrigin.APBD_KABUPATEN.transferred).toBe(transferred(origin('APBD_KABUPATEN')));
    expect(report.bySource.DDS!.stages[0]!.transferred).toBe(transferred((_, s) => s === 'DDS'));
    expect(text(Object.values(report.byOrigin).map((t) => rupiah(t.remaining)))).toBe(
      report.totals.remaining,
    );
  });

  test('monitoring counts villages on time, late and overdue per district', () => {
    const report = monitoringReport(
      harness.engine.state(harness.projections.regencyMonitoring),
      reference,
      '2025-02-01',
    );
    const statuses = villages.map((_, index) => {
      const on = villagePlan(index).enactedOn;
      return on === null ? 'overdue' : on <= '2024-12-31' ? 'onTime' : 'late';
    });
    const count = (status: string) => statuses.filter((s) => s === status).length;
    expect(report.counts).toEqual({
      villages: 20,
      onTime: count('onTime'),
      late: count('late'),
      pending: 0,
      overdue: count('overdue'),
    });
    const late = report.districts.flatMap((d) => d.villages).find((v) => v.status === 'late')!;
    expect(late.apbdes).toMatchObject({ onTime: false, daysLate: 20 });
    expect(report.districts.map((d) => d.counts.villages)).toEqual(
      [...reference.districts.keys()].map(
        (code) => villages.filter((v) => reference.villages.get(v)?.districtCode === code).length,
      ),
    );
  });

  test('each enacted APBDes document totals its generated allocations; a village that never enacted has none', () => {
    const documents = harness.engine.state(harness.projections.apbdesDocuments);
    const documented = villages.map((code) => {
      const doc = apbdesVersion(documents, code, YEAR, 'APBDes awal');
      return [code, doc?.perdes.totals.revenue ?? null, doc?.perdes.totals.spending ?? null];
    });
    // villagePlan(i) budgets DDS 600 + 10i, ADD 300 + 5i and PBH 40 + i million, each spent in full.
    expect(documented).toEqual(
      villages.map((code, index) => {
        if (villagePlan(index).enactedOn === null) return [code, null, null];
        const total = `${(940 + 16 * index) * 1_000_000}.00`;
        return [code, total, total];
      }),
    );
    expect(documented.filter(([, revenue]) => revenue === null)).toHaveLength(2);
  });
});
