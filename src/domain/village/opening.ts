import { checkFundSources, checkTaxes } from '../reference/reference-rules';
import { DomainError } from '../shared/domain-error';
import { ImpossibleEventError } from '../shared/impossible-event';
import { rupiah, sum, toAmountText, type Rupiah } from '../shared/money';
import { villageFact, whenOpen, type VillageEvolvers, type VillageHandlers } from './area';
import { bookPosting, checkOpenDate } from './bookkeeping';
import { cash, movement, moveOpening, negated, type Movement } from './books';
import type { VillageEvent, VillageEventOf } from './events';
import type { FiscalYearState, VillageState } from './state';

/** The figures an opening carries: cash and bank, SiLPA per source, tax payable. */
export type OpeningFigures = Pick<FiscalYearState, 'openingBalances' | 'silpa' | 'taxPayable'>;

type ActualSilpa = VillageEventOf<'ActualSilpaRecorded'>['data'];
type Corrected = VillageEventOf<'OpeningCorrected'>['data'];

/**
 * The day the LRA realises the SiLPA: 1 January when the opening carried it,
 * the day it was booked when it came later, none while the budget's SiLPA is
 * only an estimate.
 */
export function silpaRecordedOn(fiscalYear: FiscalYearState): string | undefined {
  if (fiscalYear.silpaRecordedOn !== undefined) return fiscalYear.silpaRecordedOn;
  return fiscalYear.silpaToBeRecorded ? undefined : `${fiscalYear.fiscalYear}-01-01`;
}

const total = (entries: readonly { amount: string }[]): Rupiah =>
  sum(entries.map((entry) => rupiah(entry.amount)));

/** The SiLPA of every source and the carried tax payable are money the opening cash and bank hold. */
export function checkSilpaHeld(figures: OpeningFigures): DomainError | undefined {
  const silpa = total(figures.silpa);
  const tax = total(figures.taxPayable ?? []);
  const { cashOnHand, bank } = figures.openingBalances;
  if (!silpa.plus(tax).greaterThan(rupiah(cashOnHand).plus(rupiah(bank)))) return undefined;
  const [s, t, c, b] = [silpa, tax, rupiah(cashOnHand), rupiah(bank)].map(toAmountText);
  return new DomainError('SILPA_HELD_BY_OPENING_BALANCES', 'silpa', toAmountText(silpa), {
    id: `SiLPA ${s} + pajak terutang ${t} > kas tunai ${c} + bank ${b}`,
    en: `SiLPA ${s} + tax payable ${t} > cash on hand ${c} + bank ${b}`,
  });
}

function figureMovements(figures: OpeningFigures): Movement[] {
  return [
    cash('cashOnHand', figures.openingBalances.cashOnHand),
    cash('bank', figures.openingBalances.bank),
    ...figures.silpa.map((entry) => movement('source', entry.source, entry.amount)),
    ...(figures.taxPayable ?? []).map((entry) => movement('tax', entry.tax, entry.amount)),
  ];
}

const correctionMovements = (before: OpeningFigures, after: OpeningFigures) => [
  ...figureMovements(after),
  ...negated(figureMovements(before)),
];

const silpaMovements = (data: ActualSilpa) =>
  data.silpa.map((entry) => movement('source', entry.source, entry.amount));

/** How an opening change moves the balances: the same movements for the domain and the read models. */
export function openingChangeMovements(event: VillageEvent): Movement[] | undefined {
  if (event.type === 'ActualSilpaRecorded') return silpaMovements(event.data);
  if (event.type === 'OpeningCorrected')
    return correctionMovements(event.data.before, event.data.after);
  return undefined;
}

const figuresOf = (fiscalYear: FiscalYearState) => ({
  openingBalances: fiscalYear.openingBalances,
  silpa: fiscalYear.silpa,
  taxPayable: fiscalYear.taxPayable ?? [],
});

/**
 * The SiLPA booked when the previous year's closing is known, and corrections
 * of the opening figures: proposed by the treasurer with a reason, in effect
 * only once the secretary verifies (as an SPP is verified).
 */
export const openingHandlers: VillageHandlers<
  'RecordActualSilpa' | 'ProposeOpeningCorrection' | 'VerifyOpeningCorrection'
> = {
  RecordActualSilpa: whenOpen<'RecordActualSilpa'>((command, state, fiscalYear, context) => {
    const { payload } = command;
    if (!fiscalYear.silpaToBeRecorded || fiscalYear.silpaRecordedOn !== undefined) {
      return new DomainError(
        'SILPA_TO_BE_RECORDED',
        'silpa',
        fiscalYear.silpaRecordedOn ?? String(context.fiscalYear),
      );
    }
    return (
      checkOpenDate(state, context, payload.date) ??
      checkFundSources(context.reference, 'silpa', payload.silpa) ??
      checkSilpaHeld({ ...fiscalYear, silpa: payload.silpa }) ?? [
        villageFact('ActualSilpaRecorded', payload, payload.date),
      ]
    );
  }),

  ProposeOpeningCorrection: whenOpen<'ProposeOpeningCorrection'>(
    (command, state, fiscalYear, context) => {
      const { payload } = command;
      if (state.openingCorrections.has(payload.correctionId)) {
        return new DomainError('ENTRY_ID_UNIQUE', 'correctionId', payload.correctionId);
      }
      const pending = [...state.openingCorrections.values()].find(
        (each) => each.status === 'proposed',
      );
      if (pending) {
        return new DomainError(
          'OPENING_CORRECTION_PENDING',
          'correctionId',
          pending.proposal.correctionId,
        );
      }
      if (silpaRecordedOn(fiscalYear) === undefined && payload.silpa.length > 0) {
        return new DomainError(
          'SILPA_NOT_YET_RECORDED',
          'silpa',
          toAmountText(total(payload.silpa)),
        );
      }
      return (
        checkOpenDate(state, context, payload.date) ??
        checkFundSources(context.reference, 'silpa', payload.silpa) ??
        checkTaxes(context.reference, 'taxPayable', payload.taxPayable) ??
        checkSilpaHeld(payload) ?? [
          villageFact(
            'OpeningCorrectionProposed',
            { ...payload, proposedBy: command.actor.id },
            payload.date,
          ),
        ]
      );
    },
  ),

  VerifyOpeningCorrection: whenOpen<'VerifyOpeningCorrection'>(
    (command, state, fiscalYear, context) => {
      const { correctionId, date, outcome, reasons } = command.payload;
      const correction = state.openingCorrections.get(correctionId);
      if (correction?.status !== 'proposed') {
        return new DomainError('OPENING_CORRECTION_KNOWN', 'correctionId', correctionId);
      }
      if (outcome === 'returned') {
        return reasons.length === 0
          ? new DomainError('OPENING_CORRECTION_REASONS', 'reasons', '[]')
          : [villageFact('OpeningCorrectionReturned', { correctionId, date, reasons }, date)];
      }
      const { proposal } = correction;
      if (proposal.proposedBy === command.actor.id) {
        return new DomainError('OPENING_CORRECTION_VERIFIER', 'actor.id', command.actor.id);
      }
      const before = figuresOf(fiscalYear);
      const after = figuresOf({ ...fiscalYear, ...proposal });
      const corrected: Corrected = {
        correctionId,
        date,
        reason: proposal.reason,
        proposedBy: proposal.proposedBy,
        verifiedBy: command.actor.id,
        before,
        after,
      };
      // Checked as an entry dated today: an open month, and no balance pushed below zero.
      return bookPosting(state, context, villageFact('OpeningCorrected', corrected, date), {
        entryId: correctionId,
        date,
        movements: correctionMovements(before, after),
        settles: [],
      });
    },
  ),
};

function openedYear(state: VillageState, eventType: string): FiscalYearState {
  if (state.fiscalYear) return state.fiscalYear;
  throw new ImpossibleEventError(eventType, {
    id: 'tahun anggaran desa belum dibuka',
    en: 'the village fiscal year is not open',
  });
}

/** The read models fold the correction without its proposal: they only need the figures. */
function withCorrectionVerified(state: VillageState, correctionId: string): VillageState {
  const correction = state.openingCorrections.get(correctionId);
  return correction
    ? {
        ...state,
        openingCorrections: state.openingCorrections.set(correctionId, {
          ...correction,
          status: 'verified',
        }),
      }
    : state;
}

export const openingEvolvers: VillageEvolvers<
  | 'ActualSilpaRecorded'
  | 'OpeningCorrectionProposed'
  | 'OpeningCorrectionReturned'
  | 'OpeningCorrected'
> = {
  ActualSilpaRecorded: (state, event) => ({
    ...state,
    fiscalYear: {
      ...openedYear(state, event.type),
      silpa: event.data.silpa,
      silpaRecordedOn: event.data.date,
    },
    books: moveOpening(state.books, silpaMovements(event.data)),
  }),
  OpeningCorrectionProposed: (state, event) => ({
    ...state,
    openingCorrections: state.openingCorrections.set(event.data.correctionId, {
      proposal: event.data,
      status: 'proposed',
    }),
  }),
  OpeningCorrectionReturned: (state, event) => {
    const correction = state.openingCorrections.get(event.data.correctionId);
    if (!correction)
      throw new ImpossibleEventError(event.type, {
        id: `koreksi pembukaan ${event.data.correctionId} tidak ada`,
        en: `the opening correction ${event.data.correctionId} does not exist`,
      });
    return {
      ...state,
      openingCorrections: state.openingCorrections.set(event.data.correctionId, {
        ...correction,
        status: 'returned',
      }),
    };
  },
  OpeningCorrected: (state, event) => {
    const corrected = withCorrectionVerified(state, event.data.correctionId);
    return {
      ...corrected,
      fiscalYear: { ...openedYear(state, event.type), ...event.data.after },
      books: moveOpening(state.books, correctionMovements(event.data.before, event.data.after)),
    };
  },
};
