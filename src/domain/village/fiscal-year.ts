import { checkFundSources, checkTaxes, requireVillage } from '../reference/reference-rules';
import { DomainError } from '../shared/domain-error';
import { villageFact, type VillageEvolvers, type VillageHandlers } from './area';
import { openingBooks } from './books';
import { checkCarryOver } from './carry-over';
import { checkSilpaHeld } from './opening';

/** Opening the village fiscal year: opening balances and SiLPA per fund source. */
export const fiscalYearHandlers: VillageHandlers<'OpenVillageFiscalYear'> = {
  OpenVillageFiscalYear(command, state, context) {
    if (state.fiscalYear) {
      return new DomainError('FISCAL_YEAR_ALREADY_OPEN', 'fiscalYear', String(context.fiscalYear));
    }
    const village = requireVillage(context.reference, 'villageCode', context.villageCode);
    if (village instanceof DomainError) return village;
    const unknownSource = checkFundSources(context.reference, 'silpa', command.payload.silpa);
    if (unknownSource) return unknownSource;
    const unknownTax = checkTaxes(
      context.reference,
      'taxPayable',
      command.payload.taxPayable ?? [],
    );
    if (unknownTax) return unknownTax;
    if (command.payload.silpaToBeRecorded && command.payload.silpa.length > 0) {
      return new DomainError('SILPA_LEFT_FOR_LATER', 'silpa', String(command.payload.silpa.length));
    }
    // Figures that are not the previous year's closing are named as such before anything else about them.
    const previous = context.previousYear;
    const notCarried = previous && checkCarryOver(command.payload, previous);
    if (notCarried) return notCarried;
    const unheld = checkSilpaHeld(command.payload);
    if (unheld) return unheld;
    return [
      villageFact('VillageFiscalYearOpened', {
        ...command.payload,
        villageCode: context.villageCode,
        fiscalYear: context.fiscalYear,
        ...(previous?.status === 'closed' ? { carriedFrom: previous.link } : {}),
      }),
    ];
  },
};

export const fiscalYearEvolvers: VillageEvolvers<'VillageFiscalYearOpened'> = {
  VillageFiscalYearOpened: (state, event) => ({
    ...state,
    fiscalYear: event.data,
    books: openingBooks(event.data),
  }),
};
