import { DomainError } from '../shared/domain-error';
import { whenOpen, type VillageEvolvers, type VillageHandlers } from './area';
import { bookEntry } from './bookkeeping';
import { budgetAt, requireBudgetLine } from './budget-in-force';
import { entryEvolver } from './postings';

/** Mutations between bank and cash on hand, and bank fees charged on the bank account. */
export const cashHandlers: VillageHandlers<'RecordCashMutation' | 'RecordBankFee'> = {
  RecordCashMutation: whenOpen<'RecordCashMutation'>((command, state, _fiscalYear, context) =>
    bookEntry(state, context, 'CashMutated', command.payload),
  ),

  RecordBankFee: whenOpen<'RecordBankFee'>((command, state, _fiscalYear, context) => {
    const { lineId, date } = command.payload;
    const line = requireBudgetLine(budgetAt(state.budget, date), 'lineId', lineId);
    if (line instanceof DomainError) return line;
    if (!context.reference.accounts.get(line.account)?.bankFee) {
      return new DomainError('ACCOUNT_ROLE', 'lineId', lineId, {
        id: `rekening ${line.account} bukan rekening biaya bank`,
        en: `account ${line.account} is not the bank-fee account`,
      });
    }
    return bookEntry(state, context, 'BankFeeCharged', {
      ...command.payload,
      account: line.account,
      source: line.source,
    });
  }),
};

export const cashEvolvers: VillageEvolvers<
  'CashMutated' | 'BankFeeCharged' | 'CashOnHandLimitExceeded'
> = {
  CashMutated: entryEvolver('CashMutated'),
  BankFeeCharged: entryEvolver('BankFeeCharged'),
  // A warning for the record and the monitoring view; the balance moved with its entry.
  CashOnHandLimitExceeded: (state) => state,
};
