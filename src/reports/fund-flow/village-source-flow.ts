import { prefixAt } from '../../domain/shared/dotted-codes';
import { rupiah, sum, toAmountText, ZERO, type Rupiah } from '../../domain/shared/money';
import { balanceOf, balancesOf } from '../../domain/village/books';
import type { BudgetLine } from '../../domain/village/lines';
import { latestVersion } from '../../domain/village/state';
import type { FlowRow, Transfer } from '../../../projections/read-models/fund-flow';
import type { VillageReceipt } from '../../../projections/folds/ledger-summary';
import type { VillageView } from '../../../projections/folds/village-books';

/** A stage where what the regency sent and what the village recorded differ. */
export interface TransferMismatch {
  stage: number;
  transferred: string;
  received: string;
  /** transferred − received. */
  difference: string;
  transfers: Transfer[];
  /** How many receipts the village booked on the stage (reversals included). */
  receiptCount: number;
}

/** A mismatch with the village's receipts on the stage listed: one village's report. */
export interface DetailedMismatch extends TransferMismatch {
  receipts: readonly VillageReceipt[];
}

/**
 * The village side of one source's flow as the regency and district read it:
 * amounts and receipt counts. A regency year holds hundreds of thousands of
 * receipts; only one village's report lists them (VillageSourceDetail).
 */
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
  receiptCount: number;
  mismatches: TransferMismatch[];
}

/** One village's own view of a source: every receipt booked, in the flow and in each mismatch. */
export interface VillageSourceDetail extends VillageSourceFlow {
  receipts: readonly VillageReceipt[];
  mismatches: DetailedMismatch[];
}

const FINANCING = 'financing';

/** Stages where the regency's transfers and the village's receipts (its `stage` balances) differ. */
function mismatches(
  row: FlowRow,
  receipts: readonly VillageReceipt[],
  receivedAt: (stage: number) => Rupiah,
): DetailedMismatch[] {
  const stages = new Set([...row.stages.map((s) => s.stage), ...receipts.map((r) => r.stage)]);
  return [...stages]
    .sort((a, b) => a - b)
    .flatMap((stage) => {
      const sent = row.stages.find((s) => s.stage === stage);
      const transferred = rupiah(sent?.transferred ?? '0');
      const received = receivedAt(stage);
      if (transferred.equals(received)) return [];
      const own = receipts.filter((r) => r.stage === stage);
      return [
        {
          stage,
          transferred: toAmountText(transferred),
          received: toAmountText(received),
          difference: toAmountText(transferred.minus(received)),
          transfers: [...(sent?.transfers ?? [])],
          receiptCount: own.length,
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

/** The amounts of one source's flow in the village, from the domain's balances. */
function amountsOf(
  state: VillageView,
  source: string,
): Omit<VillageSourceFlow, 'receiptCount' | 'mismatches'> {
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
  const closing = state.closing.year?.silpa.find((s) => s.source === source);
  return {
    received: toAmountText(receivedOf(state, source)),
    budgeted: toAmountText(budgeted),
    spent: toAmountText(sum(byBidang.values())),
    spentByBidang: Object.fromEntries(
      [...byBidang].filter(([, v]) => !v.isZero()).map(([k, v]) => [k, toAmountText(v)]),
    ),
    cashRemaining: toAmountText(balanceOf(state.books, 'source', source)),
    openingSilpa: state.fiscalYear?.silpa.find((s) => s.source === source)?.amount ?? '0.00',
    closingSilpa: state.closing.year ? (closing?.amount ?? '0.00') : null,
  };
}

const stageMismatches = (state: VillageView, row: FlowRow, receipts: readonly VillageReceipt[]) =>
  mismatches(row, receipts, (stage) => balanceOf(state.books, 'stage', `${row.source}|${stage}`));

/** The village side of one source's flow as a district or the regency reads it: no receipt lists. */
export function villageSourceFlow(state: VillageView, row: FlowRow): VillageSourceFlow {
  const receipts = state.receipts.get(row.source) ?? [];
  return {
    ...amountsOf(state, row.source),
    receiptCount: receipts.length,
    mismatches: stageMismatches(state, row, receipts).map(
      ({ receipts: _listed, ...mismatch }) => mismatch,
    ),
  };
}

/** The village side of one source's flow with every receipt booked: the village's own report. */
export function villageSourceDetail(state: VillageView, row: FlowRow): VillageSourceDetail {
  // A copy: the ledger goes on adding to its list, a report keeps what it showed.
  const receipts = [...(state.receipts.get(row.source) ?? [])];
  return {
    ...amountsOf(state, row.source),
    receiptCount: receipts.length,
    receipts,
    mismatches: stageMismatches(state, row, receipts),
  };
}
