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

function checkStage(
  state: RegencyState,
  transfer: { villageCode: string; source: string; stage: number; amount: string },
): DomainError | undefined {
  const plan = state.stagePlans.get(allocationKey(transfer.villageCode, transfer.source));
  const rows = plan?.stages.filter((row) => row.stage === transfer.stage) ?? [];
  if (rows.length === 0) return new DomainError('STAGE_PLANNED', 'stage', String(transfer.stage));
  const planned = sum(rows.map((row) => rupiah(row.amount)));
  const already = transferredTo(
    state,
    stageKey(transfer.villageCode, transfer.source, transfer.stage),
  );
  const exceeded = exceeds(transfer.amount, already, planned);
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
