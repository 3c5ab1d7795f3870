import type { DomainError } from '../shared/domain-error';
import {
  factBuilder,
  whenFiscalYearOpen,
  type AreaEvolvers,
  type AreaHandlers,
} from '../shared/decider';
import type { Fact } from '../shared/envelope';
import type { VillageCommand, VillageCommandOf } from './commands';
import type { VillageContext } from './context';
import type { VillageEvent } from './events';
import type { FiscalYearState, VillageState } from './state';

/** Building blocks shared by the village areas (fiscal year, planning, budget, …). */
export type VillageHandlers<K extends VillageCommand['type']> = AreaHandlers<
  VillageCommand,
  VillageState,
  VillageEvent,
  VillageContext,
  K
>;
export type VillageEvolvers<K extends VillageEvent['type']> = AreaEvolvers<
  VillageEvent,
  VillageState,
  K
>;
export type VillageDecision = Fact<VillageEvent>[] | DomainError;

export const villageFact = factBuilder<VillageEvent>();

const openFiscalYear = whenFiscalYearOpen<VillageState, VillageContext, FiscalYearState>(
  (state) => state.fiscalYear,
);

/** Every command but the opening one needs an opened fiscal year. */
export function whenOpen<T extends VillageCommand['type']>(
  handler: (
    command: VillageCommandOf<T>,
    state: VillageState,
    fiscalYear: FiscalYearState,
    context: VillageContext,
  ) => VillageDecision,
): (command: VillageCommandOf<T>, state: VillageState, context: VillageContext) => VillageDecision {
  return openFiscalYear(handler);
}
