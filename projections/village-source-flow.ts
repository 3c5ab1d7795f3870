import { prefixAt } from '../src/domain/reference/codes';
import { rupiah, sum, toAmountText, ZERO, type Rupiah } from '../src/domain/shared/money';
import { balanceOf, balancesOf } from '../src/domain/village/books';
import type { BudgetLine } from '../src/domain/village/lines';
import { latestVersion } from '../src/domain/village/state';
import type { FlowRow, Transfer } from './fund-flow';
import type { VillageReceipt } from './ledger-summary';
import type { VillageView } from './village-books';

/** A stage where what the regency sent and what the village recorded differ. */
export interface TransferMismatch {
  stage: number;
  transferred: string;
  received: string;
  /** transferred − received. */
  difference: string;
  transfers: Transfer[];
  receipts: readonly VillageReceipt[];
}

export interface VillageSourceFlow {
  /** Revenue of the source the village received (net of reversals). */
  received: string;
  /** Belanja and pengeluaran pembiayaan budgeted on the source in the latest version. */
  budgeted: string;
  spent: string;
  spentByBidang: Record<string, string>;
  /** What the source still holds in the village's cash: the domain's fund restriction balance. */
  cashRemaining: string;
  openingSilpa: string;
  /** SiLPA carried to next year, once the year is closed. */
  closingSilpa: string | null;
  receipts: readonly VillageReceipt[];
  mismatches: TransferMismatch[];
}

const FINANCING = 'financing';

/** Stages where the regency's transfers and the village's receipts (its `stage` balances) differ. */
function mismatches(
  row: FlowRow,
  receipts: readonly VillageReceipt[],
  receivedAt: (stage: number) => Rupiah,
): TransferMismatch[] {
  const stages = new Set([...row.stages.map((s) => s.stage), ...receipts.map((r) => r.stage)]);
  return [...stages]
    .sort((a, b) => a - b)
    .flatMap((stage) => {
      const sent = row.stages.find((s) => s.stage === stage);
      const own = receipts.filter((r) => r.stage === stage);
      const transferred = rupiah(sent?.transferred ?? '0');
      const received = receivedAt(stage);
      if (transferred.equals(received)) return [];
      return [
        {
          stage,
          transferred: toAmountText(transferred),
          received: toAmountText(received),
          difference: toAmountText(transferred.minus(received)),
          transfers: [...(sent?.transfers ?? [])],
          receipts: own,
        },
      ];
    });
}

/** Realised revenue of one source: its `account|source` balances summed. */
function receivedOf(state: VillageView, source: string): Rupiah {
  const suffix = `|${source}`;
  return sum(
    balancesOf(state.books, 'revenue')
      .filter(([key]) => key.endsWith(suffix))
      .map(([, amount]) => amount),
  );
}

const spends = (line: BudgetLine) =>
  line.kind === 'spending' || (line.kind === 'financing' && line.direction === 'expenditure');

/** The village side of one source's flow, from the domain's balances and the receipts booked. */
export function villageSourceFlow(state: VillageView, row: FlowRow): VillageSourceFlow {
  const { source } = row;
  const lines = new Map<string, BudgetLine>();
  for (const version of state.budget.versions)
    for (const line of version.lines.values())
      if (line.source === source) lines.set(line.lineId, line);
  const byBidang = new Map<string, Rupiah>();
  for (const line of lines.values()) {
    if (!spends(line)) continue;
    const bidang = line.kind === 'spending' ? prefixAt(line.kegiatanCode, 1) : FINANCING;
    byBidang.set(
      bidang,
      (byBidang.get(bidang) ?? ZERO).plus(balanceOf(state.books, 'line', line.lineId)),
    );
  }
  const latest = latestVersion(state.budget);
  const budgeted = sum(
    [...(latest?.lines.values() ?? [])]
      .filter((l) => l.source === source && spends(l))
      .map((l) => rupiah(l.amount)),
  );
  const received = receivedOf(state, source);
  // Copies: the ledger goes on adding to its lists, a report keeps what it showed.
  const receipts = [...(state.receipts.get(source) ?? [])];
  const closing = state.closing.year?.silpa.find((s) => s.source === source);
  return {
    received: toAmountText(received),
    budgeted: toAmountText(budgeted),
    spent: toAmountText(sum(byBidang.values())),
    spentByBidang: Object.fromEntries(
      [...byBidang].filter(([, v]) => !v.isZero()).map(([k, v]) => [k, toAmountText(v)]),
    ),
    cashRemaining: toAmountText(balanceOf(state.books, 'source', source)),
    openingSilpa: state.fiscalYear?.silpa.find((s) => s.source === source)?.amount ?? '0.00',
    closingSilpa: state.closing.year ? (closing?.amount ?? '0.00') : null,
    receipts,
    mismatches: mismatches(row, receipts, (stage) =>
      balanceOf(state.books, 'stage', `${source}|${stage}`),
    ),
  };
}
