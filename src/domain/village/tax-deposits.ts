import { requireTax } from '../reference/reference-rules';
import { DomainError } from '../shared/domain-error';
import { whenOpen, type VillageEvolvers, type VillageHandlers } from './area';
import { bookEntry } from './bookkeeping';
import { entryEvolver } from './postings';

/** Depositing withheld tax to the state (billing code, NTPN), within the tax payable. */
export const taxDepositHandlers: VillageHandlers<'DepositTax'> = {
  DepositTax: whenOpen<'DepositTax'>((command, state, _fiscalYear, context) => {
    const rule = requireTax(context.reference, 'tax', command.payload.tax);
    if (rule instanceof DomainError) return rule;
    return bookEntry(state, context, 'TaxDeposited', command.payload);
  }),
};

export const taxDepositEvolvers: VillageEvolvers<'TaxDeposited'> = {
  TaxDeposited: entryEvolver('TaxDeposited'),
};
