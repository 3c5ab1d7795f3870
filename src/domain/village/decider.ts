import type { CoreDecider } from '../shared/decider';
import { withIdempotency } from '../shared/idempotency';
import { amendmentEvolvers, amendmentHandlers } from './budget-amendment';
import { cashEvolvers, cashHandlers } from './cash';
import { closingEvolvers, closingHandlers } from './closing';
import { correctionEvolvers, correctionHandlers } from './corrections';
import { financingEvolvers, financingHandlers } from './financing';
import { draftingEvolvers, draftingHandlers } from './budget-drafting';
import { lifecycleEvolvers, lifecycleHandlers } from './budget-lifecycle';
import type { VillageCommand } from './commands';
import type { VillageContext } from './context';
import { villageEventSchemas, type VillageEvent } from './events';
import { fiscalYearEvolvers, fiscalYearHandlers } from './fiscal-year';
import { planningEvolvers, planningHandlers } from './planning';
import { paymentRequestEvolvers, paymentRequestHandlers } from './payment-requests';
import { paymentEvolvers, paymentHandlers } from './payments';
import { receiptEvolvers, receiptHandlers } from './receipts';
import { openingEvolvers, openingHandlers } from './opening';
import { initialVillageState, type VillageState } from './state';
import { siskeudesImportEvolvers } from './siskeudes-import';
import { taxDepositEvolvers, taxDepositHandlers } from './tax-deposits';

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
      ...receiptHandlers,
      ...cashHandlers,
      ...paymentRequestHandlers,
      ...paymentHandlers,
      ...taxDepositHandlers,
      ...correctionHandlers,
      ...closingHandlers,
      ...financingHandlers,
      ...openingHandlers,
    },
    evolvers: {
      ...fiscalYearEvolvers,
      ...planningEvolvers,
      ...draftingEvolvers,
      ...lifecycleEvolvers,
      ...amendmentEvolvers,
      ...receiptEvolvers,
      ...cashEvolvers,
      ...paymentRequestEvolvers,
      ...paymentEvolvers,
      ...taxDepositEvolvers,
      ...correctionEvolvers,
      ...closingEvolvers,
      ...financingEvolvers,
      ...openingEvolvers,
      ...siskeudesImportEvolvers,
    },
    events: villageEventSchemas,
  };

export const villageDecider = withIdempotency(villageCore);

export function villageStreamId(villageCode: string, fiscalYear: number): string {
  return `${villageStreamPrefix(villageCode)}${fiscalYear}`;
}

/** What every year stream of the village starts with. */
export function villageStreamPrefix(villageCode: string): string {
  return `village-${villageCode}-`;
}
