import { DomainError } from '../shared/domain-error';
import { rupiah, toAmountText } from '../shared/money';
import type { VillageCommandOf } from './commands';
import type { VillageEventOf } from './events';

type Closing = VillageEventOf<'FiscalYearClosed'>['data'];
type Opening = VillageCommandOf<'OpenVillageFiscalYear'>['payload'];

/** Where an opening came from: the previous year's closing event, for an auditor to follow. */
export interface ClosingLink {
  streamId: string;
  revision: number;
  eventId: string;
}

/**
 * The village's previous fiscal year as the app found it in the ledger
 * (absent from the context when the ledger does not hold it).
 */
export type PreviousYear =
  | { status: 'open'; fiscalYear: number }
  | { status: 'closed'; fiscalYear: number; closing: Closing; link: ClosingLink };

/** The opening figures a closing carries into the next year: balances, SiLPA and tax payable. */
export function carryOver(closing: Closing): Opening {
  return {
    openingBalances: closing.balances,
    silpa: closing.silpa,
    taxPayable: closing.taxPayable,
  };
}

/**
 * Refuses an opening of a year whose previous year is in the ledger but not
 * closed (unless its SiLPA is left to be recorded), or whose figures differ
 * from that year's closing.
 */
export function checkCarryOver(opening: Opening, previous: PreviousYear): DomainError | undefined {
  const year = String(previous.fiscalYear);
  // Before the previous year closes, a village may open with its SiLPA still to be recorded:
  // the actual SiLPA follows the closing (RecordActualSilpa).
  if (previous.status === 'open')
    return opening.silpaToBeRecorded
      ? undefined
      : new DomainError('PREVIOUS_FISCAL_YEAR_CLOSED', 'fiscalYear', year);
  const carried = carryOver(previous.closing);
  const differs = (
    field: string,
    given: Record<string, string>,
    expected: Record<string, string>,
  ) =>
    sameAmounts(given, expected)
      ? undefined
      : new DomainError('OPENING_FROM_CLOSING', field, JSON.stringify(given), {
          id: `penutupan ${year}: ${JSON.stringify(expected)}`,
          en: `closing of ${year}: ${JSON.stringify(expected)}`,
        });
  return (
    differs('openingBalances', opening.openingBalances, carried.openingBalances) ??
    differs('silpa', byKey(opening.silpa, 'source'), byKey(carried.silpa, 'source')) ??
    differs(
      'taxPayable',
      byKey(opening.taxPayable ?? [], 'tax'),
      byKey(carried.taxPayable ?? [], 'tax'),
    )
  );
}

function byKey<K extends string>(
  entries: readonly (Record<K, string> & { amount: string })[],
  key: K,
) {
  return Object.fromEntries(entries.map((entry) => [entry[key], entry.amount]));
}

/** Equal keys and equal amounts, however each amount is written ("5" = "5.00"); zero counts as absent. */
function sameAmounts(given: Record<string, string>, expected: Record<string, string>): boolean {
  const normal = (amounts: Record<string, string>) =>
    Object.entries(amounts)
      .filter(([, amount]) => !rupiah(amount).isZero())
      .map(([key, amount]) => `${key}=${toAmountText(rupiah(amount))}`)
      .sort()
      .join(',');
  return normal(given) === normal(expected);
}
