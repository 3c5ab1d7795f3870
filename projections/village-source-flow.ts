import { prefixAt } from '../src/domain/reference/codes';
import { rupiah, sum, toAmountText, ZERO, type Rupiah } from '../src/domain/shared/money';
import { balanceOf, balancesOf } from '../src/domain/village/books';
import type { BudgetLine } from '../src/domain/village/lines';
import { latestVersion, type VillageState } from '../src/domain/village/state';
import type { FlowRow, Transfer } from './fund-flow';

/** A receipt of a regency transfer as the village booked it (negative: a reversal). */
export interface VillageReceipt {
  date: string;
  entryId: string;
  stage: number;
  amount: string;
}

/** A stage where what the regency sent and what the village recorded differ. */
export interface TransferMismatch {
  stage: number;
  transferred: string;
  received: string;
  /** transferred − received. */
  difference: string;
  transfers: Transfer[];
  receipts: VillageReceipt[];
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
  receipts: VillageReceipt[];
  mismatches: TransferMismatch[];
}

const FINANCING = 'financing';

/** Receipts by source, found in one pass over a books' entries (kept while the entries are the same). */
const receiptsBySource = new WeakMap<object, Map<string, VillageReceipt[]>>();

function receiptsOf(state: VillageState, source: string): VillageReceipt[] {
  const { entries } = state.books;
  let bySource = receiptsBySource.get(entries);
  if (!bySource) {
    bySource = new Map();
    for (const entry of entries.values())
      for (const m of entry.movements) {
        if (m.kind !== 'stage') continue;
        const [code = '', stage = '0'] = m.id.split('|');
        const receipt = {
          date: entry.date,
          entryId: entry.entryId,
          stage: Number.parseInt(stage, 10),
          amount: toAmountText(m.amount),
        };
        const list = bySource.get(code);
        if (list) list.push(receipt);
        else bySource.set(code, [receipt]);
      }
    receiptsBySource.set(entries, bySource);
  }
  return bySource.get(source) ?? [];
}

function mismatches(row: FlowRow, receipts: VillageReceipt[]): TransferMismatch[] {
  const stages = new Set([...row.stages.map((s) => s.stage), ...receipts.map((r) => r.stage)]);
  return [...stages]
    .sort((a, b) => a - b)
    .flatMap((stage) => {
      const sent = row.stages.find((s) => s.stage === stage);
      const own = receipts.filter((r) => r.stage === stage);
      const transferred = rupiah(sent?.transferred ?? '0');
      const received = sum(own.map((r) => rupiah(r.amount)));
      if (transferred.equals(received)) return [];
      return [
        {
          stage,
          transferred: toAmountText(transferred),
          received: toAmountText(received),
          difference: toAmountText(transferred.minus(received)),
          transfers: sent?.transfers ?? [],
          receipts: own,
        },
      ];
    });
}

/** Realised revenue by source, summed in one pass over the balances (kept while they are the same). */
const receivedBySource = new WeakMap<object, Map<string, Rupiah>>();

function receivedOf(state: VillageState, source: string): Rupiah {
  const { balances } = state.books;
  let bySource = receivedBySource.get(balances);
  if (!bySource) {
    bySource = new Map();
    for (const [key, amount] of balancesOf(state.books, 'revenue')) {
      const code = key.slice(key.lastIndexOf('|') + 1);
      bySource.set(code, (bySource.get(code) ?? ZERO).plus(amount));
    }
    receivedBySource.set(balances, bySource);
  }
  return bySource.get(source) ?? ZERO;
}

const spends = (line: BudgetLine) =>
  line.kind === 'spending' || (line.kind === 'financing' && line.direction === 'expenditure');

/** The village side of one source's flow, from the domain's balances and entries. */
export function villageSourceFlow(state: VillageState, row: FlowRow): VillageSourceFlow {
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
  const receipts = receiptsOf(state, source);
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
    mismatches: mismatches(row, receipts),
  };
}
