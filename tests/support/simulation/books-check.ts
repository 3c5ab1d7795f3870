import { balancesOf, type MovementKind } from '../../../src/domain/village/books';
import type { VillageState } from '../../../src/domain/village/state';
import type { RecordedEvent } from '../../../src/eventstore/port';
import { fromRecorded } from '../../../src/eventstore/codec/event-codec';
import {
  villageEventSchemas,
  type VillageEvent,
  type VillageEventOf,
} from '../../../src/domain/village/events';
import { LINE_BUDGET_CENTS, OPENING_CENTS } from './scenario';

/** Amount text ("1250000.5", "-3") to cents, exactly: the check does not trust the domain's money code. */
export function cents(text: string): bigint {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return negative ? -value : value;
}

type Ledgers = Record<'cash' | 'source' | 'line' | 'tax', Map<string, bigint>>;
type Delta = [kind: keyof Ledgers, id: string, amount: bigint];

type Withholdings = VillageEventOf<'PaymentRequestPaid'>['data']['withholdings'];

const withheld = (list: Withholdings): Delta[] => list.map((w) => ['tax', w.tax, cents(w.amount)]);

/** What one entry event does to cash, sources, lines and tax payable, with its entry id; undefined for non-entries. */
function deltasOf(event: VillageEvent): [entryId: string, Delta[]] | undefined {
  switch (event.type) {
    case 'RevenueReceived': {
      const { receiptId, into, source, amount } = event.data;
      return [
        receiptId,
        [
          ['cash', into, cents(amount)],
          ['source', source, cents(amount)],
        ],
      ];
    }
    case 'CashReceiptsDeposited':
      return [event.data.stsId, moved('cashOnHand', 'bank', event.data.amount)];
    case 'CashMutated':
      return [event.data.mutationId, moved(event.data.from, event.data.to, event.data.amount)];
    case 'BankFeeCharged': {
      const { feeId, amount, source, lineId } = event.data;
      return [
        feeId,
        [
          ['cash', 'bank', -cents(amount)],
          ['source', source, -cents(amount)],
          ['line', lineId, cents(amount)],
        ],
      ];
    }
    case 'PaymentRequestPaid': {
      const { paymentId, from, net, lines, withholdings } = event.data;
      return [
        paymentId,
        [
          ['cash', from, -cents(net)],
          ...lines.flatMap((l): Delta[] => [
            ['source', l.source, -cents(l.amount)],
            ['line', l.lineId, cents(l.amount)],
          ]),
          ...withheld(withholdings),
        ],
      ];
    }
    case 'PanjarAccounted': {
      const { spjId, returnTo, returned, lines, withholdings } = event.data;
      return [
        spjId,
        [
          ['cash', returnTo, cents(returned)],
          ...lines.flatMap((l): Delta[] => [
            ['source', l.source, cents(l.remainder)],
            ['line', l.lineId, -cents(l.remainder)],
          ]),
          ...withheld(withholdings),
        ],
      ];
    }
    case 'TaxDeposited': {
      const { depositId, from, tax, amount } = event.data;
      return [
        depositId,
        [
          ['cash', from, -cents(amount)],
          ['tax', tax, -cents(amount)],
        ],
      ];
    }
    default:
      return undefined;
  }
}

const moved = (from: string, to: string, amount: string): Delta[] => [
  ['cash', from, -cents(amount)],
  ['cash', to, cents(amount)],
];

/**
 * The books of one village stream recomputed from its events alone, in
 * integer cents, and the ledger invariants checked against them and
 * against the village state the ledger folds:
 * Σ receipts − Σ payments = cash + bank; cash per account and per source ≥ 0;
 * realised ≤ budget per line; withheld − deposited = tax payable ≥ 0;
 * no SPP paid twice (a reversed payment may be paid again).
 */
export class BooksCheck {
  private readonly ledgers: Ledgers = {
    cash: new Map(),
    source: new Map(),
    line: new Map(),
    tax: new Map(),
  };
  private readonly entries = new Map<string, Delta[]>();
  private receipts = 0n;
  private payments = 0n;
  /** Payments standing per SPP: paid minus reversed. */
  private readonly paidPerSpp = new Map<string, number>();
  private readonly sppOfPayment = new Map<string, string>();

  constructor(readonly stream: string) {}

  apply(recorded: RecordedEvent): void {
    const event = fromRecorded<VillageEvent>(villageEventSchemas, recorded);
    if (event.type === 'VillageFiscalYearOpened') {
      const { cashOnHand, bank } = event.data.openingBalances;
      this.add([
        ['cash', 'cashOnHand', cents(cashOnHand)],
        ['cash', 'bank', cents(bank)],
      ]);
      for (const row of event.data.silpa) this.add([['source', row.source, cents(row.amount)]]);
      return;
    }
    if (event.type === 'EntryReversed')
      return this.reverse(event.data.entryId, event.data.reversalId);
    const entry = deltasOf(event);
    if (!entry) return;
    const [entryId, deltas] = entry;
    this.entries.set(entryId, deltas);
    this.add(deltas);
    this.countFlows(deltas, 1n);
    if (event.type === 'PaymentRequestPaid') {
      this.sppOfPayment.set(entryId, event.data.sppId);
      this.paidPerSpp.set(event.data.sppId, (this.paidPerSpp.get(event.data.sppId) ?? 0) + 1);
    }
  }

  private reverse(entryId: string, reversalId: string): void {
    const original = this.entries.get(entryId) ?? [];
    const negated = original.map(([kind, id, amount]): Delta => [kind, id, -amount]);
    this.entries.set(reversalId, negated);
    this.add(negated);
    this.countFlows(original, -1n);
    const spp = this.sppOfPayment.get(entryId);
    if (spp) this.paidPerSpp.set(spp, this.paidPerSpp.get(spp)! - 1);
  }

  private add(deltas: Delta[]): void {
    for (const [kind, id, amount] of deltas)
      this.ledgers[kind].set(id, (this.ledgers[kind].get(id) ?? 0n) + amount);
  }

  /** Money in (receipts) and out (payments), by the net cash effect of each entry. */
  private countFlows(deltas: Delta[], sign: bigint): void {
    const net = deltas
      .filter(([kind]) => kind === 'cash')
      .reduce((total, [, , amount]) => total + amount, 0n);
    if (net > 0n) this.receipts += sign * net;
    else this.payments -= sign * net;
  }

  /** Every invariant that does not hold, described; empty when the books are sound. */
  violations(state: VillageState): string[] {
    const found: string[] = [];
    const fail = (text: string) => found.push(`${this.stream}: ${text}`);
    const cash = [...this.ledgers.cash.values()].reduce((a, b) => a + b, 0n);
    if (OPENING_CENTS + this.receipts - this.payments !== cash)
      fail(`opening + receipts ${this.receipts} − payments ${this.payments} ≠ cash + bank ${cash}`);
    for (const kind of ['cash', 'source', 'line', 'tax'] as const) {
      const booked = new Map(
        balancesOf(state.books, kind as MovementKind).map(([id, value]) => [
          id,
          cents(value.toFixed(2)),
        ]),
      );
      for (const id of new Set([...booked.keys(), ...this.ledgers[kind].keys()])) {
        const mine = this.ledgers[kind].get(id) ?? 0n;
        if ((booked.get(id) ?? 0n) !== mine)
          fail(`${kind} ${id}: state ${booked.get(id)} ≠ events ${mine}`);
        if (kind !== 'line' && mine < 0n) fail(`${kind} ${id} below zero: ${mine}`);
        if (kind === 'line' && mine > (LINE_BUDGET_CENTS[id] ?? 0n))
          fail(`line ${id} realised ${mine} > budget`);
      }
    }
    for (const [spp, count] of this.paidPerSpp)
      if (count > 1) fail(`SPP ${spp} paid ${count} times`);
    return found;
  }
}
