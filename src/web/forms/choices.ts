import type { AccountClass } from '../../domain/reference/reference-data';
import { balancesOf, type BookEntry } from '../../domain/village/books';
import type { BudgetLine } from '../../domain/village/lines';
import type { EntryType } from '../../domain/village/postings';
import { latestVersion, type PaymentRequestStatus } from '../../domain/village/state';
import { formatDate, formatRupiah } from '../format';
import type { Choice, FormContext } from './form-model';

/** What a form offers to choose from, drawn from the reference data and the village's year. */

export const cashAccounts = (): Choice[] => [
  { value: 'cashOnHand', label: 'Kas tunai' },
  { value: 'bank', label: 'Rekening bank desa' },
];

const coded = (entries: Iterable<{ code: string; name: string }>): Choice[] =>
  [...entries].map((entry) => ({ value: entry.code, label: `${entry.code} · ${entry.name}` }));

export const fundSources = ({ reference }: FormContext): Choice[] =>
  coded(reference.fundSources.values());

/** The detail accounts (Objek) of the classes given, e.g. the revenue accounts a receipt is booked on. */
export const accountsOf =
  (...accountClasses: AccountClass[]) =>
  ({ reference }: FormContext): Choice[] =>
    accountClasses.flatMap((accountClass) => {
      const ofClass = [...reference.accounts.values()].filter(
        (account) => account.accountClass === accountClass,
      );
      const deepest = Math.max(...ofClass.map((account) => account.level));
      return ofClass
        .filter((account) => account.level === deepest)
        .map((account) => ({ value: account.code, label: `${account.code} · ${account.name}` }));
    });

export const subBidang = ({ reference }: FormContext): Choice[] =>
  coded(reference.subBidang.values());

/** Every kegiatan; its code begins with its sub-bidang's, so the list reads grouped. */
export const kegiatan = ({ reference }: FormContext): Choice[] =>
  coded(reference.kegiatan.values());

/** The Dana Desa earmarks (BLT, ketahanan pangan, …): only Dana Desa lines carry one. */
export const earmarks = ({ reference }: FormContext): Choice[] =>
  [...reference.earmarks.values()].map((earmark) => ({ value: earmark.code, label: earmark.name }));

export const taxes = ({ reference }: FormContext): Choice[] =>
  reference.policy.taxes.map((tax) => ({
    value: tax.tax,
    label: `${tax.tax} (${tax.ratePercent.replace('.', ',')} %)`,
  }));

export const activities = ({ state }: FormContext): Choice[] =>
  [...state.planning.activities.values()].map((activity) => ({
    value: activity.activityId,
    label: `${activity.activityId} · ${activity.name}`,
  }));

const lineChoice = (line: BudgetLine): Choice => ({
  value: line.lineId,
  label: `${line.lineId} · ${line.description} · ${formatRupiah(line.amount)}`,
});

const linesInForce = ({ state }: FormContext): BudgetLine[] => [
  ...(latestVersion(state.budget)?.lines.values() ?? []),
];

/** The lines of the budget in force (the latest enacted version), of the kinds given (all if none). */
export const budgetLines =
  (...kinds: BudgetLine['kind'][]) =>
  (context: FormContext): Choice[] =>
    linesInForce(context)
      .filter((line) => kinds.length === 0 || kinds.includes(line.kind))
      .map(lineChoice);

/** The lines of the budget in force booked on the reference data's bank-fee account. */
export const bankFeeLines = (context: FormContext): Choice[] =>
  linesInForce(context)
    .filter((line) => context.reference.accounts.get(line.account)?.bankFee)
    .map(lineChoice);

/** The lines of the version being drafted (the APBDes or a Perubahan). */
export const draftLines = ({ state }: FormContext): Choice[] =>
  [...(state.budget.draft?.lines.values() ?? [])].map(lineChoice);

/** SPPs in the given statuses: the ones a step can act on. */
export const paymentRequests =
  (...statuses: PaymentRequestStatus[]) =>
  ({ state }: FormContext): Choice[] =>
    [...state.paymentRequests.values()]
      .filter((spp) => statuses.includes(spp.status))
      .map(({ request }) => ({
        value: request.sppId,
        label: `${request.sppId} · ${request.description}`,
      }));

/** What each kind of book entry is called on a page. */
const ENTRY_NAMES: Record<EntryType, string> = {
  RevenueReceived: 'Penerimaan',
  CashReceiptsDeposited: 'Setoran ke bank (STS)',
  CashMutated: 'Mutasi kas',
  BankFeeCharged: 'Biaya administrasi bank',
  PaymentRequestPaid: 'Pembayaran SPP',
  PanjarAccounted: 'SPJ panjar',
  TaxDeposited: 'Setoran pajak',
  FinancingReceiptRecorded: 'Penerimaan pembiayaan',
  FinancingExpenditureRecorded: 'Pengeluaran pembiayaan',
};

const isEntryType = (type: string): type is EntryType => Object.hasOwn(ENTRY_NAMES, type);

const cashInto = (entry: BookEntry, account: string) =>
  entry.movements.filter((each) => each.kind === 'cash' && each.id === account);

/** Cash receipts the books hold as received in hand and not yet settled by an STS. */
export const undepositedCashReceipts = ({ state }: FormContext): Choice[] =>
  [...state.books.entries.values()]
    .filter(
      (entry) =>
        entry.type === 'RevenueReceived' &&
        !entry.reversed &&
        entry.settledBy === undefined &&
        cashInto(entry, 'cashOnHand').length > 0,
    )
    .map((entry) => ({
      value: entry.entryId,
      label: `${entry.entryId} · ${formatDate(entry.date)} · ${formatRupiah(
        cashInto(entry, 'cashOnHand')[0]!.amount.toFixed(),
      )}`,
    }));

/** The books' entries not yet reversed, newest first: what a correction can name. */
export const openEntries = ({ state }: FormContext): Choice[] =>
  [...state.books.entries.values()]
    .reverse()
    .flatMap(({ entryId, date, type, reversed }) =>
      !reversed && isEntryType(type)
        ? [{ value: entryId, label: `${entryId} · ${formatDate(date)} · ${ENTRY_NAMES[type]}` }]
        : [],
    );

/** Taxes withheld and not yet deposited, with what is owed. */
export const taxesOwed = ({ state }: FormContext): Choice[] =>
  balancesOf(state.books, 'tax')
    .filter(([, amount]) => amount.greaterThan(0))
    .map(([tax, amount]) => ({
      value: tax,
      label: `${tax} · terutang ${formatRupiah(amount.toFixed())}`,
    }));

/** The financing lines of the budget in force in one direction: what a financing entry realises. */
export const financingLines =
  (direction: 'receipt' | 'expenditure') =>
  (context: FormContext): Choice[] =>
    linesInForce(context)
      .filter((line) => line.kind === 'financing' && line.direction === direction)
      .map(lineChoice);

/** The financing accounts of a class but SiLPA's, which the year's opening carries. */
export const financingAccounts =
  (accountClass: 'financingReceipt' | 'financingExpenditure') =>
  (context: FormContext): Choice[] =>
    accountsOf(accountClass)(context).filter(
      (choice) => !context.reference.accounts.get(choice.value)?.silpa,
    );
/** Opening corrections the treasurer proposed and the secretary has not yet decided. */
export const pendingOpeningCorrections = ({ state }: FormContext): Choice[] =>
  [...state.openingCorrections.values()]
    .filter((correction) => correction.status === 'proposed')
    .map(({ proposal }) => ({
      value: proposal.correctionId,
      label: `${proposal.correctionId} · ${proposal.reason}`,
    }));
