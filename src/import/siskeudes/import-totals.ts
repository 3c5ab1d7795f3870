import { rupiah, sum, toAmountText, type Rupiah } from '../../domain/shared/money';
import type { EventData } from '../../eventstore/port';

/** What an import booked, in rupiah text: the summary an importer checks against Siskeudes' own reports. */
export interface ImportTotals {
  budget: {
    revenue: string;
    spending: string;
    financingReceipts: string;
    financingExpenditures: string;
  };
  received: string;
  paid: { gross: string; withheld: string; net: string };
  taxDeposited: string;
  /** Cash receipts paid into the bank (STS). */
  cashDeposited: string;
  /** What the panjar SPJs account for: spent on evidence, taxes withheld on it, handed back. */
  panjarAccounted: { spent: string; withheld: string; returned: string };
  /** Mutations (Ta_Mutasi) between the cash and the bank, each way; bank interest is in `received`. */
  cashMutated: { toBank: string; toCash: string };
  bankFees: string;
}

export function importTotals(events: readonly EventData[]): ImportTotals {
  const amounts = (type: string, pick: (data: Record<string, unknown>) => unknown) =>
    toAmountText(
      sum(
        events
          .filter((event) => event.type === type)
          .map((event): Rupiah => rupiah(String(pick(event.data)))),
      ),
    );
  const line = (kind: string, direction?: string) =>
    amounts('ApbdesLineDrafted', (data) => {
      const drafted = data.line as { kind: string; amount: string; direction?: string };
      return drafted.kind === kind && drafted.direction === direction ? drafted.amount : '0';
    });
  return {
    budget: {
      revenue: line('revenue'),
      spending: line('spending'),
      financingReceipts: line('financing', 'receipt'),
      financingExpenditures: line('financing', 'expenditure'),
    },
    received: amounts('RevenueReceived', (data) => data.amount),
    paid: {
      gross: amounts('PaymentRequestPaid', (data) => data.gross),
      withheld: amounts('PaymentRequestPaid', (data) => data.withheld),
      net: amounts('PaymentRequestPaid', (data) => data.net),
    },
    taxDeposited: amounts('TaxDeposited', (data) => data.amount),
    cashDeposited: amounts('CashReceiptsDeposited', (data) => data.amount),
    panjarAccounted: {
      spent: amounts('PanjarAccounted', (data) => amountOf(data.lines, 'spent')),
      withheld: amounts('PanjarAccounted', (data) => amountOf(data.withholdings, 'amount')),
      returned: amounts('PanjarAccounted', (data) => data.returned),
    },
    cashMutated: {
      toBank: amounts('CashMutated', (data) => (data.to === 'bank' ? data.amount : '0')),
      toCash: amounts('CashMutated', (data) => (data.to === 'cashOnHand' ? data.amount : '0')),
    },
    bankFees: amounts('BankFeeCharged', (data) => data.amount),
  };
}

/** The total of one amount field over an event's list (its lines, its withholdings). */
function amountOf(list: unknown, field: string): string {
  return toAmountText(
    sum((list as Record<string, string>[]).map((item) => rupiah(item[field] ?? '0'))),
  );
}
