import type { CoreDecider } from '../shared/decider';
import { withIdempotency } from '../shared/idempotency';
import { amendmentEvolvers, amendmentHandlers } from './budget-amendment';
import { draftingEvolvers, draftingHandlers } from './budget-drafting';
import { lifecycleEvolvers, lifecycleHandlers } from './budget-lifecycle';
import type { VillageCommand } from './commands';
import type { VillageContext } from './context';
import { villageEventSchemas, type VillageEvent } from './events';
import { fiscalYearEvolvers, fiscalYearHandlers } from './fiscal-year';
import { planningEvolvers, planningHandlers } from './planning';
import { initialVillageState, type VillageState } from './state';

/** The village fiscal-year stream, composed of one handler/evolver table per area. */
export const villageCore: CoreDecider<VillageCommand, VillageState, VillageEvent, VillageContext> =
  {
    initialState: initialVillageState,
    handlers: {
      ...fiscalYearHandlers,
      ...planningHandlers,
      ...draftingHandlers,
      ...lifecycleHandlers,
      ...amendmentHandlers,
    },
    evolvers: {
      ...fiscalYearEvolvers,
      ...planningEvolvers,
      ...draftingEvolvers,
      ...lifecycleEvolvers,
      ...amendmentEvolvers,
    },
    events: villageEventSchemas,
  };

export const villageDecider = withIdempotency(villageCore);

export function villageStreamId(villageCode: string, fiscalYear: number): string {
  return `village-${villageCode}-${fiscalYear}`;
}
