import { mayIssue } from '../../access/command-permissions';
import type { Role } from '../../access/roles';
import type { Policy } from '../../domain/reference/reference-data';
import { rupiah, toAmountText } from '../../domain/shared/money';
import { balancesOf } from '../../domain/village/books';
import { nextMonthToClose } from '../../domain/village/closing';
import { budgetStepsWaiting } from '../../domain/village/queries/budget-steps';
import { overdueTax } from '../../domain/village/queries/overdue-tax';
import type {
  PaymentRequest,
  PaymentRequestStatus,
  VillageState,
} from '../../domain/village/state';
import { formatMonth, formatRupiah } from '../format';
import { commandFormPath } from '../paths';
import { budgetStepText } from './budget-step-texts';

/** One thing waiting for somebody: a line of plain Indonesian and the form that acts on it. */
export interface WaitingItem {
  commandType: string;
  text: string;
  href: string;
}

/** What an SPP at each status waits for, and the command that moves it on. */
const SPP_NEXT: Partial<Record<PaymentRequestStatus, { command: string; text: string }>> = {
  drafted: { command: 'SubmitPaymentRequest', text: 'draf, belum diajukan' },
  returned: { command: 'SubmitPaymentRequest', text: 'dikembalikan' },
  submitted: { command: 'VerifyPaymentRequest', text: 'menunggu verifikasi' },
  verified: { command: 'ApprovePaymentRequest', text: 'menunggu persetujuan' },
  approved: { command: 'PayPaymentRequest', text: 'menunggu dibayar' },
  advanced: { command: 'AccountPanjar', text: 'panjar menunggu SPJ' },
};

function paymentRequestItem(request: PaymentRequest): WaitingItem | undefined {
  const next = SPP_NEXT[request.status];
  if (!next) return undefined;
  const { sppId, total, description } = request.request;
  const reasons = request.status === 'returned' ? `: ${request.reasons.join('; ')}` : '';
  return {
    commandType: next.command,
    text: `SPP ${sppId} · ${description} · ${formatRupiah(total)} · ${next.text}${reasons}`,
    href: commandFormPath(next.command, { sppId }),
  };
}

/** Tax withheld and not yet deposited (the books' tax balances), with the part past its due date. */
function taxItems(state: VillageState, policy: Policy, asOf: string): WaitingItem[] {
  const overdue = new Map(overdueTax(state, policy, asOf).map((tax) => [tax.tax, tax.overdue]));
  return balancesOf(state.books, 'tax')
    .filter(([, payable]) => payable.gt(0))
    .map(([tax, payable]) => {
      const late = rupiah(overdue.get(tax) ?? '0');
      return {
        commandType: 'DepositTax',
        text: `Pajak ${tax} · ${formatRupiah(toAmountText(payable))} belum disetor${
          late.gt(0) ? ` · ${formatRupiah(toAmountText(late))} lewat jatuh tempo` : ''
        }`,
        href: commandFormPath('DepositTax', { tax }),
      };
    });
}

/** Every month from the next one to close up to the month of `asOf`, within the fiscal year. */
function closingItems(state: VillageState, asOf: string): WaitingItem[] {
  const fiscalYear = state.fiscalYear?.fiscalYear;
  if (fiscalYear === undefined || state.closing.year) return [];
  const last = `${fiscalYear}-12` < asOf.slice(0, 7) ? `${fiscalYear}-12` : asOf.slice(0, 7);
  const items: WaitingItem[] = [];
  for (
    let month = nextMonthToClose(state.closing.lastClosedMonth, fiscalYear);
    month !== undefined && month <= last;
    month = nextMonthToClose(month, fiscalYear)
  ) {
    items.push({
      commandType: 'CloseMonth',
      text: `Tutup buku ${formatMonth(month)} · belum ditutup`,
      href: commandFormPath('CloseMonth', { month }),
    });
  }
  return items;
}

function budgetItems(state: VillageState): WaitingItem[] {
  return budgetStepsWaiting(state.budget).map(({ step, subject }) => ({
    commandType: step,
    text: budgetStepText({ step, subject }),
    href: commandFormPath(step),
  }));
}

/**
 * What waits in the village's year for a role on `asOf` (yyyy-mm-dd): SPPs
 * to move on, taxes to deposit, months to close, APBDes steps, each kept only
 * when the role may issue the command that acts on it.
 */
export function waitingWork(
  state: VillageState,
  role: Role,
  asOf: string,
  policy: Policy,
): WaitingItem[] {
  const spps = [...state.paymentRequests.values()]
    .map(paymentRequestItem)
    .filter((item) => item !== undefined);
  return [
    ...budgetItems(state),
    ...spps,
    ...taxItems(state, policy, asOf),
    ...closingItems(state, asOf),
  ].filter((item) => mayIssue(role, item.commandType));
}
