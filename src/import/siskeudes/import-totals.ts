import { rupiah, sum, toAmountText, type Rupiah } from '../../domain/shared/money';
import type { EventData } from '../../eventstore/port';

/** What an import booked, in rupiah text: the summary an importer checks against Siskeudes' own reports. */
export interface ImportTotals {
  budget: { revenue: string; spending: string; financing: string };
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
  const line = (kind: string) =>
    amounts('ApbdesLineDrafted', (data) => {
      const drafted = data.line as { kind: string; amount: string };
      return drafted.kind === kind ? drafted.amount : '0';
    });
  return {
    budget: { revenue: line('revenue'), spending: line('spending'), financing: line('financing') },
    received: amounts('RevenueReceived', (data) => data.amount),
    paid: {
      gross: amounts('PaymentRequestPaid', (data) => data.gross),
      withheld: amounts('PaymentRequestPaid', (data) => data.withheld),
      net: amounts('PaymentRequestPaid', (data) => data.net),
    },
    taxDeposited: amounts('TaxDeposited', (data) => data.amount),
  };
}
