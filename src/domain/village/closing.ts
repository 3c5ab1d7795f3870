import { DomainError } from '../shared/domain-error';
import { rupiah, toAmountText, type Rupiah } from '../shared/money';
import { villageFact, whenOpen, type VillageEvolvers, type VillageHandlers } from './area';
import { balanceOf, balancesOf, type BooksState } from './books';
import { lastDayOfMonth } from './calendar';
import type { CashAccount } from './execution-commands';
import type { FiscalYearState } from './state';

const MONTHS_IN_YEAR = 12;

/** Monthly closing (tutup buku) against the declared cash count and bank statement; year closing. */
export const closingHandlers: VillageHandlers<'CloseMonth' | 'CloseFiscalYear'> = {
  CloseMonth: whenOpen<'CloseMonth'>((command, state, fiscalYear, context) => {
    const { month, date, cashCount, bankBalance } = command.payload;
    if (state.closing.year) {
      return new DomainError('FISCAL_YEAR_CLOSED', 'fiscalYear', String(context.fiscalYear));
    }
    const expected = nextMonthToClose(state.closing.lastClosedMonth, context.fiscalYear);
    if (month !== expected) {
      return new DomainError('MONTH_CLOSING_ORDER', 'month', month, {
        id: `berikutnya ${expected ?? '-'}`,
        en: `next ${expected ?? '-'}`,
      });
    }
    if (date < lastDayOfMonth(month)) return new DomainError('MONTH_CLOSING_DATE', 'date', date);
    const booked = bookedAtMonthEnd(state.books, fiscalYear, month);
    const declared = { cashOnHand: rupiah(cashCount), bank: rupiah(bankBalance) };
    return [
      villageFact(
        'MonthClosed',
        {
          ...command.payload,
          booked: amounts((account) => booked[account]),
          difference: amounts((account) => declared[account].minus(booked[account])),
        },
        date,
      ),
    ];
  }),

  CloseFiscalYear: whenOpen<'CloseFiscalYear'>((command, state, _fiscalYear, context) => {
    if (state.closing.year) {
      return new DomainError('FISCAL_YEAR_CLOSED', 'fiscalYear', String(context.fiscalYear));
    }
    const december = `${context.fiscalYear}-${MONTHS_IN_YEAR}`;
    if (state.closing.lastClosedMonth !== december) {
      return new DomainError(
        'MONTHS_CLOSED',
        'lastClosedMonth',
        state.closing.lastClosedMonth ?? '',
      );
    }
    const outstanding = [...state.paymentRequests.values()].find(
      (request) => request.status === 'advanced',
    );
    if (outstanding) {
      return new DomainError('PANJAR_OUTSTANDING', 'sppId', outstanding.request.sppId);
    }
    return [
      villageFact(
        'FiscalYearClosed',
        {
          ...command.payload,
          balances: amounts((account) => balanceOf(state.books, 'cash', account)),
          silpa: nonZero(state.books, 'source').map(([source, amount]) => ({ source, amount })),
          taxPayable: nonZero(state.books, 'tax').map(([tax, amount]) => ({ tax, amount })),
        },
        command.payload.date,
      ),
    ];
  }),
};

function amounts(of: (account: CashAccount) => Rupiah) {
  return { cashOnHand: toAmountText(of('cashOnHand')), bank: toAmountText(of('bank')) };
}

function nonZero(books: BooksState, kind: 'source' | 'tax'): [string, string][] {
  return balancesOf(books, kind)
    .filter(([, amount]) => !amount.isZero())
    .map(([id, amount]) => [id, toAmountText(amount)]);
}

/** The month the next closing must close (`YYYY-MM`), or none after December. */
export function nextMonthToClose(
  lastClosed: string | undefined,
  fiscalYear: number,
): string | undefined {
  const next = lastClosed === undefined ? 1 : Number.parseInt(lastClosed.slice(5), 10) + 1;
  return next > MONTHS_IN_YEAR ? undefined : `${fiscalYear}-${String(next).padStart(2, '0')}`;
}

/** Opening balances plus every month's net cash movement up to and including the month. */
function bookedAtMonthEnd(
  books: BooksState,
  fiscalYear: FiscalYearState,
  month: string,
): Record<CashAccount, Rupiah> {
  const monthly = balancesOf(books, 'month');
  const booked = (account: CashAccount) =>
    monthly
      .filter(([id]) => id.endsWith(`|${account}`) && id.slice(0, 7) <= month)
      .reduce(
        (total, [, amount]) => total.plus(amount),
        rupiah(fiscalYear.openingBalances[account]),
      );
  return { cashOnHand: booked('cashOnHand'), bank: booked('bank') };
}

export const closingEvolvers: VillageEvolvers<'MonthClosed' | 'FiscalYearClosed'> = {
  MonthClosed: (state, event) => ({
    ...state,
    closing: {
      ...state.closing,
      months: state.closing.months.set(event.data.month, event.data),
      lastClosedMonth: event.data.month,
    },
  }),
  FiscalYearClosed: (state, event) => ({
    ...state,
    closing: { ...state.closing, year: event.data },
  }),
};
