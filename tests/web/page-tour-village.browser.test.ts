import { describePageTour } from './support/page-tour';

describePageTour('a tour of every page, signed out and for each village official', {
  signedOut: true,
  roles: ['treasurer', 'activityExecutor', 'secretary', 'villageHead'],
});
