import { budgetLineChanges, type LineChange } from '../../domain/village/queries/budget-diff';
import type { ApbdesVersionDocument } from '../../../projections/read-models/apbdes-documents';
import type { DocumentTotals } from '../../../projections/folds/apbdes-layout';

export interface VersionDiff {
  from: { label: string; enactedBy: ApbdesVersionDocument['enactedBy']; totals: DocumentTotals };
  to: { label: string; enactedBy: ApbdesVersionDocument['enactedBy']; totals: DocumentTotals };
  changes: LineChange[];
}

/** The lines added, removed and changed between two versions, with amounts before and after. */
export function diffVersions(from: ApbdesVersionDocument, to: ApbdesVersionDocument): VersionDiff {
  const side = (doc: ApbdesVersionDocument) => ({
    label: doc.label,
    enactedBy: doc.enactedBy,
    totals: doc.penjabaran.totals,
  });
  return { from: side(from), to: side(to), changes: budgetLineChanges(from.lines, to.lines) };
}
