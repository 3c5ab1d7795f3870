import type { ReferenceData } from '../../src/domain/reference/reference-data';
import type { BudgetLine } from '../../src/domain/village/lines';
import {
  latestVersion,
  type BudgetVersion,
  type LegalDocument,
} from '../../src/domain/village/state';
import { budgetDocument, type BudgetDocument } from '../folds/apbdes-layout';
import type { ReferenceLookup, VillageIdentity } from '../folds/reference-lookup';
import type { VillageFold } from '../folds/village-fold';
import {
  villageModel,
  villageStreamProjection,
  type VillageStreamState,
} from './village-stream-projection';

/** One enacted APBDes version as its two documents: the Perdes and the Penjabaran. */
export interface ApbdesVersionDocument {
  label: string;
  sequence: number;
  kind: BudgetVersion['kind'];
  enactedBy: LegalDocument;
  /** The Perkades Penjabaran of a Perdes version, once enacted. */
  elaboratedBy: LegalDocument | null;
  perdes: BudgetDocument;
  penjabaran: BudgetDocument;
  /** The version's lines as enacted, for comparing versions. */
  lines: BudgetLine[];
}

export interface VillageApbdes {
  identity: VillageIdentity;
  versions: ApbdesVersionDocument[];
}

export type ApbdesDocumentsState = VillageStreamState<VillageApbdes>;

export function apbdesDocumentsProjection(lookup: ReferenceLookup) {
  return villageStreamProjection<VillageApbdes>(
    {
      name: 'apbdes-documents',
      version: 1,
      initial: (identity) => ({ identity, versions: [] }),
      react(model, event, fold, reference) {
        switch (event.type) {
          case 'ApbdesEnacted':
          case 'PerkadesChangeEnacted':
            return { ...model, versions: [...model.versions, documentOf(fold, reference)] };
          case 'ApbdesElaborated':
            return {
              ...model,
              versions: model.versions.map((doc) =>
                doc.label === event.data.label ? withElaboration(doc, fold) : doc,
              ),
            };
          default:
            return model;
        }
      },
    },
    lookup,
  );
}

function documentOf(fold: VillageFold, reference: ReferenceData): ApbdesVersionDocument {
  const version = latestVersion(fold.budget)!;
  const input = {
    lines: [...version.lines.values()],
    activities: fold.planning.activities,
    reference,
  };
  return {
    label: version.label,
    sequence: version.sequence,
    kind: version.kind,
    enactedBy: version.enactedBy,
    elaboratedBy: version.elaboratedBy ?? null,
    perdes: budgetDocument('perdes', input),
    penjabaran: budgetDocument('penjabaran', input),
    lines: input.lines,
  };
}

function withElaboration(doc: ApbdesVersionDocument, fold: VillageFold): ApbdesVersionDocument {
  const version = fold.budget.versions.find((v) => v.label === doc.label);
  return { ...doc, elaboratedBy: version?.elaboratedBy ?? null };
}

export function apbdesVersion(
  state: ApbdesDocumentsState,
  villageCode: string,
  fiscalYear: number,
  label: string,
): ApbdesVersionDocument | undefined {
  return villageModel(state, villageCode, fiscalYear)?.versions.find((doc) => doc.label === label);
}
