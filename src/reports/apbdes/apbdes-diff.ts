import { stringify } from 'safe-stable-stringify';
import { rupiah, toAmountText, ZERO } from '../../domain/shared/money';
import type { BudgetLine } from '../../domain/village/lines';
import type { ApbdesVersionDocument } from '../../../projections/read-models/apbdes-documents';
import type { DocumentTotals } from '../../../projections/folds/apbdes-layout';
import { compareCodes } from '../../../projections/folds/budget-tree';

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

export interface VersionDiff {
  from: { label: string; enactedBy: ApbdesVersionDocument['enactedBy']; totals: DocumentTotals };
  to: { label: string; enactedBy: ApbdesVersionDocument['enactedBy']; totals: DocumentTotals };
  changes: LineChange[];
}

const KIND_ORDER: BudgetLine['kind'][] = ['revenue', 'spending', 'financing'];

/** The lines added, removed and changed between two versions, with amounts before and after. */
export function diffVersions(from: ApbdesVersionDocument, to: ApbdesVersionDocument): VersionDiff {
  const before = new Map(from.lines.map((line) => [line.lineId, line]));
  const after = new Map(to.lines.map((line) => [line.lineId, line]));
  const changes: LineChange[] = [];
  for (const lineId of new Set([...before.keys(), ...after.keys()])) {
    const change = lineChange(before.get(lineId), after.get(lineId));
    if (change) changes.push(change);
  }
  changes.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      compareCodes(a.account, b.account) ||
      a.lineId.localeCompare(b.lineId),
  );
  const side = (doc: ApbdesVersionDocument) => ({
    label: doc.label,
    enactedBy: doc.enactedBy,
    totals: doc.penjabaran.totals,
  });
  return { from: side(from), to: side(to), changes };
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
