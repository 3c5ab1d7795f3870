import { DomainError } from '../shared/domain-error';
import { rupiah, toAmountText, type Rupiah } from '../shared/money';
import { villageFact, type VillageDecision } from './area';
import { balanceOf, keyOf, monthOf, type Movement, type MovementKind } from './books';
import { budgetAt, checkLineRealisation } from './budget-in-force';
import { unlessWaived, type VillageContext } from './context';
import type { VillageEvent } from './events';
import type { Fact } from '../shared/envelope';
import { postingOf, type EntryData, type EntryType, type Posting } from './postings';
import type { VillageState } from './state';

/**
 * Decide-time bookkeeping: an entry is accepted only when its number is new,
 * its date is in an open month of the year and its movements keep every
 * invariant (cash and bank ≥ 0, fund restriction, line budget, tax payable,
 * receipts within transfers). A cash-on-hand limit breach in warn mode adds
 * a CashOnHandLimitExceeded fact; in block mode it refuses.
 */
export function bookEntry<K extends EntryType>(
  state: VillageState,
  context: VillageContext,
  type: K,
  data: EntryData<K>,
): VillageDecision {
  const posting = postingOf(type, data);
  // The same construction as villageFact, which TypeScript cannot check for a generic K.
  const fact = { type, data, businessDate: posting.date } as Fact<VillageEvent>;
  return bookPosting(state, context, fact, posting);
}

export function bookPosting(
  state: VillageState,
  context: VillageContext,
  fact: Fact<VillageEvent>,
  posting: Posting,
): VillageDecision {
  const refused =
    checkEntryId(state, posting.entryId) ?? checkOpenDate(state, context, posting.date);
  if (refused) return refused;
  const warnings: Fact<VillageEvent>[] = [];
  for (const { kind, id, amount } of netMovements(posting.movements)) {
    if (amount.isZero()) continue;
    const before = balanceOf(state.books, kind, id);
    const check = { state, context, posting, id, before, after: before.plus(amount) };
    const outcome = CHECKS[kind](check);
    if (outcome instanceof DomainError) {
      if (unlessWaived(context, outcome)) return outcome;
      continue;
    }
    if (outcome) warnings.push(outcome);
  }
  return [fact, ...warnings];
}

export function checkEntryId(state: VillageState, entryId: string): DomainError | undefined {
  return state.books.entries.has(entryId)
    ? new DomainError('ENTRY_ID_UNIQUE', 'entryId', entryId)
    : undefined;
}

/** Entries belong to the fiscal year, in a month not yet closed, before the year is closed. */
export function checkOpenDate(
  state: VillageState,
  context: VillageContext,
  date: string,
): DomainError | undefined {
  if (state.closing.year) {
    return new DomainError('FISCAL_YEAR_CLOSED', 'fiscalYear', String(context.fiscalYear));
  }
  if (!date.startsWith(`${context.fiscalYear}-`)) {
    return new DomainError('DATE_IN_FISCAL_YEAR', 'date', date);
  }
  const closed = state.closing.lastClosedMonth;
  if (closed !== undefined && monthOf(date) <= closed) {
    return new DomainError('MONTH_CLOSED', 'date', date, {
      id: `tutup buku terakhir ${closed}`,
      en: `last closed month ${closed}`,
    });
  }
  return undefined;
}

function netMovements(movements: readonly Movement[]): Iterable<Movement> {
  const net = new Map<string, Movement>();
  for (const each of movements) {
    const key = keyOf(each.kind, each.id);
    const previous = net.get(key);
    net.set(key, previous ? { ...each, amount: previous.amount.plus(each.amount) } : each);
  }
  return net.values();
}

interface BalanceCheck {
  state: VillageState;
  context: VillageContext;
  posting: Posting;
  id: string;
  before: Rupiah;
  after: Rupiah;
}

type Outcome = DomainError | Fact<VillageEvent> | undefined;

function shortOf(check: BalanceCheck) {
  const text = `${toAmountText(check.before)} < ${toAmountText(check.before.minus(check.after))}`;
  return { id: `saldo ${text}`, en: `balance ${text}` };
}

function belowZero(rule: 'CASH_NOT_NEGATIVE' | 'FUND_RESTRICTION' | 'TAX_WITHIN_PAYABLE') {
  const fields = {
    CASH_NOT_NEGATIVE: 'account',
    FUND_RESTRICTION: 'source',
    TAX_WITHIN_PAYABLE: 'tax',
  };
  return (check: BalanceCheck): Outcome =>
    check.after.isNegative() && check.after.lessThan(check.before)
      ? new DomainError(rule, fields[rule], check.id, shortOf(check))
      : undefined;
}

function checkCash(check: BalanceCheck): Outcome {
  const negative = belowZero('CASH_NOT_NEGATIVE')(check);
  if (negative || check.id !== 'cashOnHand' || !check.after.greaterThan(check.before)) {
    return negative;
  }
  const { amount, mode } = check.context.reference.policy.cashOnHandLimit;
  if (!check.after.greaterThan(rupiah(amount))) return undefined;
  const balance = toAmountText(check.after);
  if (mode === 'block') {
    return new DomainError('CASH_ON_HAND_LIMIT', 'cashOnHand', balance, {
      id: `batas ${amount}`,
      en: `limit ${amount}`,
    });
  }
  const { entryId, date } = check.posting;
  return villageFact('CashOnHandLimitExceeded', { entryId, date, balance, limit: amount }, date);
}

function checkLine(check: BalanceCheck): Outcome {
  if (!check.after.greaterThan(check.before)) return undefined;
  const budget = budgetAt(check.state.budget, check.posting.date);
  return checkLineRealisation(budget, check.context, check.id, check.before, check.after);
}

function checkStage(check: BalanceCheck): Outcome {
  const transferred = rupiah(check.context.transfers.get(check.id) ?? '0');
  if (!check.after.greaterThan(transferred) || !check.after.greaterThan(check.before)) {
    return undefined;
  }
  return new DomainError('RECEIPT_WITHIN_TRANSFER', 'transfer.stage', check.id, {
    id: `disalurkan ${toAmountText(transferred)}, sudah diterima ${toAmountText(check.before)}`,
    en: `transferred ${toAmountText(transferred)}, already received ${toAmountText(check.before)}`,
  });
}

const CHECKS: Record<MovementKind, (check: BalanceCheck) => Outcome> = {
  cash: checkCash,
  source: belowZero('FUND_RESTRICTION'),
  tax: belowZero('TAX_WITHIN_PAYABLE'),
  line: checkLine,
  stage: checkStage,
  revenue: () => undefined,
  month: () => undefined,
};
