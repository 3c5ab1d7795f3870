import type { Policy } from '../reference/reference-data';
import { addWorkingDays } from './calendar';
import type { VillageState } from './state';

/**
 * Monitored, not enforced: conditions the regency's monitoring view shows.
 * Pure queries over the state; nothing is recorded.
 */
export interface OverduePanjar {
  sppId: string;
  paymentId: string;
  paidOn: string;
  dueOn: string;
  amount: string;
}

/** Panjar not accounted for by SPJ within the policy's window of working days. */
export function overduePanjar(state: VillageState, policy: Policy, asOf: string): OverduePanjar[] {
  return [...state.paymentRequests.values()].flatMap(({ status, payment }) => {
    if (status !== 'advanced' || !payment) return [];
    const dueOn = addWorkingDays(policy, payment.date, policy.panjarWorkingDays);
    return dueOn < asOf
      ? [
          {
            sppId: payment.sppId,
            paymentId: payment.paymentId,
            paidOn: payment.date,
            dueOn,
            amount: payment.gross,
          },
        ]
      : [];
  });
}
