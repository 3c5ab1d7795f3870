import type { DomainError } from '../shared/domain-error';
import {
  factBuilder,
  whenFiscalYearOpen,
  type AreaEvolvers,
  type AreaHandlers,
} from '../shared/decider';
import type { Fact } from '../shared/envelope';
import type { RegencyCommand, RegencyCommandOf } from './commands';
import type { RegencyContext } from './context';
import type { RegencyEvent } from './events';
import type { RegencyState } from './state';

/** Building blocks shared by the regency areas (allocations, stages, transfers). */
export type RegencyHandlers<K extends RegencyCommand['type']> = AreaHandlers<
  RegencyCommand,
  RegencyState,
  RegencyEvent,
  RegencyContext,
  K
>;
export type RegencyEvolvers<K extends RegencyEvent['type']> = AreaEvolvers<
  RegencyEvent,
  RegencyState,
  K
>;
export type RegencyDecision = Fact<RegencyEvent>[] | DomainError;

export const regencyFact = factBuilder<RegencyEvent>();

const openFiscalYear = whenFiscalYearOpen<RegencyState, RegencyContext, unknown>(
  (state) => state.opened,
);

export function whenOpen<T extends RegencyCommand['type']>(
  handler: (
    command: RegencyCommandOf<T>,
    state: RegencyState,
    context: RegencyContext,
  ) => RegencyDecision,
): (command: RegencyCommandOf<T>, state: RegencyState, context: RegencyContext) => RegencyDecision {
  return openFiscalYear((command: RegencyCommandOf<T>, state, _opened, context) =>
    handler(command, state, context),
  );
}
