import fc from 'fast-check';
import { DomainError } from '../../src/domain/shared/domain-error';
import { balancesOf } from '../../src/domain/village/books';
import { lastDayOfMonth } from '../../src/domain/village/calendar';
import { villageDecider } from '../../src/domain/village/decider';
import type { VillageEvent, VillageEventOf } from '../../src/domain/village/events';
import { by, command, type RawCommand } from '../support/decider-specification';
import {
  approveSpp,
  draftSpp,
  enactedExecutionBudget,
  evidenceOf,
  executionSpec,
  KAUR,
  paySpp,
  receipt,
} from '../support/village-fixtures';

/**
 * Random sequences of receipts, SPPs of the three kinds, payments, SPJ,
 * tax deposits, mutations, bank fees, reversals and monthly closings. After
 * every accepted step the invariants hold, recomputed here in integer cents
 * from the events (not from the domain's money code):
 * Σ receipts − Σ payments = cash + bank; cash per source ≥ 0;
 * realised ≤ budget per line; withheld − deposited = tax payable.
 */
const LINES = {
  's-road': { source: 'DDS', activity: 'road', budget: 110_000_000_00n },
  's-office': { source: 'ADD', activity: 'office', budget: 6_000_000_00n },
  's-siltap': { source: 'ADD', activity: 'siltap', budget: 48_000_000_00n },
} as const;
const BUDGETS: Record<string, bigint> = {
  ...Object.fromEntries(Object.entries(LINES).map(([id, line]) => [id, line.budget])),
  's-bankfee': 600_000_00n,
  'f-bumdes': 5_400_000_00n,
};
const OPENING = 10_000_000_00n;
const TAXES = ['PPh22', 'PPN', 'PPh23', 'PPh21'];

function cents(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -value : value;
}

const amount = fc.constantFrom(
  '150000',
  '1999999.99',
  '2000000',
  '2500000',
  '4000000.50',
  '12000000',
);
const account = fc.constantFrom('cashOnHand', 'bank');
const month = fc.integer({ min: 1, max: 12 }).map((m) => String(m).padStart(2, '0'));
const day = (m: string, d = '10') => `2025-${m}-${d}`;
const earlyMonth = fc.integer({ min: 1, max: 3 }).map((m) => String(m).padStart(2, '0'));
const lineId = fc.constantFrom(...(Object.keys(LINES) as (keyof typeof LINES)[]));
const taxes = fc.subarray(TAXES, { maxLength: 2 });

let sequence = 0;
const fresh = (prefix: string) => `${prefix}-${(sequence += 1)}`;

const action: fc.Arbitrary<(entries: string[]) => RawCommand[]> = fc.oneof(
  fc
    .tuple(fc.constantFrom('ADD', 'PAD', 'DDS'), amount, account, month, fc.constantFrom(1, 2))
    .map(([source, value, into, m, stage]) => () => [
      receipt(fresh('TBP'), value, {
        source,
        into,
        date: day(m, '05'),
        ...(source === 'PAD' ? { account: '4.1.1.01' } : {}),
        ...(source === 'DDS' ? { transfer: { stage, reference: 'SP2D' } } : {}),
      }),
    ]),
  fc.tuple(lineId, amount, taxes, account, month).map(([id, value, named, from, m]) => () => {
    const sppId = fresh('LS');
    return [
      draftSpp(
        sppId,
        'LS',
        LINES[id].activity,
        [{ lineId: id, source: LINES[id].source, amount: value, taxes: named }],
        day(m),
      ),
      ...approveSpp(sppId, day(m)),
      paySpp(fresh('PAY'), sppId, { from, date: day(m, '12') }),
    ];
  }),
  fc
    .tuple(lineId, amount, account, month, fc.constantFrom(0, 1, 2), taxes)
    .map(([id, value, from, m, spentShare, named]) => () => {
      const sppId = fresh('UM');
      const spent = (cents(value) * BigInt(spentShare)) / 2n;
      const evidence =
        spent === 0n
          ? []
          : [
              {
                ...evidenceOf(fresh('NOTA'), day(m, '14')),
                amount: `${spent / 100n}.${String(spent % 100n).padStart(2, '0')}`,
                taxes: named,
              },
            ];
      return [
        draftSpp(
          sppId,
          'UM',
          LINES[id].activity,
          [{ lineId: id, source: LINES[id].source, amount: value }],
          day(m),
        ),
        ...approveSpp(sppId, day(m)),
        paySpp(fresh('PAY'), sppId, { from, date: day(m, '12') }),
        by(
          KAUR,
          command('AccountPanjar', {
            spjId: fresh('SPJ'),
            sppId,
            date: day(m, '20'),
            returnTo: from,
            lines: [{ lineId: id, evidence }],
          }),
        ),
      ];
    }),
  fc.tuple(amount, month).map(([value, m]) => () => {
    const sppId = fresh('PBY');
    return [
      draftSpp(
        sppId,
        'PBY',
        undefined,
        [{ lineId: 'f-bumdes', source: 'ADD', amount: value }],
        day(m),
      ),
      ...approveSpp(sppId, day(m)),
      paySpp(fresh('PAY'), sppId, { date: day(m, '12') }),
    ];
  }),
  fc
    .tuple(fc.constantFrom(...TAXES), fc.constantFrom('37500', '275000', '10000'), account, month)
    .map(([tax, value, from, m]) => () => [
      by(
        KAUR,
        command('DepositTax', {
          depositId: fresh('SSP'),
          tax,
          date: day(m, '15'),
          amount: value,
          from,
          billingCode: '123456789012345',
          ntpn: 'A1B2C3D4E5F6G7H8',
        }),
      ),
    ]),
  fc.tuple(account, amount, month).map(([from, value, m]) => () => [
    by(
      KAUR,
      command('RecordCashMutation', {
        mutationId: fresh('MUT'),
        date: day(m, '08'),
        from,
        to: from === 'bank' ? 'cashOnHand' : 'bank',
        amount: value,
        description: 'mutasi',
      }),
    ),
  ]),
  fc.tuple(fc.constantFrom('15000', '2500.50'), month).map(([value, m]) => () => [
    by(
      KAUR,
      command('RecordBankFee', {
        feeId: fresh('ADM'),
        date: day(m, '28'),
        amount: value,
        lineId: 's-bankfee',
        statementReference: 'RK',
      }),
    ),
  ]),
  fc.tuple(fc.nat(), month).map(
    ([pick, m]) =>
      (entries: string[]) =>
        entries.length === 0
          ? []
          : [
              by(
                KAUR,
                command('ReverseEntry', {
                  reversalId: fresh('REV'),
                  entryId: entries[pick % entries.length] ?? '',
                  date: day(m, '25'),
                  reason: 'koreksi',
                }),
              ),
            ],
  ),
  // Early months, so that closings progress in order and later entries meet closed months.
  earlyMonth.map((m) => () => [
    by(
      KAUR,
      command('CloseMonth', {
        month: `2025-${m}`,
        date: lastDayOfMonth(`2025-${m}`),
        cashCount: '0',
        bankBalance: '0',
      }),
    ),
  ]),
);

/** What one entry contributed, in cents, so that its reversal can take it back. */
interface Contribution {
  flow: bigint;
  sources: Map<string, bigint>;
  lines: Map<string, bigint>;
  taxes: Map<string, bigint>;
}

const add = (map: Map<string, bigint>, key: string, value: bigint) =>
  map.set(key, (map.get(key) ?? 0n) + value);

function contributionOf(
  event: VillageEvent,
  contributions: Map<string, Contribution>,
): [string, Contribution] | undefined {
  const c: Contribution = { flow: 0n, sources: new Map(), lines: new Map(), taxes: new Map() };
  const withheld = (list: VillageEventOf<'PaymentRequestPaid'>['data']['withholdings']) => {
    for (const w of list) {
      c.flow += cents(w.amount);
      add(c.taxes, w.tax, cents(w.amount));
    }
  };
  switch (event.type) {
    case 'RevenueReceived':
      c.flow += cents(event.data.amount);
      add(c.sources, event.data.source, cents(event.data.amount));
      return [event.data.receiptId, c];
    case 'PaymentRequestPaid':
      for (const line of event.data.lines) {
        c.flow -= cents(line.amount);
        add(c.sources, line.source, -cents(line.amount));
        add(c.lines, line.lineId, cents(line.amount));
      }
      withheld(event.data.withholdings);
      return [event.data.paymentId, c];
    case 'PanjarAccounted':
      for (const line of event.data.lines) {
        c.flow += cents(line.remainder);
        add(c.sources, line.source, cents(line.remainder));
        add(c.lines, line.lineId, -cents(line.remainder));
      }
      withheld(event.data.withholdings);
      return [event.data.spjId, c];
    case 'TaxDeposited':
      c.flow -= cents(event.data.amount);
      add(c.taxes, event.data.tax, -cents(event.data.amount));
      return [event.data.depositId, c];
    case 'BankFeeCharged':
      c.flow -= cents(event.data.amount);
      add(c.sources, event.data.source, -cents(event.data.amount));
      add(c.lines, event.data.lineId, cents(event.data.amount));
      return [event.data.feeId, c];
    case 'EntryReversed': {
      const original = contributions.get(event.data.entryId) ?? {
        flow: 0n,
        sources: new Map(),
        lines: new Map(),
        taxes: new Map(),
      };
      const negate = (map: Map<string, bigint>) => new Map([...map].map(([k, v]) => [k, -v]));
      return [
        event.data.reversalId,
        {
          flow: -original.flow,
          sources: negate(original.sources),
          lines: negate(original.lines),
          taxes: negate(original.taxes),
        },
      ];
    }
    default:
      return undefined;
  }
}

describe('execution properties', () => {
  const spec = executionSpec();
  const start = spec.replay(enactedExecutionBudget());
  let accepted = 0;
  let reversals = 0;
  const seen = new Set<string>();

  afterAll(() => {
    // The generator must reach every kind of entry, or the property would be vacuous.
    expect(accepted).toBeGreaterThan(3000);
    expect(reversals).toBeGreaterThan(100);
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'BankFeeCharged',
        'CashMutated',
        'EntryReversed',
        'MonthClosed',
        'PanjarAccounted',
        'PaymentRequestPaid',
        'RevenueReceived',
        'TaxDeposited',
      ]),
    );
  });

  it('keeps cash = receipts − payments, sources ≥ 0, realised ≤ budget, withheld − deposited = payable', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 12 }), (actions) => {
        let state = start;
        let flow = OPENING;
        const sources = new Map<string, bigint>([['DDS', OPENING]]);
        const lines = new Map<string, bigint>();
        const taxPayable = new Map<string, bigint>();
        const contributions = new Map<string, Contribution>();
        const entries: string[] = [];
        for (const build of actions) {
          for (const raw of build(entries)) {
            const decision = spec.decide(raw, state);
            if (decision instanceof DomainError) continue;
            for (const event of decision) {
              state = villageDecider.evolve(state, event);
              accepted += 1;
              seen.add(event.type);
              const found = contributionOf(event, contributions);
              if (!found) continue;
              const [entryId, c] = found;
              if (event.type === 'EntryReversed') reversals += 1;
              else entries.push(entryId);
              contributions.set(entryId, c);
              flow += c.flow;
              for (const [k, v] of c.sources) add(sources, k, v);
              for (const [k, v] of c.lines) add(lines, k, v);
              for (const [k, v] of c.taxes) add(taxPayable, k, v);
            }
            const books = state.domain.books;
            const booked = (kind: 'cash' | 'source' | 'line' | 'tax') =>
              new Map(balancesOf(books, kind).map(([id, value]) => [id, cents(value.toFixed(2))]));
            const cash = booked('cash');
            expect((cash.get('cashOnHand') ?? 0n) + (cash.get('bank') ?? 0n)).toBe(flow);
            expect([...cash.values()].every((value) => value >= 0n)).toBe(true);
            for (const [source, value] of sources) {
              expect(value).toBeGreaterThanOrEqual(0n);
              expect(booked('source').get(source) ?? 0n).toBe(value);
            }
            for (const [line, value] of lines) {
              expect(value).toBeLessThanOrEqual(BUDGETS[line] ?? 0n);
              expect(booked('line').get(line) ?? 0n).toBe(value);
            }
            for (const [tax, value] of taxPayable) {
              expect(value).toBeGreaterThanOrEqual(0n);
              expect(booked('tax').get(tax) ?? 0n).toBe(value);
            }
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
