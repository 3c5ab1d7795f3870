import { ImpossibleEventError } from '../shared/impossible-event';
import { requireFundSource, requireVillage } from '../reference/reference-rules';
import { DomainError } from '../shared/domain-error';
import { rupiah } from '../shared/money';
import { regencyFact, whenOpen, type RegencyEvolvers, type RegencyHandlers } from './area';
import type { RegencyContext } from './context';
import { allocationKey, transferredTo, type Allocation, type RegencyState } from './state';
import type { FundSource } from '../reference/reference-data';

/** Opening the regency year and setting or revising each village's allocation (pagu) per source. */
export const allocationHandlers: RegencyHandlers<'OpenRegencyFiscalYear' | 'SetAllocation'> = {
  OpenRegencyFiscalYear(_command, state, context) {
    if (state.opened)
      return new DomainError('FISCAL_YEAR_ALREADY_OPEN', 'fiscalYear', String(context.fiscalYear));
    return [
      regencyFact('RegencyFiscalYearOpened', {
        regencyCode: context.regencyCode,
        fiscalYear: context.fiscalYear,
      }),
    ];
  },

  SetAllocation: whenOpen<'SetAllocation'>((command, state, context) => {
    const { villageCode, source, amount, legalReference } = command.payload;
    const allocatable = requireAllocatable(context, villageCode, source);
    if (allocatable instanceof DomainError) return allocatable;
    const key = allocationKey(villageCode, source);
    const previous = state.allocations.get(key);
    if (!previous) return [regencyFact('AllocationSet', command.payload, legalReference.date)];
    const transferred = transferredTo(state, key);
    if (rupiah(amount).lessThan(transferred)) {
      return new DomainError('ALLOCATION_NOT_BELOW_TRANSFERRED', 'amount', amount, {
        id: `sudah disalurkan ${transferred.toFixed(2)}`,
        en: `already transferred ${transferred.toFixed(2)}`,
      });
    }
    return [
      regencyFact(
        'AllocationRevised',
        { ...command.payload, previousAmount: previous.amount },
        legalReference.date,
      ),
    ];
  }),
};

/** The village is the regency's and the source is one the regency allocates. */
export function requireAllocatable(
  context: RegencyContext,
  villageCode: string,
  sourceCode: string,
): FundSource | DomainError {
  const village = requireVillage(context.reference, 'villageCode', villageCode);
  if (village instanceof DomainError) return village;
  const source = requireFundSource(context.reference, 'source', sourceCode);
  if (source instanceof DomainError) return source;
  return source.regencyAllocated
    ? source
    : new DomainError('SOURCE_ALLOCATABLE', 'source', sourceCode);
}

/** The current allocation, which stage plans and transfers need. */
export function requireAllocation(state: RegencyState, villageCode: string, source: string) {
  return (
    state.allocations.get(allocationKey(villageCode, source)) ??
    new DomainError('ALLOCATION_EXISTS', 'villageCode/source', `${villageCode}/${source}`)
  );
}

/** An event on an allocation (a revision, a stage plan, a transfer) must find it. */
export function assertAllocated(
  state: RegencyState,
  eventType: string,
  { villageCode, source }: { villageCode: string; source: string },
): void {
  if (!state.allocations.has(allocationKey(villageCode, source)))
    throw new ImpossibleEventError(eventType, {
      id: `tidak ada pagu ${villageCode}/${source}`,
      en: `there is no allocation ${villageCode}/${source}`,
    });
}

function storeAllocation(
  state: RegencyState,
  { previousAmount: _previous, ...allocation }: Allocation & { previousAmount?: string },
): RegencyState {
  return {
    ...state,
    allocations: state.allocations.set(
      allocationKey(allocation.villageCode, allocation.source),
      allocation,
    ),
  };
}

export const allocationEvolvers: RegencyEvolvers<
  'RegencyFiscalYearOpened' | 'AllocationSet' | 'AllocationRevised'
> = {
  RegencyFiscalYearOpened: (state, event) => ({ ...state, opened: event.data }),
  AllocationSet: (state, event) => storeAllocation(state, event.data),
  AllocationRevised: (state, event) => {
    assertAllocated(state, event.type, event.data);
    return storeAllocation(state, event.data);
  },
};
