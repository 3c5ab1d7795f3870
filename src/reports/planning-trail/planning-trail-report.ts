import type {
  ActivityTrail,
  VillagePlanningTrail,
} from '../../../projections/read-models/planning-trail';
import type { VillageView } from '../../../projections/folds/village-books';

/**
 * The trail completed from the books: each SPP of the activity, whether and
 * when it was paid. Output achieved is not recorded by any event yet, so it
 * stays null.
 */
export interface SppStep {
  sppId: string;
  kind: string;
  date: string;
  total: string;
  status: string;
  paid: { paymentId: string; date: string; gross: string } | null;
}

export interface CompletedTrail extends ActivityTrail {
  paymentRequests: SppStep[];
  outputAchieved: null;
}

export function completeTrail(
  trail: VillagePlanningTrail,
  state: VillageView | undefined,
): VillagePlanningTrail & { activities: CompletedTrail[] } {
  const requests = [...(state?.whole().paymentRequests.values() ?? [])];
  return {
    ...trail,
    activities: trail.activities.map((activity) => ({
      ...activity,
      paymentRequests: requests
        .filter((r) => r.request.activityId === activity.activityId)
        .map(({ request, status, payment }) => ({
          sppId: request.sppId,
          kind: request.kind,
          date: request.date,
          total: request.total,
          status,
          paid: payment
            ? { paymentId: payment.paymentId, date: payment.date, gross: payment.gross }
            : null,
        })),
      outputAchieved: null,
    })),
  };
}
