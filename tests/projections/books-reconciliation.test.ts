import { monthBooks, netCashThrough } from '../../src/reports/books/books-report';
import {
  activityRealisation,
  danaDesaAbsorption,
} from '../../src/reports/activity-realisation/activity-realisation';
import {
  fundFlowReport,
  villageFundFlowReport,
} from '../../src/reports/fund-flow/fund-flow-report';
import { monitoringReport } from '../../src/reports/monitoring/monitoring-report';
import { fullYear, semesterOne } from '../../src/reports/realisation/periods';
import { villageRealisation } from '../../src/reports/realisation/village-realisation';
import { villageLedger, type VillageLedger } from '../../projections/read-models/village-ledger';
import { rupiah, sum, toAmountText, ZERO, type Rupiah } from '../../src/domain/shared/money';
import type { VillageEvent } from '../../src/domain/village/events';
import { monthBookTables } from '../../src/reports/books/book-tables';
import { REGENCY, VILLAGE, YEAR } from '../support/village-fixtures';
import { runVillageFullYear, twoYearReference } from '../support/village-full-year';
import { serializedStates, startHarness, type Harness } from './support/harness';

const add = (map: Map<string, Rupiah>, key: string, amount: Rupiah) =>
  map.set(key, (map.get(key) ?? ZERO).plus(amount));
const texts = (map: Map<string, Rupiah>) =>
  Object.fromEntries([...map].filter(([, v]) => !v.isZero()).map(([k, v]) => [k, toAmountText(v)]));

describe('books and realisation over the full village year', () => {
  let harness: Harness;
  let remove: () => void;
  let events: VillageEvent[];
  let ledger: VillageLedger;

  beforeAll(async () => {
    const reference = twoYearReference();
    remove = reference.remove;
    harness = await startHarness(reference.catalog.get(YEAR, REGENCY), reference.catalog);
    ({ events } = await runVillageFullYear(harness.ledger));
    await harness.settle();
    ledger = villageLedger(harness.engine.state(harness.projections.villageLedger), VILLAGE, YEAR)!;
  }, 180_000);
  afterAll(async () => {
    await harness.stop();
    remove();
  });

  test('every projection rebuilt from zero is identical to the live-updated one', async () => {
    const live = serializedStates(harness.engine, harness.projections);
    const rebuilt = await harness.rebuild();
    expect(serializedStates(rebuilt, harness.projections)).toEqual(live);
    await rebuilt.stop();
  }, 60_000);

  test('each month the BKU closes at the cash and bank the month closing booked', () => {
    const closings = events.filter((e) => e.type === 'MonthClosed');
    expect(closings).toHaveLength(12);
    for (const closing of closings) {
      const books = monthBooks(ledger, harness.reference(), closing.data.month);
      const booked = rupiah(closing.data.booked.cashOnHand).plus(rupiah(closing.data.booked.bank));
      expect([closing.data.month, books.bku.closing]).toEqual([
        closing.data.month,
        toAmountText(booked),
      ]);
      expect(books.bank.closing).toBe(closing.data.booked.bank);
      const { cashOnHand, bank } = ledger.fold.fiscalYear!.openingBalances;
      const opening = rupiah(cashOnHand).plus(rupiah(bank));
      expect(toAmountText(netCashThrough(ledger, closing.data.month).plus(opening))).toBe(
        books.bku.closing,
      );
    }
  });

  test('Σ realised spending = Σ payments − returns in the BKU, per source and overall', () => {
    const report = villageRealisation(ledger.fold, harness.reference(), fullYear(YEAR));
    const fromBku = new Map<string, Rupiah>();
    for (const entry of ledger.journal.values())
      for (const line of entry.lines) {
        if (line.role === 'spending') add(fromBku, line.source!, rupiah(line.amount));
        if (line.role === 'return') add(fromBku, line.source!, rupiah(line.amount).negated());
      }
    const realised = new Map(
      Object.entries(report.spendingBySource).map(([s, f]) => [s, rupiah(f.realised)] as const),
    );
    expect(texts(realised)).toEqual(texts(fromBku));
    expect(fromBku.size).toBeGreaterThan(2);
    const overall = rupiah(report.totals.spending.realised).plus(
      rupiah(report.totals.financingExpenditures.realised),
    );
    expect(toAmountText(overall)).toBe(toAmountText(sum(fromBku.values())));
  });

  test('realised revenue = Σ receipts per account (the reversed receipt excluded)', () => {
    const report = villageRealisation(ledger.fold, harness.reference(), fullYear(YEAR));
    const reversed = new Set(
      events.flatMap((e) => (e.type === 'EntryReversed' ? [e.data.entryId] : [])),
    );
    const receipts = new Map<string, Rupiah>();
    for (const e of events)
      if (e.type === 'RevenueReceived' && !reversed.has(e.data.receiptId))
        add(receipts, e.data.account, rupiah(e.data.amount));
    const realised = new Map<string, Rupiah>();
    for (const [key, amount] of Object.entries(report.revenueByAccount))
      add(realised, key.split('|')[0]!, rupiah(amount));
    expect(texts(realised)).toEqual(texts(receipts));
    expect(report.totals.revenue.realised).toBe(toAmountText(sum(receipts.values())));
  });

  test('the running balances and receipts the regency reports read are those of the whole fold', () => {
    const whole = ledger.fold.whole();
    expect(events.some((e) => e.type === 'EntryReversed')).toBe(true);
    const balances = (map: ReadonlyMap<string, Rupiah>) =>
      [...map].filter(([key]) => !key.startsWith('month|')).map(([k, v]) => [k, toAmountText(v)]);
    expect(balances(ledger.fold.books.balances)).toEqual(balances(whole.books.balances));
    const receipts = new Map<string, unknown[]>();
    for (const entry of whole.books.entries.values())
      for (const m of entry.movements.filter((each) => each.kind === 'stage')) {
        const [source = '', stage = ''] = m.id.split('|');
        const receipt = { date: entry.date, entryId: entry.entryId, stage: Number(stage) };
        receipts.set(source, [
          ...(receipts.get(source) ?? []),
          { ...receipt, amount: toAmountText(m.amount) },
        ]);
      }
    expect(new Map(ledger.fold.receipts)).toEqual(receipts);
    expect(receipts.size).toBeGreaterThan(0);
  });

  test('semester I realises less than the year; every total reads Lebih/(Kurang) and % against its own figures', () => {
    const half = villageRealisation(ledger.fold, harness.reference(), semesterOne(YEAR));
    const year = villageRealisation(ledger.fold, harness.reference(), fullYear(YEAR));
    expect(
      rupiah(half.totals.spending.realised).lessThan(rupiah(year.totals.spending.realised)),
    ).toBe(true);
    // Checked backwards: realised + difference gives the budget back, and the
    // percentage of the budget gives the realisation back within its rounding.
    const rows = [
      ...Object.entries(half.totals).map(([name, row]) => [`semester I ${name}`, row] as const),
      ...Object.entries(year.totals).map(([name, row]) => [`year ${name}`, row] as const),
    ];
    const disagreements = rows.flatMap(([name, row]) => {
      const budget = rupiah(row.budget);
      const addsUp = rupiah(row.realised).plus(rupiah(row.difference)).equals(budget);
      const percentFits = budget.isZero()
        ? row.percent === '0.00'
        : /^-?\d+\.\d{2}$/.test(row.percent) &&
          rupiah(row.percent)
            .times(budget)
            .div(100)
            .minus(rupiah(row.realised))
            .abs()
            .lessThanOrEqualTo(budget.abs().times('0.00005'));
      return addsUp && percentFits ? [] : [`${name}: ${JSON.stringify(row)}`];
    });
    expect(disagreements).toEqual([]);
    expect(year.totals.spending.percent).not.toBe('0.00');
  });

  test('activity realisation and Dana Desa absorption add up to the realisation report', () => {
    const reference = harness.reference();
    const activities = activityRealisation(ledger.fold, reference, fullYear(YEAR));
    expect(activities.totals.realised).toBe(
      villageRealisation(ledger.fold, reference, fullYear(YEAR)).totals.spending.realised,
    );
    const dd = danaDesaAbsorption(ledger.fold, reference, semesterOne(YEAR));
    expect(dd.activities.length).toBeGreaterThan(0);
    expect(dd.stageOne.received).not.toBe('0.00');
    expect(dd.stageTwoCondition.minAbsorptionPercent).toBe(
      reference.policy.ddStageTwoCondition.minStageOneAbsorptionPercent,
    );
  });

  test('the village fund flow lists the receipts against the transfers, the regency counts them; the monitoring view shows execution', () => {
    const reference = harness.reference();
    const villages = (code: string) =>
      villageLedger(harness.engine.state(harness.projections.villageLedger), code, YEAR)?.fold;
    const flowState = harness.engine.state(harness.projections.fundFlow);
    const own = villageFundFlowReport(flowState, reference, VILLAGE, villages)!.village;
    const dds = own.sources.find((s) => s.source === 'DDS')!.village!;
    expect(dds.receipts.length).toBeGreaterThan(0);
    expect(dds.received).toBe(toAmountText(sum(dds.receipts.map((r) => rupiah(r.amount)))));
    expect(dds.closingSilpa).not.toBeNull();
    expect(dds.cashRemaining).toBe(dds.closingSilpa);
    const regency = fundFlowReport(flowState, reference, villages)
      .districts.flatMap((d) => d.villages)
      .find((v) => v.villageCode === VILLAGE)!;
    // The regency's part is the village's own with each receipt list replaced by its count.
    const counted = own.sources.map(({ village, ...flow }) => {
      if (!village) return { ...flow, village };
      const { receipts, mismatches, ...amounts } = village;
      expect(amounts.receiptCount).toBe(receipts.length);
      return {
        ...flow,
        village: {
          ...amounts,
          mismatches: mismatches.map(({ receipts: listed, ...mismatch }) => {
            expect(mismatch.receiptCount).toBe(listed.length);
            return mismatch;
          }),
        },
      };
    });
    expect(regency).toEqual({ ...own, sources: counted });
    const monitoring = monitoringReport(
      harness.engine.state(harness.projections.regencyMonitoring),
      reference,
      '2026-01-20',
      undefined,
      villages,
    );
    const row = monitoring.districts
      .flatMap((d) => d.villages)
      .find((v) => v.identity.villageCode === VILLAGE)!;
    expect(row.execution!.closingsDone).toBe(12);
    expect(row.execution!.overduePanjar).toEqual([]);
  });

  test('the month workbook totals are the book totals', () => {
    const books = monthBooks(ledger, harness.reference(), `${YEAR}-03`);
    const [bku] = monthBookTables(books);
    const total = bku!.rows.find((row) => row.style === 'total')!;
    expect(total.cells.payments).toBe(books.bku.totals.payments);
    expect(books.bku.rows.length).toBeGreaterThan(10);
  });
});
