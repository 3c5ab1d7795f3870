import { createLedger, type Ledger } from '../../src/app/ledger';
import { createMemoryStore } from '../../src/eventstore/memory';
import { withHashChain } from '../../src/eventstore/chained-store';
import type { VillageEvent } from '../../src/domain/village/events';
import { villageStreamId } from '../../src/domain/village/decider';
import type { EventStore } from '../../src/eventstore/port';
import { KAUR, VILLAGE, YEAR } from '../support/village-fixtures';
import {
  cents,
  runVillageFullYear,
  text,
  twoYearReference,
  type FullYear,
} from '../support/village-full-year';

describe('a full year of the realistic village', () => {
  let ledger: Ledger;
  let store: EventStore;
  let remove: () => void;
  let events: VillageEvent[];
  let expected: FullYear['expected'];

  beforeAll(async () => {
    const reference = twoYearReference();
    remove = reference.remove;
    store = withHashChain(createMemoryStore());
    ledger = createLedger({ store, reference: reference.catalog });
    ({ events, expected } = await runVillageFullYear(ledger));
  }, 120_000);

  afterAll(() => remove());

  const ofType = <T extends VillageEvent['type']>(type: T) =>
    events.filter((event): event is Extract<VillageEvent, { type: T }> => event.type === type);

  it('ran 150 SPPs of all three kinds, panjar accounted with returns, three Dana Desa stage receipts', () => {
    const paid = ofType('PaymentRequestPaid');
    expect(paid).toHaveLength(150);
    expect(new Set(paid.map((event) => event.data.kind))).toEqual(new Set(['UM', 'LS', 'PBY']));
    const panjar = paid.filter((event) => event.data.kind === 'UM');
    expect(panjar.length).toBeGreaterThan(30);
    expect(ofType('PanjarAccounted').map((event) => event.data.sppId)).toEqual(
      panjar.map((event) => event.data.sppId),
    );
    expect(ofType('PanjarAccounted').every((event) => cents(event.data.returned) > 0n)).toBe(true);
    expect(ofType('RevenueReceived').filter((event) => event.data.source === 'DDS')).toHaveLength(
      3,
    );
    expect(paid.filter((event) => event.data.withholdings.length > 0).length).toBeGreaterThan(60);
  });

  it('closed 12 months against the independent books, with the March cash count Rp 1,000 short', () => {
    const closings = ofType('MonthClosed');
    expect(closings.map((event) => [event.data.month, event.data.booked])).toEqual(
      expected.closings.map(({ month, cash, bank }) => [
        month,
        { cashOnHand: text(cash), bank: text(bank) },
      ]),
    );
    expect(
      closings
        .filter((event) => event.data.difference.cashOnHand !== '0.00')
        .map((event) => [event.data.month, event.data.difference.cashOnHand]),
    ).toEqual([['2025-03', '-1000.00']]);
  });

  it('recorded one correction: the reversal names the entry and why, the right entry follows', () => {
    expect(ofType('EntryReversed').map((event) => event.data)).toEqual([
      expect.objectContaining({
        entryId: 'TBP-PBH-1',
        entryType: 'RevenueReceived',
        date: '2025-05-02',
      }),
    ]);
  });

  it('closes the year with cash, SiLPA per source and tax payable to the rupiah', () => {
    const [closing] = ofType('FiscalYearClosed');
    expect(closing?.data).toEqual({
      date: '2025-12-31',
      balances: { cashOnHand: text(expected.cash), bank: text(expected.bank) },
      silpa: [...expected.sources]
        .filter(([, amount]) => amount !== 0n)
        .map(([source, amount]) => ({ source, amount: text(amount) })),
      taxPayable: [...expected.taxes]
        .filter(([, amount]) => amount !== 0n)
        .map(([tax, amount]) => ({ tax, amount: text(amount) })),
    });
    const silpa = [...expected.sources.values()].reduce((a, b) => a + b, 0n);
    const payable = [...expected.taxes.values()].reduce((a, b) => a + b, 0n);
    expect(expected.cash + expected.bank).toBe(silpa + payable);
    expect(expected.taxes.size).toBeGreaterThan(0);
  });

  it('opens 2026 with that SiLPA and those balances, linked to the closing event, once', async () => {
    const opened = await ledger.openNextFiscalYear(VILLAGE, YEAR, KAUR);
    const [closing] = ofType('FiscalYearClosed');
    const closedStream = villageStreamId(VILLAGE, YEAR);
    const recorded = (await store.readStream(closedStream)).find(
      (event) => event.type === 'FiscalYearClosed',
    );
    expect(opened.events.map((event) => [event.type, event.data])).toEqual([
      [
        'VillageFiscalYearOpened',
        {
          openingBalances: closing?.data.balances,
          silpa: closing?.data.silpa,
          taxPayable: closing?.data.taxPayable,
          villageCode: VILLAGE,
          fiscalYear: YEAR + 1,
          carriedFrom: {
            streamId: closedStream,
            revision: Number(recorded?.revision),
            eventId: recorded?.id,
          },
        },
      ],
    ]);
    expect(recorded?.revision).toBeGreaterThan(0n);
    const again = await ledger.openNextFiscalYear(VILLAGE, YEAR, KAUR);
    expect(again.duplicate).toBe(true);
    expect((await ledger.villageState(VILLAGE, YEAR + 1)).fiscalYear?.silpa).toEqual(
      closing?.data.silpa,
    );
  });

  it('refuses to open the next year from a year not closed', async () => {
    await expect(ledger.openNextFiscalYear(VILLAGE, YEAR + 1, KAUR)).rejects.toMatchObject({
      rule: 'FISCAL_YEAR_NOT_CLOSED',
    });
  });
});
