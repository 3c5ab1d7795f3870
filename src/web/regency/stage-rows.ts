import type { Policy, ReferenceData } from '../../domain/reference/reference-data';
import { requireAllocation } from '../../domain/regency/allocations';
import { allocationKey, type RegencyState } from '../../domain/regency/state';
import { stageRoom } from '../../domain/regency/transfers';
import { DomainError } from '../../domain/shared/domain-error';
import { toAmountText } from '../../domain/shared/money';
import type { RuleId } from '../../domain/shared/rules';
import type { Transfer } from '../../../projections/read-models/fund-flow';
import type { FundFlowReport, VillageStates } from '../../reports/fund-flow/fund-flow-report';
import { danaDesaAbsorption } from '../../reports/activity-realisation/activity-realisation';
import { fullYear } from '../../reports/realisation/periods';
import type { VillageView } from '../../../projections/folds/village-books';

/** Whether a transfer of the stage may be sent now, as SendTransfer's own rules judge it. */
export type StageCondition =
  { met: true; remaining: string } | { met: false; rule: RuleId; field: string };

export interface StageRow {
  villageCode: string;
  villageName: string;
  source: string;
  /** null: the village has no allocation of the source, so no stage at all. */
  stage: number | null;
  planned: string | null;
  transferred: string;
  transfers: readonly Transfer[];
  condition: StageCondition;
  /** The first stage with something left to send: where the transfer form is offered. */
  next: boolean;
  /**
   * Stage II's condition on stage I's Dana Desa absorbed, as the Dana Desa
   * absorption report judges it (monitored, not enforced by the transfer);
   * null for other stages or a village without books.
   */
  absorption: StageTwoAbsorption | null;
}

export interface StageTwoAbsorption {
  /** Spent of stage I received, in percent; null before stage I arrived. */
  percent: string | null;
  minPercent: string;
  met: boolean;
}

/** The stage whose transfer the regency's policy conditions on stage I's absorption. */
const ABSORPTION_CONDITIONED_STAGE = 2;

function stageTwoAbsorption(
  view: VillageView | undefined,
  reference: ReferenceData,
): StageTwoAbsorption | null {
  if (!view?.fiscalYear) return null;
  const { stageOne, stageTwoCondition } = danaDesaAbsorption(
    view,
    reference,
    fullYear(view.fiscalYear.fiscalYear),
  );
  return {
    percent: stageOne.absorptionPercent,
    minPercent: stageTwoCondition.minAbsorptionPercent,
    met: stageTwoCondition.absorptionMet,
  };
}

/** The most stages any of the policy's splits has: what a village without a plan is shown. */
export const policyStageCount = (policy: Policy) =>
  Math.max(1, ...policy.ddStageSplits.map((split) => split.stagePercents.length));

const unmet = (error: DomainError): StageCondition => ({
  met: false,
  rule: error.rule,
  field: error.field,
});

/**
 * Every village's Dana Desa stages: planned, sent (with each transfer's
 * date from the fund flow) and the condition a transfer of the stage meets
 * or not. The condition is the transfer decider's (requireAllocation,
 * stageRoom), never judged again here.
 */
export function stageRows(
  state: RegencyState,
  reference: ReferenceData,
  flow: FundFlowReport,
  villages: VillageStates,
): StageRow[] {
  const sent = new Map<string, Transfer[]>();
  for (const district of flow.districts)
    for (const village of district.villages)
      for (const source of village.sources)
        for (const transfer of source.transfers) {
          const key = `${allocationKey(village.villageCode, source.source)}|${transfer.stage}`;
          sent.set(key, [...(sent.get(key) ?? []), transfer]);
        }
  const danaDesa = [...reference.fundSources.values()].filter(
    (source) => source.regencyAllocated && source.danaDesa,
  );
  return [...reference.villages.values()].flatMap((village) =>
    danaDesa.flatMap(({ code: source }): StageRow[] => {
      const base = { villageCode: village.code, villageName: village.name, source };
      const allocation = requireAllocation(state, village.code, source);
      if (allocation instanceof DomainError)
        return [
          {
            ...base,
            stage: null,
            planned: null,
            transferred: '0.00',
            transfers: [],
            condition: unmet(allocation),
            next: false,
            absorption: null,
          },
        ];
      const plan = state.stagePlans.get(allocationKey(village.code, source));
      const stages = plan
        ? [...new Set(plan.stages.map((row) => row.stage))].sort((a, b) => a - b)
        : Array.from({ length: policyStageCount(reference.policy) }, (_, index) => index + 1);
      let offered = false;
      return stages.map((stage): StageRow => {
        const absorption =
          stage === ABSORPTION_CONDITIONED_STAGE
            ? stageTwoAbsorption(villages(village.code), reference)
            : null;
        const room = stageRoom(state, village.code, source, stage);
        const transfers = sent.get(`${allocationKey(village.code, source)}|${stage}`) ?? [];
        if (room instanceof DomainError)
          return {
            ...base,
            stage,
            planned: null,
            transferred: '0.00',
            transfers,
            condition: unmet(room),
            next: false,
            absorption,
          };
        const next = !offered && room.remaining.greaterThan(0);
        offered ||= next;
        return {
          ...base,
          stage,
          planned: toAmountText(room.planned),
          transferred: toAmountText(room.transferred),
          transfers,
          condition: { met: true, remaining: toAmountText(room.remaining) },
          next,
          absorption,
        };
      });
    }),
  );
}
