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
  };
}
