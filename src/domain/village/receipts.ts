import { isWithin } from '../shared/dotted-codes';
import type { FundSource, ReferenceData } from '../reference/reference-data';
import { checkRevenueAccountOf, requireFundSource } from '../reference/reference-rules';
import { DomainError } from '../shared/domain-error';
import { sum, toAmountText } from '../shared/money';
import { whenOpen, type VillageEvolvers, type VillageHandlers } from './area';
import { bookEntry } from './bookkeeping';
import type { BookEntry } from './books';
import { entryEvolver } from './postings';

/** Revenue received (TBP), bank interest, and cash receipts deposited in the bank (STS). */
export const receiptHandlers: VillageHandlers<
  'RecordReceipt' | 'RecordBankInterest' | 'DepositCashReceipts'
> = {
  RecordReceipt: whenOpen<'RecordReceipt'>((command, state, _fiscalYear, context) => {
    const receipt = command.payload;
    const source = requireFundSource(context.reference, 'source', receipt.source);
    if (source instanceof DomainError) return source;
    const refused =
      checkRevenueAccountOf(context.reference, 'account', receipt.account, source) ??
      checkTransferNamed(source, receipt.transfer);
    return refused ?? bookEntry(state, context, 'RevenueReceived', receipt);
  }),

  RecordBankInterest: whenOpen<'RecordBankInterest'>((command, state, _fiscalYear, context) => {
    const { receiptId, date, amount, bankName, statementReference } = command.payload;
    const account = interestAccount(context.reference);
    if (account instanceof DomainError) return account;
    return bookEntry(state, context, 'RevenueReceived', {
      receiptId,
      date,
      amount,
      account: account.code,
      source: account.source.code,
      into: 'bank',
      payer: { name: bankName },
      description: `Bunga bank / bank interest ${statementReference}`,
    });
  }),

  DepositCashReceipts: whenOpen<'DepositCashReceipts'>((command, state, _fiscalYear, context) => {
    const { receiptIds } = command.payload;
    const receipts: BookEntry[] = [];
    for (const [index, receiptId] of receiptIds.entries()) {
      const receipt = state.books.entries.get(receiptId);
      if (!receipt || !isUndepositedCash(receipt)) {
        return new DomainError('RECEIPT_DEPOSITABLE', `receiptIds[${index}]`, receiptId);
      }
      receipts.push(receipt);
    }
    const amount = sum(receipts.flatMap((receipt) => cashIntoHand(receipt)));
    return bookEntry(state, context, 'CashReceiptsDeposited', {
      ...command.payload,
      amount: toAmountText(amount),
    });
  }),
};

/** A Dana Desa receipt names the transfer it answers; only regency transfers can be named. */
function checkTransferNamed(source: FundSource, transfer: unknown): DomainError | undefined {
  if (source.danaDesa && transfer === undefined) {
    return new DomainError('TRANSFER_NAMED', 'transfer', '', {
      id: `sumber dana ${source.code}`,
      en: `fund source ${source.code}`,
    });
  }
  return transfer !== undefined && !source.regencyAllocated
    ? new DomainError('SOURCE_ALLOCATABLE', 'transfer', source.code)
    : undefined;
}

/** The reference data's bank-interest account and the fund source whose revenue it is. */
function interestAccount(reference: ReferenceData) {
  const account = [...reference.accounts.values()].find((each) => each.bankInterest);
  const source = account && sourceOfRevenue(reference, account.code);
  return account && source
    ? { code: account.code, source }
    : new DomainError('ACCOUNT_ROLE', 'account', 'bankInterest');
}

function sourceOfRevenue(reference: ReferenceData, account: string): FundSource | undefined {
  return [...reference.fundSources.values()]
    .filter((source) => isWithin(account, source.revenueAccount))
    .sort((a, b) => b.revenueAccount.length - a.revenueAccount.length)[0];
}

const cashIntoHand = (entry: BookEntry) =>
  entry.movements
    .filter((each) => each.kind === 'cash' && each.id === 'cashOnHand')
    .map((each) => each.amount);

function isUndepositedCash(entry: BookEntry): boolean {
  return (
    entry.type === 'RevenueReceived' &&
    !entry.reversed &&
    entry.settledBy === undefined &&
    cashIntoHand(entry).length > 0
  );
}

export const receiptEvolvers: VillageEvolvers<'RevenueReceived' | 'CashReceiptsDeposited'> = {
  RevenueReceived: entryEvolver('RevenueReceived'),
  CashReceiptsDeposited: entryEvolver('CashReceiptsDeposited'),
};
