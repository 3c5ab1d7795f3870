import type { ReferenceData } from '../../domain/reference/reference-data';
import { rupiah, sum, toAmountText, ZERO, type Rupiah } from '../../domain/shared/money';
import { balanceOf } from '../../domain/village/books';
import { budgetAt } from '../../domain/village/budget-in-force';
import type { BudgetLine } from '../../domain/village/lines';
import { villageIdentity, type VillageIdentity } from '../../../projections/folds/reference-lookup';
import { figures, type Figures } from '../realisation/figures';
import { movementsWithin, type Period } from '../realisation/periods';
import type { VillageView } from '../../../projections/folds/village-books';

/**
 * Laporan Realisasi Kegiatan and the Dana Desa absorption and output
 * report (laporan penyerapan dan capaian output) with the stage II condition of the
 * year's policy data.
 */
export interface ActivityRealisation extends Figures {
  activityId: string;
  bidangCode: string;
  subBidangCode: string;
  kegiatanCode: string;
  name: string;
  output: { volume: string; unit: string };
  /** Sisa = Anggaran − Realisasi. */
  remaining: string;
  sources: string[];
}

export interface ActivityRealisationReport {
  identity: VillageIdentity;
  period: Period;
  activities: ActivityRealisation[];
  totals: Figures;
}

type SpendingLine = Extract<BudgetLine, { kind: 'spending' }>;

function activityFigures(
  state: VillageView,
  period: Period,
  keep: (line: SpendingLine) => boolean,
): ActivityRealisation[] {
  const lines = [...budgetAt(state.budget, period.to).lines.values()].filter(
    (line): line is SpendingLine => line.kind === 'spending' && keep(line),
  );
  const realised = movementsWithin(state, 'line', period);
  return [...state.planning.activities.values()].flatMap((activity) => {
    const own = lines.filter((line) => line.activityId === activity.activityId);
    if (own.length === 0) return [];
    const budget = sum(own.map((line) => rupiah(line.amount)));
    const spent = sum(own.map((line) => realised.get(line.lineId) ?? ZERO));
    return [
      {
        activityId: activity.activityId,
        bidangCode: activity.bidangCode,
        subBidangCode: activity.subBidangCode,
        kegiatanCode: activity.kegiatanCode,
        name: activity.name,
        output: activity.output,
        ...figures(budget, spent),
        remaining: toAmountText(budget.minus(spent)),
        sources: [...new Set(own.map((line) => line.source))],
      },
    ];
  });
}

const totalFigures = (rows: Figures[]) =>
  figures(sum(rows.map((r) => rupiah(r.budget))), sum(rows.map((r) => rupiah(r.realised))));

export function activityRealisation(
  state: VillageView,
  reference: ReferenceData,
  period: Period,
): ActivityRealisationReport {
  const opened = state.fiscalYear!;
  const activities = activityFigures(state, period, () => true);
  return {
    identity: villageIdentity(reference, opened.villageCode, opened.fiscalYear),
    period,
    activities,
    totals: totalFigures(activities),
  };
}

export interface DanaDesaAbsorption {
  identity: VillageIdentity;
  period: Period;
  activities: (ActivityRealisation & {
    /** Output achieved: no event records it yet, so null (not reported). */
    outputAchieved: null;
  })[];
  totals: Figures;
  /** Received from stage I transfers and what of the Dana Desa was spent, per DD source. */
  stageOne: { received: string; spent: string; absorptionPercent: string | null };
  stageTwoCondition: {
    minAbsorptionPercent: string;
    minOutputPercent: string;
    requiresPreviousYearReport: boolean;
    absorptionMet: boolean;
    /** null: output achievement is not recorded, so the condition cannot be judged. */
    outputMet: null;
  };
}

export function danaDesaAbsorption(
  state: VillageView,
  reference: ReferenceData,
  period: Period,
): DanaDesaAbsorption {
  const opened = state.fiscalYear!;
  const danaDesa = new Set(
    [...reference.fundSources.values()].filter((s) => s.danaDesa).map((s) => s.code),
  );
  const activities = activityFigures(state, period, (line) => danaDesa.has(line.source)).map(
    (row) => ({ ...row, outputAchieved: null }),
  );
  const totals = totalFigures(activities);
  const received: Rupiah = sum(
    [...danaDesa].map((code) => balanceOf(state.books, 'stage', `${code}|1`)),
  );
  const spent = rupiah(totals.realised);
  const percent = received.isZero() ? null : spent.div(received).times(100).toFixed(2);
  const condition = reference.policy.ddStageTwoCondition;
  return {
    identity: villageIdentity(reference, opened.villageCode, opened.fiscalYear),
    period,
    activities,
    totals,
    stageOne: {
      received: toAmountText(received),
      spent: totals.realised,
      absorptionPercent: percent,
    },
    stageTwoCondition: {
      minAbsorptionPercent: condition.minStageOneAbsorptionPercent,
      minOutputPercent: condition.minStageOneOutputPercent,
      requiresPreviousYearReport: condition.requiresPreviousYearReport,
      absorptionMet:
        percent !== null && rupiah(percent).gte(rupiah(condition.minStageOneAbsorptionPercent)),
      outputMet: null,
    },
  };
}
