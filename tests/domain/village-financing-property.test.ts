import fc from 'fast-check';
import { DomainError } from '../../src/domain/shared/domain-error';
import { balanceOf } from '../../src/domain/village/books';
import { villageDecider } from '../../src/domain/village/decider';
import type { VillageEvent } from '../../src/domain/village/events';
import { by, command, type RawCommand } from '../support/decider-specification';
import {
  budget,
  eventsOf,
  income,
  pay,
  realisationOf,
  receive,
  spec,
} from '../support/financing-budget';
import { KAUR, paidSpp } from '../support/village-fixtures';

/**
 * For any sequence of receipts, SPP payments (with taxes withheld), tax
 * deposits and financing entries, the LRA's SiLPA/SiKPA row (surplus + net
 * financing, with the opening SiLPA realised) is the cash the year closes
 * with less the tax still payable, and that is what each fund source holds;
 * when the year is formally closed, its closing event says the same per
 * source and per tax. Expected figures are recomputed here in integer cents
 * from the events.
 */
function cents(text: string): bigint {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}
const rupiahText = (value: bigint) =>
  `${value < 0n ? '-' : ''}${(value < 0n ? -value : value) / 100n}.${String((value < 0n ? -value : value) % 100n).padStart(2, '0')}`;

const amount = fc.constantFrom('150000', '999999.99', '2500000', '4000000.50', '7000000');
const cash = fc.constantFrom('cashOnHand' as const, 'bank' as const);
const day = fc.integer({ min: 1, max: 12 }).map((m) => `2025-${String(m).padStart(2, '0')}-10`);

const RECEIPT_LINES = [
  { lineId: 'f-reserve-in', account: '6.1.2.01', source: 'PAD' },
  { lineId: 'f-sale', account: '6.1.3.01', source: 'PAD' },
  { lineId: 'f-other-in', account: '6.1.9.99', source: 'PAD' },
];
const EXPENDITURE_LINES = [
  { lineId: 'f-reserve-out', account: '6.2.1.01', source: 'ADD' },
  { lineId: 'f-capital', account: '6.2.2.01', source: 'PAD' },
  { lineId: 'f-other-out', account: '6.2.9.99', source: 'ADD' },
];

let sequence = 0;
const fresh = (prefix: string) => `${prefix}-${(sequence += 1)}`;

const action: fc.Arbitrary<() => RawCommand[]> = fc.oneof(
  fc
    .tuple(fc.constantFrom('ADD', 'PAD'), amount)
    .map(([source, value]) => () => [income(source, value, fresh('TBP'))]),
  fc
    .tuple(fc.constantFrom(...RECEIPT_LINES), amount, cash, day)
    .map(([line, value, into, date]) => () => [
      receive({ ...line, id: fresh('PB'), amount: value, cash: into, date }),
    ]),
  fc
    .tuple(fc.constantFrom(...EXPENDITURE_LINES), amount, cash, day)
    .map(([line, value, from, date]) => () => [
      pay({ ...line, id: fresh('PP'), amount: value, cash: from, date }),
    ]),
  fc
    .tuple(
      fc.constantFrom(
        { activity: 'siltap', lineId: 's-siltap', source: 'ADD' },
        { activity: 'office', lineId: 's-office', source: 'PAD' },
      ),
      amount,
      fc.subarray(['PPh22', 'PPN']),
      cash,
      fc.boolean(),
    )
    .map(([line, value, taxes, from, depositNow]) => () => [
      ...paidSpp(
        fresh('SPP'),
        'LS',
        line.activity,
        [{ lineId: line.lineId, source: line.source, amount: value, taxes }],
        from,
      ),
      // Part of a tax the payment withheld, deposited at once: every amount above withholds more than this.
      ...(depositNow && taxes[0] ? [deposit(fresh('SSP'), taxes[0], '1500', from)] : []),
    ]),
  fc
    .tuple(fc.constantFrom('PPh22', 'PPN'), fc.constantFrom('1500', '16500', '275000'), cash)
    .map(([tax, value, from]) => () => [deposit(fresh('SSP'), tax, value, from)]),
);

const deposit = (depositId: string, tax: string, amount: string, from: 'cashOnHand' | 'bank') =>
  by(
    KAUR,
    command('DepositTax', {
      depositId,
      tax,
      date: '2025-12-15',
      amount,
      from,
      billingCode: '123456789012345',
      ntpn: 'A1B2C3D4E5F6G7H8',
    }),
  );

/** The budget with some money in each source that pays, so most payments are possible. */
const funded: RawCommand[] = [
  ...budget,
  income('ADD', '20000000', 'TBP-ADD'),
  income('PAD', '15000000', 'TBP-PAD'),
];

/** Every month closed (the counts declared need not match), then the year. */
const closing: RawCommand[] = [
  ...Array.from({ length: 12 }, (_, index) =>
    by(
      KAUR,
      command('CloseMonth', {
        month: `2025-${String(index + 1).padStart(2, '0')}`,
        date: '2025-12-31',
        cashCount: '0',
        bankBalance: '0',
      }),
    ),
  ),
  by(KAUR, command('CloseFiscalYear', { date: '2025-12-31' })),
];

/** Per source: the opening SiLPA, plus what came in, less what went out, from the events. */
function heldBySource(events: VillageEvent[]): Map<string, bigint> {
  const held = new Map<string, bigint>();
  const add = (source: string, value: bigint) => held.set(source, (held.get(source) ?? 0n) + value);
  for (const event of events) {
    if (event.type === 'VillageFiscalYearOpened')
      for (const carried of event.data.silpa) add(carried.source, cents(carried.amount));
    if (event.type === 'RevenueReceived' || event.type === 'FinancingReceiptRecorded')
      add(event.data.source, cents(event.data.amount));
    if (event.type === 'FinancingExpenditureRecorded')
      add(event.data.source, -cents(event.data.amount));
    if (event.type === 'PaymentRequestPaid')
      for (const line of event.data.lines) add(line.source, -cents(line.amount));
  }
  return held;
}

/** Per tax: what the payments withheld less what was deposited, from the events. */
function payableByTax(events: VillageEvent[]): Map<string, bigint> {
  const payable = new Map<string, bigint>();
  const add = (tax: string, value: bigint) => payable.set(tax, (payable.get(tax) ?? 0n) + value);
  for (const event of events) {
    if (event.type === 'PaymentRequestPaid')
      for (const withheld of event.data.withholdings) add(withheld.tax, cents(withheld.amount));
    if (event.type === 'TaxDeposited') add(event.data.tax, -cents(event.data.amount));
  }
  return payable;
}

const sum = (values: Iterable<bigint>) => [...values].reduce((a, b) => a + b, 0n);
const nonZero = (entries: Map<string, bigint>) =>
  [...entries]
    .filter(([, value]) => value !== 0n)
    .map(([key, value]) => [key, rupiahText(value)])
    .sort();

describe('the LRA SiLPA/SiKPA row over any year of receipts, payments, taxes and financing', () => {
  test('equals the closing cash less the tax payable, which is what the fund sources hold; the formal closing agrees', () => {
    const booked = new Set<string>();
    fc.assert(
      fc.property(fc.array(action, { maxLength: 16 }), fc.boolean(), (actions, close) => {
        // Each action's commands are taken whole or, if one is refused, not at all.
        let state = spec.replay(funded);
        const accepted: RawCommand[] = [...funded];
        for (const next of [...actions, ...(close ? [() => closing] : [])]) {
          const commands = next();
          let trial = state;
          const refused = commands.some((raw) => {
            const decision = spec.decide(raw, trial);
            if (decision instanceof DomainError) return true;
            trial = decision.reduce(villageDecider.evolve, trial);
            return false;
          });
          if (refused) continue;
          state = trial;
          accepted.push(...commands);
        }
        const events = eventsOf(accepted);
        for (const event of events) booked.add(event.type);
        const held = heldBySource(events);
        const payable = payableByTax(events);
        const books = state.domain.books;
        for (const [source, value] of held)
          expect([source, balanceOf(books, 'source', source).toFixed(2)]).toEqual([
            source,
            rupiahText(value),
          ]);
        const closingCash = balanceOf(books, 'cash', 'cashOnHand').plus(
          balanceOf(books, 'cash', 'bank'),
        );
        expect(closingCash.toFixed(2)).toBe(rupiahText(sum(held.values()) + sum(payable.values())));
        expect(realisationOf(accepted).totals.silpa.realised).toBe(rupiahText(sum(held.values())));
        const closed = events.find((event) => event.type === 'FiscalYearClosed');
        if (closed?.type !== 'FiscalYearClosed') return;
        const asEntries = (rows: { amount: string }[], key: (row: never) => string) =>
          rows
            .filter((row) => cents(row.amount) !== 0n)
            .map((row) => [key(row as never), row.amount])
            .sort();
        expect(asEntries(closed.data.silpa, (row: { source: string }) => row.source)).toEqual(
          nonZero(held),
        );
        expect(asEntries(closed.data.taxPayable, (row: { tax: string }) => row.tax)).toEqual(
          nonZero(payable),
        );
      }),
      { numRuns: 40, seed: 20251231 },
    );
    // The runs did book each kind of entry, so the equalities were not about an empty year.
    for (const type of [
      'RevenueReceived',
      'PaymentRequestPaid',
      'FinancingReceiptRecorded',
      'FinancingExpenditureRecorded',
      'TaxDeposited',
      'FiscalYearClosed',
    ])
      expect([type, booked.has(type)]).toEqual([type, true]);
  });
});
