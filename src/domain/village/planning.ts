import { checkFundSources, requireKegiatanUnder } from '../reference/reference-rules';
import { DomainError } from '../shared/domain-error';
import { villageFact, whenOpen, type VillageEvolvers, type VillageHandlers } from './area';

/** RKPDes: the year's planned activities, from which the APBDes is drafted. */
export const planningHandlers: VillageHandlers<'PlanRkpdesActivity'> = {
  PlanRkpdesActivity: whenOpen<'PlanRkpdesActivity'>((command, state, _fiscalYear, context) => {
    const activity = command.payload;
    if (state.planning.activities.has(activity.activityId)) {
      return new DomainError('ACTIVITY_ID_UNIQUE', 'activityId', activity.activityId);
    }
    const kegiatan = requireKegiatanUnder(
      context.reference,
      'kegiatanCode',
      activity.kegiatanCode,
      activity.subBidangCode,
    );
    if (kegiatan instanceof DomainError) return kegiatan;
    const unknownSource = checkFundSources(
      context.reference,
      'estimatedCosts',
      activity.estimatedCosts,
    );
    if (unknownSource) return unknownSource;
    return [villageFact('RkpdesActivityPlanned', { ...activity, bidangCode: kegiatan.bidangCode })];
  }),
};

export const planningEvolvers: VillageEvolvers<'RkpdesActivityPlanned'> = {
  RkpdesActivityPlanned: (state, event) => ({
    ...state,
    planning: {
      activities: state.planning.activities.set(event.data.activityId, event.data),
    },
  }),
};
