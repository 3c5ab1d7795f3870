import type { AccountClass } from '../reference/reference-data';
import { requireObjekAccount } from '../reference/reference-rules';
import { DomainError } from '../shared/domain-error';
import { whenOpen, type VillageEvolvers, type VillageHandlers } from './area';
import { bookEntry } from './bookkeeping';
import { budgetAt } from './budget-in-force';
import type { VillageCommandOf } from './commands';
import type { VillageContext } from './context';
import { entryEvolver } from './postings';
import type { VillageState } from './state';

type FinancingCommand = VillageCommandOf<'RecordFinancingReceipt' | 'RecordFinancingExpenditure'>;
type Direction = 'receipt' | 'expenditure';

const CLASS_OF: Record<Direction, AccountClass> = {
  receipt: 'financingReceipt',
  expenditure: 'financingExpenditure',
};

const DIRECTION_NAMES: Record<Direction, { id: string; en: string }> = {
  receipt: { id: 'penerimaan pembiayaan', en: 'financing receipt' },
  expenditure: { id: 'pengeluaran pembiayaan', en: 'financing expenditure' },
};

/**
 * Financing booked as villages book it: a receipt (6.1.x) or expenditure
 * (6.2.x) on its own date, realising a financing line of the APBDes in force.
 * The books then refuse negative cash, spending beyond the source's cash and,
 * for expenditures, beyond the line (a ceiling, like spending); receipts are
 * estimates, like revenue, and may exceed their line.
 */
export const financingHandlers: VillageHandlers<
  'RecordFinancingReceipt' | 'RecordFinancingExpenditure'
> = {
  RecordFinancingReceipt: whenOpen<'RecordFinancingReceipt'>(
    (command, state, _fiscalYear, context) =>
      checkFinancing(command, 'receipt', state, context) ??
      bookEntry(state, context, 'FinancingReceiptRecorded', command.payload),
  ),
  RecordFinancingExpenditure: whenOpen<'RecordFinancingExpenditure'>(
    (command, state, _fiscalYear, context) =>
      checkFinancing(command, 'expenditure', state, context) ??
      bookEntry(state, context, 'FinancingExpenditureRecorded', command.payload),
  ),
};

function checkFinancing(
  command: FinancingCommand,
  direction: Direction,
  state: VillageState,
  context: VillageContext,
): DomainError | undefined {
  const { account: code, lineId, source, date } = command.payload;
  const name = DIRECTION_NAMES[direction];
  const account = requireObjekAccount(context.reference, 'account', code);
  if (account instanceof DomainError) return account;
  // SiLPA is carried by the year's opening, not received as a financing entry.
  if (account.accountClass !== CLASS_OF[direction] || account.silpa) {
    return new DomainError('FINANCING_ACCOUNT', 'account', code, name);
  }
  const budget = budgetAt(state.budget, date);
  const line = budget.label === undefined ? undefined : budget.lines.get(lineId);
  if (line?.kind !== 'financing' || line.direction !== direction || line.account !== code) {
    return new DomainError('FINANCING_LINE', 'lineId', lineId, {
      id: `${name.id} rekening ${code} pada APBDes ${budget.label ?? '(belum ditetapkan)'}`,
      en: `${name.en} on account ${code} in APBDes ${budget.label ?? '(not enacted)'}`,
    });
  }
  return line.source === source
    ? undefined
    : new DomainError('FINANCING_LINE', 'source', source, {
        id: `sumber baris ${line.source}`,
        en: `line source ${line.source}`,
      });
}

export const financingEvolvers: VillageEvolvers<
  'FinancingReceiptRecorded' | 'FinancingExpenditureRecorded'
> = {
  FinancingReceiptRecorded: entryEvolver('FinancingReceiptRecorded'),
  FinancingExpenditureRecorded: entryEvolver('FinancingExpenditureRecorded'),
};
