import type { CoreDecider } from '../shared/decider';
import { withIdempotency } from '../shared/idempotency';
import { allocationEvolvers, allocationHandlers } from './allocations';
import type { RegencyCommand } from './commands';
import type { RegencyContext } from './context';
import { evaluationEvolvers, evaluationHandlers } from './evaluations';
import { regencyEventSchemas, type RegencyEvent } from './events';
import { stageEvolvers, stageHandlers } from './stages';
import { initialRegencyState, type RegencyState } from './state';
import { transferEvolvers, transferHandlers } from './transfers';

/** The regency fiscal-year stream: allocations, Dana Desa stage plans, transfers, the camats' APBDes evaluations. */
export const regencyCore: CoreDecider<RegencyCommand, RegencyState, RegencyEvent, RegencyContext> =
  {
    initialState: initialRegencyState,
    handlers: {
      ...allocationHandlers,
      ...stageHandlers,
      ...transferHandlers,
      ...evaluationHandlers,
    },
    evolvers: {
      ...allocationEvolvers,
      ...stageEvolvers,
      ...transferEvolvers,
      ...evaluationEvolvers,
    },
    events: regencyEventSchemas,
  };

export const regencyDecider = withIdempotency(regencyCore);

export function regencyStreamId(regencyCode: string, fiscalYear: number): string {
  return `regency-${regencyCode}-${fiscalYear}`;
}
