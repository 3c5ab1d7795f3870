import { stageSplitFor } from '../reference/reference-data';
import { requireEarmark } from '../reference/reference-rules';
import { DomainError } from '../shared/domain-error';
import { rupiah, sum, toAmountText, wholePercentOf, type Rupiah } from '../shared/money';
import { regencyFact, whenOpen, type RegencyEvolvers, type RegencyHandlers } from './area';
import { assertAllocated, requireAllocatable, requireAllocation } from './allocations';
import type { RegencyContext } from './context';
import { allocationKey, type StagePlan } from './state';

/** Dana Desa stage plan per village: earmark split × the policy's stage percentages by village status. */
export const stageHandlers: RegencyHandlers<'PlanDanaDesaStages'> = {
  PlanDanaDesaStages: whenOpen<'PlanDanaDesaStages'>((command, state, context) => {
    const { villageCode, source, earmarks } = command.payload;
    const fundSource = requireAllocatable(context, villageCode, source);
    if (fundSource instanceof DomainError) return fundSource;
    if (!fundSource.danaDesa) return new DomainError('EARMARK_APPLICABLE', 'source', source);
    const allocation = requireAllocation(state, villageCode, source);
    if (allocation instanceof DomainError) return allocation;
    const planned = sum(earmarks.map((row) => rupiah(row.amount)));
    if (!planned.equals(rupiah(allocation.amount))) {
      return new DomainError('STAGE_PLAN_MATCHES_ALLOCATION', 'earmarks', toAmountText(planned), {
        id: `pagu ${allocation.amount}`,
        en: `allocation ${allocation.amount}`,
      });
    }
    const stages = planStages(command.payload, context);
    if (stages instanceof DomainError) return stages;
    const villageStatus = context.reference.villages.get(villageCode)?.status ?? '';
    return [regencyFact('DanaDesaStagesPlanned', { villageCode, source, villageStatus, stages })];
  }),
};

function planStages(
  payload: { villageCode: string; earmarks: { earmark: string; amount: string }[] },
  context: RegencyContext,
): StagePlan['stages'] | DomainError {
  const status = context.reference.villages.get(payload.villageCode)?.status ?? '';
  const stages: StagePlan['stages'] = [];
  for (const [index, row] of payload.earmarks.entries()) {
    const earmark = requireEarmark(context.reference, `earmarks[${index}].earmark`, row.earmark);
    if (earmark instanceof DomainError) return earmark;
    const split = stageSplitFor(context.reference.policy, earmark.earmarked, status);
    stages.push(...splitAmount(row.earmark, rupiah(row.amount), split?.stagePercents ?? ['100']));
  }
  return stages;
}

/**
 * Stage amounts in whole rupiah, each share rounded down; the last stage takes
 * the remainder, so the stages sum exactly to the amount.
 */
export function splitAmount(
  earmark: string,
  amount: Rupiah,
  percents: string[],
): StagePlan['stages'] {
  let remaining = amount;
  return percents.map((percent, index) => {
    const share = index === percents.length - 1 ? remaining : wholePercentOf(amount, percent);
    remaining = remaining.minus(share);
    return { stage: index + 1, earmark, percent, amount: toAmountText(share) };
  });
}

export const stageEvolvers: RegencyEvolvers<'DanaDesaStagesPlanned'> = {
  DanaDesaStagesPlanned: (state, event) => {
    assertAllocated(state, event.type, event.data);
    return {
      ...state,
      stagePlans: state.stagePlans.set(
        allocationKey(event.data.villageCode, event.data.source),
        event.data,
      ),
    };
  },
};
