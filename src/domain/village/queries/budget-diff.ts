import { stringify } from 'safe-stable-stringify';
import { compareCodes } from '../../shared/dotted-codes';
import { rupiah, toAmountText, ZERO } from '../../shared/money';
import type { BudgetLine } from '../lines';

/** One budget line added, removed or changed between two versions of the APBDes. */
export interface LineChange {
  lineId: string;
  kind: BudgetLine['kind'];
  change: 'added' | 'removed' | 'changed';
  account: string;
  description: string;
  source: string;
  /** Anggaran before and after; null where the line did not exist. */
  before: string | null;
  after: string | null;
  /** after − before. */
  difference: string;
  /** Fields of the line that differ (amount, account, volume, …). */
  changedFields: string[];
}

/** One figure before and after, and after − before. */
export interface AmountChange {
  before: string;
  after: string;
  difference: string;
}

const KIND_ORDER: BudgetLine['kind'][] = ['revenue', 'spending', 'financing'];

/**
 * The lines added, removed and changed from `before` to `after` (matched by
 * line id), in the order of the APBDes: revenue, spending, financing, each by
 * account. A line whose every field is the same is left out.
 */
export function budgetLineChanges(
  before: Iterable<BudgetLine>,
  after: Iterable<BudgetLine>,
): LineChange[] {
  const old = new Map([...before].map((line) => [line.lineId, line]));
  const current = new Map([...after].map((line) => [line.lineId, line]));
  const changes: LineChange[] = [];
  for (const lineId of new Set([...old.keys(), ...current.keys()])) {
    const change = lineChange(old.get(lineId), current.get(lineId));
    if (change) changes.push(change);
  }
  return changes.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      compareCodes(a.account, b.account) ||
      a.lineId.localeCompare(b.lineId),
  );
}

/** Each figure of two sets of totals (revenue, spending, surplus, …) before and after. */
export function totalChanges<K extends string>(
  before: Readonly<Record<K, string>>,
  after: Readonly<Record<K, string>>,
): Record<K, AmountChange> {
  const keys = Object.keys(after) as K[];
  return Object.fromEntries(
    keys.map((key) => [
      key,
      {
        before: before[key],
        after: after[key],
        difference: toAmountText(rupiah(after[key]).minus(rupiah(before[key]))),
      },
    ]),
  ) as Record<K, AmountChange>;
}

function lineChange(
  before: BudgetLine | undefined,
  after: BudgetLine | undefined,
): LineChange | undefined {
  const line = after ?? before;
  if (!line) return undefined;
  const changedFields = before && after ? differingFields(before, after) : [];
  if (before && after && changedFields.length === 0) return undefined;
  const amountBefore = before ? rupiah(before.amount) : ZERO;
  const amountAfter = after ? rupiah(after.amount) : ZERO;
  return {
    lineId: line.lineId,
    kind: line.kind,
    change: !before ? 'added' : !after ? 'removed' : 'changed',
    account: line.account,
    description: line.description,
    source: line.source,
    before: before ? before.amount : null,
    after: after ? after.amount : null,
    difference: toAmountText(amountAfter.minus(amountBefore)),
    changedFields,
  };
}

function differingFields(before: BudgetLine, after: BudgetLine): string[] {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const value = (line: BudgetLine, field: string) =>
    stringify((line as Record<string, unknown>)[field]) ?? '';
  return [...fields].filter((field) => value(before, field) !== value(after, field)).sort();
}
