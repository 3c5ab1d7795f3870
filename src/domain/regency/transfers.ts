import { DomainError } from '../shared/domain-error';
import { rupiah, sum, toAmountText, type Rupiah } from '../shared/money';
import { regencyFact, whenOpen, type RegencyEvolvers, type RegencyHandlers } from './area';
import { assertAllocated, requireAllocatable, requireAllocation } from './allocations';
import { allocationKey, stageKey, transferredTo, type RegencyState } from './state';

/** Transfers sent to a village per source and stage (SP2D), within allocation and stage plan. */
export const transferHandlers: RegencyHandlers<'SendTransfer'> = {
  SendTransfer: whenOpen<'SendTransfer'>((command, state, context) => {
    const { villageCode, source, amount } = command.payload;
    const fundSource = requireAllocatable(context, villageCode, source);
    if (fundSource instanceof DomainError) return fundSource;
    const allocation = requireAllocation(state, villageCode, source);
    if (allocation instanceof DomainError) return allocation;
    const key = allocationKey(villageCode, source);
    const exceeded = exceeds(amount, transferredTo(state, key), rupiah(allocation.amount));
    if (exceeded) return new DomainError('TRANSFER_WITHIN_ALLOCATION', 'amount', amount, exceeded);
    if (fundSource.danaDesa) {
      const stageError = checkStage(state, command.payload);
      if (stageError) return stageError;
    }
    return [regencyFact('TransferSent', command.payload, command.payload.date)];
  }),
};

function exceeds(amount: string, already: Rupiah, limit: Rupiah) {
  const remaining = limit.minus(already);
  return rupiah(amount).greaterThan(remaining)
    ? { id: `sisa ${toAmountText(remaining)}`, en: `remaining ${toAmountText(remaining)}` }
    : undefined;
}

/** A Dana Desa stage as a transfer finds it: planned, transferred so far, and what is left. */
export interface StageRoom {
  planned: Rupiah;
  transferred: Rupiah;
  remaining: Rupiah;
}

/**
 * The stage condition SendTransfer applies to a Dana Desa source: the stage
 * must be in the village's stage plan; its room is what the plan leaves. The
 * regency's stage page shows the same outcome.
 */
export function stageRoom(
  state: RegencyState,
  villageCode: string,
  source: string,
  stage: number,
): StageRoom | DomainError {
  const plan = state.stagePlans.get(allocationKey(villageCode, source));
  const rows = plan?.stages.filter((row) => row.stage === stage) ?? [];
  if (rows.length === 0) return new DomainError('STAGE_PLANNED', 'stage', String(stage));
  const planned = sum(rows.map((row) => rupiah(row.amount)));
  const transferred = transferredTo(state, stageKey(villageCode, source, stage));
  return { planned, transferred, remaining: planned.minus(transferred) };
}

function checkStage(
  state: RegencyState,
  transfer: { villageCode: string; source: string; stage: number; amount: string },
): DomainError | undefined {
  const room = stageRoom(state, transfer.villageCode, transfer.source, transfer.stage);
  if (room instanceof DomainError) return room;
  const exceeded = exceeds(transfer.amount, room.transferred, room.planned);
  return exceeded && new DomainError('TRANSFER_WITHIN_STAGE', 'amount', transfer.amount, exceeded);
}

export const transferEvolvers: RegencyEvolvers<'TransferSent'> = {
  TransferSent: (state, event) => {
    assertAllocated(state, event.type, event.data);
    const { villageCode, source, stage, amount } = event.data;
    const keys = [allocationKey(villageCode, source), stageKey(villageCode, source, stage)];
    const transferred = keys.reduce(
      (totals, key) => totals.set(key, transferredTo(state, key).plus(rupiah(amount))),
      state.transferred,
    );
    return { ...state, transferred };
  },
};
