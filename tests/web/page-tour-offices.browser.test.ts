import { describePageTour } from './support/page-tour';

describePageTour('a tour of every page, for the camat and the regency offices', {
  signedOut: false,
  roles: ['districtHead', 'regencyFinance', 'auditor', 'administrator'],
});
