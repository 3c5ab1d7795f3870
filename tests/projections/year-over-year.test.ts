import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { rupiah, sum, toAmountText } from '../../src/domain/shared/money';
import { villageFundFlowReport } from '../../src/reports/fund-flow/fund-flow-report';
import { fullYear } from '../../src/reports/realisation/periods';
import { villageRealisation } from '../../src/reports/realisation/village-realisation';
import { loadVillageTemplate } from '../../src/scenario/village-template';
import { villageScenario } from '../../src/scenario/village-scenario';
import { villageLedger } from '../../projections/read-models/village-ledger';
import { command } from '../support/decider-specification';
import { rawOf } from '../support/scenario-driver';
import { KAUR } from '../support/village-fixtures';
import { startHarness, type Harness } from './support/harness';

const REGENCY = '35.99';
const VILLAGE = '35.99.01.2001';
const FIRST = 2024;
const NEXT = 2025;

describe('a village year in 2024 closes and 2025 opens from it', () => {
  const catalog = new ReferenceCatalog();
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness(catalog.get(FIRST, REGENCY), catalog, [
      catalog.get(NEXT, REGENCY),
    ]);
    await harness.ledger.executeRegencyCommand(
      REGENCY,
      FIRST,
      command('OpenRegencyFiscalYear', {}),
    );
    const { steps } = villageScenario({
      villageCode: VILLAGE,
      villageName: 'Rejosari',
      fiscalYear: FIRST,
      reference: catalog.get(FIRST, REGENCY),
      template: loadVillageTemplate(NEXT),
      seed: FIRST,
      amounts: 'drawn',
      extent: 'year',
      cashOnHand: '1250000',
    });
    const closing = steps.filter((step) => step.type === 'CloseFiscalYear');
    expect(closing).toHaveLength(1);
    for (const step of steps) {
      if (step === closing[0])
        await expect(harness.ledger.openNextFiscalYear(VILLAGE, FIRST, KAUR)).rejects.toMatchObject(
          { rule: 'FISCAL_YEAR_NOT_CLOSED' },
        );
      if (step === closing[0])
        await expect(
          harness.ledger.executeVillageCommand(
            VILLAGE,
            NEXT,
            command('OpenVillageFiscalYear', {
              openingBalances: { cashOnHand: '0', bank: '0' },
              silpa: [],
            }),
          ),
        ).rejects.toMatchObject({
          rule: 'PREVIOUS_FISCAL_YEAR_CLOSED',
          field: 'fiscalYear',
          value: String(FIRST),
        });
      if (step.stream === 'regency')
        await harness.ledger.executeRegencyCommand(REGENCY, FIRST, rawOf(step));
      else await harness.ledger.executeVillageCommand(VILLAGE, FIRST, rawOf(step));
    }
    await harness.ledger.openNextFiscalYear(VILLAGE, FIRST, KAUR);
    await harness.settle();
  }, 300_000);
  afterAll(() => harness.stop());

  const viewOf = (year: number) =>
    villageLedger(harness.engine.state(harness.projections.villageLedger), VILLAGE, year)!.fold;
  const closingSilpa = () => viewOf(FIRST).whole().closing.year!.silpa;

  it("2024's report realises its own year; 2025's SiLPA row is 2024's closing SiLPA, linked to the closing", () => {
    const closed = closingSilpa();
    expect(closed.length).toBeGreaterThan(0);
    const carriedTotal = toAmountText(sum(closed.map((entry) => rupiah(entry.amount))));

    const first = villageRealisation(viewOf(FIRST), catalog.get(FIRST, REGENCY), fullYear(FIRST));
    expect(first.identity).toMatchObject({ fiscalYear: FIRST });
    expect(first.totals.financingReceipts.realised).toBe(
      toAmountText(sum(viewOf(FIRST).fiscalYear!.silpa.map((entry) => rupiah(entry.amount)))),
    );
    expect(rupiah(first.totals.spending.realised).isPositive()).toBe(true);
    // The year's SiLPA three ways: the LRA's SiLPA/SiKPA row, the closing per source, and the cash less tax payable.
    expect(first.totals.silpa.realised).toBe(carriedTotal);
    const closing = viewOf(FIRST).whole().closing.year!;
    const cash = rupiah(closing.balances.cashOnHand).plus(rupiah(closing.balances.bank));
    const taxPayable = sum((closing.taxPayable ?? []).map((entry) => rupiah(entry.amount)));
    expect(toAmountText(cash.minus(taxPayable))).toBe(carriedTotal);

    const next = villageRealisation(viewOf(NEXT), catalog.get(NEXT, REGENCY), fullYear(NEXT));
    const silpaRow = next.financingReceipts
      .flatMap((node) => [node, ...node.children])
      .find((node) => node.code === '6.1.1');
    expect(silpaRow?.realised).toBe(carriedTotal);
    expect(next.totals.financingReceipts.realised).toBe(carriedTotal);

    const opened = viewOf(NEXT).fiscalYear!;
    expect(opened.silpa).toEqual(closed);
    expect(opened.carriedFrom).toMatchObject({ streamId: `village-${VILLAGE}-${FIRST}` });
  });

  it("the fund flow opens each source of 2025 on 2024's closing SiLPA", () => {
    const flow = (year: number) =>
      villageFundFlowReport(
        harness.engine.state(harness.projections.fundFlow),
        catalog.get(year, REGENCY),
        VILLAGE,
        (code) =>
          villageLedger(harness.engine.state(harness.projections.villageLedger), code, year)?.fold,
      )!.village.sources;
    const closedBySource = Object.fromEntries(
      closingSilpa().map((entry) => [entry.source, entry.amount]),
    );
    const closedIn2024 = Object.fromEntries(
      flow(FIRST)
        .filter((row) => row.village && !rupiah(row.village.closingSilpa ?? '0').isZero())
        .map((row) => [row.source, row.village!.closingSilpa]),
    );
    const openedIn2025 = Object.fromEntries(
      flow(NEXT)
        .filter((row) => row.village && !rupiah(row.village.openingSilpa).isZero())
        .map((row) => [row.source, row.village!.openingSilpa]),
    );
    expect(closedIn2024).toEqual(closedBySource);
    expect(openedIn2025).toEqual(closedBySource);
  });
});
