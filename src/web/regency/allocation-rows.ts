import type { ReferenceData } from '../../domain/reference/reference-data';
import type { Allocation, RegencyState } from '../../domain/regency/state';
import { rupiah, sum, toAmountText } from '../../domain/shared/money';

export interface AllocationRow extends Allocation {
  villageName: string;
  sourceName: string;
}

export interface SourceTotal {
  source: string;
  sourceName: string;
  villages: number;
  amount: string;
}

/** Each village's pagu per source, in village then source order, and the totals per source. */
export function allocationRows(
  state: RegencyState,
  reference: ReferenceData,
): { rows: AllocationRow[]; totals: SourceTotal[] } {
  const sourceName = (code: string) => reference.fundSources.get(code)?.name ?? code;
  const rows = [...state.allocations.values()]
    .map((allocation) => ({
      ...allocation,
      villageName: reference.villages.get(allocation.villageCode)?.name ?? allocation.villageCode,
      sourceName: sourceName(allocation.source),
    }))
    .sort((a, b) => a.villageCode.localeCompare(b.villageCode) || a.source.localeCompare(b.source));
  const sources = [...new Set(rows.map((row) => row.source))].sort();
  const totals = sources.map((source) => {
    const of = rows.filter((row) => row.source === source);
    return {
      source,
      sourceName: sourceName(source),
      villages: of.length,
      amount: toAmountText(sum(of.map((row) => rupiah(row.amount)))),
    };
  });
  return { rows, totals };
}
