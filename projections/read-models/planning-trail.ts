import type { ReferenceData } from '../../src/domain/reference/reference-data';
import { rupiah, sum, toAmountText, ZERO, type Rupiah } from '../../src/domain/shared/money';
import type { VillageEventOf } from '../../src/domain/village/events';
import type { BudgetLine } from '../../src/domain/village/lines';
import { latestVersion, type BudgetVersion } from '../../src/domain/village/state';
import type { ReferenceLookup, VillageIdentity } from '../folds/reference-lookup';
import type { VillageFold } from '../folds/village-fold';
import { villageStreamProjection, type VillageStreamState } from './village-stream-projection';

export interface SourceAmount {
  source: string;
  amount: string;
}

/**
 * One step of an activity's trail. Part 1 knows the budget steps (APBDes,
 * each Perubahan and Perkades change); SPPs, payments and output achieved
 * join this union as new kinds.
 */
export type TrailStep = {
  kind: 'budgeted';
  label: string;
  versionKind: BudgetVersion['kind'];
  document: BudgetVersion['enactedBy'];
  total: string;
  bySource: SourceAmount[];
  /** Change against the previous budget step, or against the plan for the first. */
  difference: string;
};

export interface ActivityTrail {
  activityId: string;
  kegiatanCode: string;
  kegiatanName: string;
  name: string;
  hamlet: string;
  output: { volume: string; unit: string };
  executor: { name: string; position: string };
  /** RKPDes estimate. */
  planned: { total: string; bySource: SourceAmount[] };
  steps: TrailStep[];
}

export interface VillagePlanningTrail {
  identity: VillageIdentity;
  activities: ActivityTrail[];
}

export type PlanningTrailState = VillageStreamState<VillagePlanningTrail>;

export function planningTrailProjection(lookup: ReferenceLookup) {
  return villageStreamProjection<VillagePlanningTrail>(
    {
      name: 'planning-trail',
      version: 1,
      initial: (identity) => ({ identity, activities: [] }),
      react(model, event, fold, reference) {
        switch (event.type) {
          case 'RkpdesActivityPlanned':
            return { ...model, activities: [...model.activities, planned(event.data, reference)] };
          case 'ApbdesEnacted':
          case 'PerkadesChangeEnacted':
            return { ...model, activities: model.activities.map((trail) => budgeted(trail, fold)) };
          default:
            return model;
        }
      },
    },
    lookup,
  );
}

function planned(
  activity: VillageEventOf<'RkpdesActivityPlanned'>['data'],
  reference: ReferenceData,
): ActivityTrail {
  return {
    activityId: activity.activityId,
    kegiatanCode: activity.kegiatanCode,
    kegiatanName: reference.kegiatan.get(activity.kegiatanCode)?.name ?? activity.kegiatanCode,
    name: activity.name,
    hamlet: activity.location.hamlet,
    output: activity.output,
    executor: activity.executor,
    planned: {
      total: toAmountText(sum(activity.estimatedCosts.map((cost) => rupiah(cost.amount)))),
      bySource: activity.estimatedCosts.map(({ source, amount }) => ({ source, amount })),
    },
    steps: [],
  };
}

function budgeted(trail: ActivityTrail, fold: VillageFold): ActivityTrail {
  const version = latestVersion(fold.budget)!;
  const lines = [...version.lines.values()].filter(
    (line): line is Extract<BudgetLine, { kind: 'spending' }> =>
      line.kind === 'spending' && line.activityId === trail.activityId,
  );
  const previous = trail.steps.at(-1);
  if (lines.length === 0 && !previous) return trail;
  const bySource = new Map<string, Rupiah>();
  for (const line of lines)
    bySource.set(line.source, (bySource.get(line.source) ?? ZERO).plus(rupiah(line.amount)));
  const total = sum(bySource.values());
  const step: TrailStep = {
    kind: 'budgeted',
    label: version.label,
    versionKind: version.kind,
    document: version.enactedBy,
    total: toAmountText(total),
    bySource: [...bySource].map(([source, amount]) => ({ source, amount: toAmountText(amount) })),
    difference: toAmountText(total.minus(rupiah(previous?.total ?? trail.planned.total))),
  };
  return { ...trail, steps: [...trail.steps, step] };
}
