import { figureHistory, lineAcrossVersions } from '../../src/audit/history';
import type { EventStore } from '../../src/eventstore/port';
import { loadFixtureStore } from '../fixtures/events-v1/fixture';
import { VILLAGE, YEAR } from '../support/village-fixtures';

/** On the version-1 fixture: the realistic village's whole 2025. */
describe('history of a figure', () => {
  let store: EventStore;
  beforeAll(async () => {
    store = await loadFixtureStore();
  });

  const history = (
    kind: Parameters<typeof figureHistory>[3]['kind'],
    id: string,
    source?: string,
  ) => figureHistory(store, VILLAGE, YEAR, { kind, id, ...(source ? { source } : {}) });

  test('a corrected receipt: recorded, then reversed by the treasurer with the reason, each linked to the other', async () => {
    const { events } = await history('receipt', 'TBP-PBH-1');
    expect(events.map((e) => [e.type, e.businessDate])).toEqual([
      ['RevenueReceived', '2025-04-15'],
      ['EntryReversed', '2025-05-02'],
    ]);
    const [received, reversed] = events;
    expect(received).toMatchObject({ reversedBy: ['REV-1'], reverses: null });
    expect(reversed).toMatchObject({
      reverses: 'TBP-PBH-1',
      who: { id: 'u-kaur', role: 'kaur-keuangan', displayName: 'Dewi Lestari' },
      why: [expect.stringContaining('Salah ketik jumlah')],
    });
    expect(reversed!.recordedAt > received!.recordedAt).toBe(true);
  });

  test('an SPP: drafted, submitted, verified, approved and paid, by the people who did each', async () => {
    const { events } = await history('spp', 'SPP-001');
    expect(events.map((e) => e.type)).toEqual([
      'PaymentRequestDrafted',
      'PaymentRequestSubmitted',
      'PaymentRequestVerified',
      'PaymentRequestApproved',
      'PaymentRequestPaid',
    ]);
    expect(events.map((e) => e.who.displayName)).toEqual([
      'Bambang',
      'Bambang',
      'Siti Aminah',
      'Haji Slamet',
      'Dewi Lestari',
    ]);
    expect(events.every((e) => e.businessDate !== null && e.recordedAt.length > 0)).toBe(true);
  });

  test('an entry by its number: the payment of an SPP and nothing else', async () => {
    const spp = await history('spp', 'SPP-001');
    const paymentId = (spp.events.at(-1)!.data as { paymentId: string }).paymentId;
    const { events } = await history('entry', paymentId);
    expect(events.map((e) => e.type)).toEqual(['PaymentRequestPaid']);
  });

  test('a budget line: its drafting, its changes by Perkades, and every SPP paying from it', async () => {
    const changed = await history('budget-line', 'operasional-pemdes-1');
    expect(changed.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ApbdesLineDrafted', 'PerkadesChangeEnacted']),
    );
    const { events } = await history('budget-line', 'siltap-kades-1');
    const paid = events.filter((e) => e.type === 'PaymentRequestPaid');
    expect(events[0]!.type).toBe('ApbdesLineDrafted');
    expect(paid.length).toBeGreaterThan(0);
    expect(
      paid.filter(
        (e) =>
          !(e.data as { lines: { lineId: string }[] }).lines.some(
            (l) => l.lineId === 'siltap-kades-1',
          ),
      ),
    ).toEqual([]);
  });

  test('a report cell by account and source: the receipts booked to it, with the corrected one and its reversal', async () => {
    const { events } = await history('account', '4.2.2.01', 'PBH');
    const receipts = events
      .filter((e) => e.type === 'RevenueReceived')
      .map((e) => (e.data as { receiptId: string }).receiptId);
    expect(receipts).toEqual(['TBP-PBH-1', 'TBP-PBH-1B', 'TBP-PBH-2']);
    expect(events.filter((e) => e.type === 'EntryReversed').map((e) => e.reverses)).toEqual([
      'TBP-PBH-1',
    ]);
    const other = await history('account', '4.2.2.01', 'ADD');
    expect(other.events.filter((e) => e.type === 'RevenueReceived')).toEqual([]);
  });

  test('an unknown figure has no history', async () => {
    expect((await history('spp', 'SPP-999')).events).toEqual([]);
  });

  test("a budget line's values side by side across every budget version", async () => {
    const { versions } = await lineAcrossVersions(store, VILLAGE, YEAR, 'operasional-pemdes-1');
    const amounts = versions.map((v) => [v.label, v.kind, v.line?.amount ?? null]);
    expect(amounts.length).toBeGreaterThanOrEqual(3);
    expect(amounts[0]).toEqual([expect.any(String), 'original', '18500000.00']);
    expect(amounts.at(-1)).toEqual([expect.any(String), 'perkades', '16500000.00']);
    const lateAid = await lineAcrossVersions(store, VILLAGE, YEAR, 'balai-desa-1');
    expect(lateAid.versions[0]!.line).toBeNull();
    expect(lateAid.versions.at(-1)!.line).toMatchObject({ source: 'PBK', amount: '35000000.00' });
  });
});
