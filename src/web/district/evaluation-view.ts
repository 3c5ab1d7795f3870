import type { Ledger } from '../../app/ledger';
import type { ReferenceCatalog } from '../../app/load-reference-data';
import { streamEvents } from '../../audit/time-travel';
import { regencyOf } from '../../domain/shared/region-codes';
import { villageStreamId } from '../../domain/village/decider';
import { villageEventSchemas, type VillageEvent } from '../../domain/village/events';
import { budgetLineChanges, totalChanges } from '../../domain/village/queries/budget-diff';
import {
  evaluationBaseline,
  submissionsToCamat,
} from '../../domain/village/queries/evaluation-baseline';
import { waitsForEvaluation } from '../../domain/village/queries/budget-steps';
import type { BudgetLine } from '../../domain/village/lines';
import type { BudgetState, VillageState } from '../../domain/village/state';
import type { EventStore } from '../../eventstore/port';
import { fromRecorded } from '../../eventstore/codec/event-codec';
import { budgetDocument } from '../../../projections/folds/apbdes-layout';
import {
  lineChangesTable,
  penjabaranTable,
  totalChangesTable,
} from '../../reports/apbdes/apbdes-tables';
import type { ReportTable } from '../../reports/render/table';

/** A village of the district and the year its draft is shown for. */
export interface DistrictVillage {
  villageCode: string;
  villageName: string;
  fiscalYear: number;
}

/** What the camat reads before deciding: the draft, what changed since the previous version. */
export interface EvaluationView extends DistrictVillage {
  districtName: string;
  budget: BudgetState;
  waiting: boolean;
  /** The draft as submitted, down to each line; undefined without a draft. */
  document: ReportTable | undefined;
  /** What it is compared with, e.g. "APBDes awal 2024"; undefined when every line is new. */
  baselineLabel: string | undefined;
  lineChanges: ReportTable | undefined;
  totals: ReportTable | undefined;
}

/** The villages among `villages` whose APBDes draft waits for the camat's evaluation. */
export async function villagesWaiting(
  ledger: Ledger,
  villages: readonly DistrictVillage[],
): Promise<DistrictVillage[]> {
  const waiting: DistrictVillage[] = [];
  for (const village of villages)
    if (
      waitsForEvaluation(
        (await ledger.villageState(village.villageCode, village.fiscalYear)).budget,
      )
    )
      waiting.push(village);
  return waiting;
}

async function villageEvents(store: EventStore, villageCode: string, fiscalYear: number) {
  const recorded = await streamEvents(store, villageStreamId(villageCode, fiscalYear));
  return recorded.map((event) => fromRecorded<VillageEvent>(villageEventSchemas, event));
}

/** The draft of a village's year laid out as the Penjabaran, compared with its previous version. */
export async function evaluationView(
  services: { ledger: Ledger; reference: ReferenceCatalog; store: EventStore },
  villageCode: string,
  fiscalYear: number,
): Promise<EvaluationView> {
  const { ledger, reference, store } = services;
  const regency = regencyOf(villageCode);
  const data = reference.get(fiscalYear, regency);
  const village = data.villages.get(villageCode);
  const state = await ledger.villageState(villageCode, fiscalYear);
  const { draft } = state.budget;
  const identity = {
    villageCode,
    fiscalYear,
    villageName: village?.name ?? villageCode,
    districtName: (village && data.districts.get(village.districtCode)?.name) ?? '',
  };
  const base = { ...identity, budget: state.budget, waiting: waitsForEvaluation(state.budget) };
  if (!draft)
    return {
      ...base,
      document: undefined,
      baselineLabel: undefined,
      lineChanges: undefined,
      totals: undefined,
    };

  const previousYear = reference.exists(fiscalYear - 1, regency)
    ? await ledger.villageState(villageCode, fiscalYear - 1)
    : undefined;
  const submissions = submissionsToCamat(await villageEvents(store, villageCode, fiscalYear));
  const baseline = evaluationBaseline(state, fiscalYear, submissions, previousYear);
  const layout = (lines: Iterable<BudgetLine>, year: number, of: VillageState) =>
    budgetDocument('penjabaran', {
      lines: [...lines],
      activities: of.planning.activities,
      reference: reference.get(year, regency),
    });
  const current = layout(draft.lines.values(), fiscalYear, state);
  const baselineLines = baseline ? [...baseline.lines.values()] : [];
  const before = layout(
    baselineLines,
    baseline?.fiscalYear ?? fiscalYear,
    baseline?.fiscalYear === fiscalYear - 1 ? (previousYear ?? state) : state,
  );
  const baselineLabel = baseline && `${baseline.label} ${baseline.fiscalYear}`;
  const comparison = `${baselineLabel ?? 'Tanpa versi sebelumnya'} → rancangan yang diajukan`;
  return {
    ...base,
    document: penjabaranTable(current, ['Rancangan APBDes yang diajukan']),
    baselineLabel,
    lineChanges: lineChangesTable(budgetLineChanges(baselineLines, draft.lines.values()), [
      'Perbedaan per baris',
      comparison,
    ]),
    totals: totalChangesTable(totalChanges(before.totals, current.totals), [
      'Perbedaan jumlah',
      comparison,
    ]),
  };
}
