import type { AccountClass } from '../../domain/reference/reference-data';
import type { BudgetLine } from '../../domain/village/lines';
import { latestVersion, type PaymentRequestStatus } from '../../domain/village/state';
import { formatRupiah } from '../format';
import type { Choice, FormContext } from './form-model';

/** What a form offers to choose from, drawn from the reference data and the village's year. */

export const cashAccounts = (): Choice[] => [
  { value: 'cashOnHand', label: 'Kas tunai' },
  { value: 'bank', label: 'Rekening bank desa' },
];

export const fundSources = ({ reference }: FormContext): Choice[] =>
  [...reference.fundSources.values()].map((source) => ({
    value: source.code,
    label: `${source.code} · ${source.name}`,
  }));

/** The detail accounts (Objek) of a class, e.g. the revenue accounts a receipt is booked on. */
export const accountsOf =
  (accountClass: AccountClass) =>
  ({ reference }: FormContext): Choice[] => {
    const ofClass = [...reference.accounts.values()].filter(
      (account) => account.accountClass === accountClass,
    );
    const deepest = Math.max(...ofClass.map((account) => account.level));
    return ofClass
      .filter((account) => account.level === deepest)
      .map((account) => ({ value: account.code, label: `${account.code} · ${account.name}` }));
  };

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

/** The lines of the budget in force (the latest enacted version), of the kinds given. */
export const budgetLines =
  (...kinds: BudgetLine['kind'][]) =>
  ({ state }: FormContext): Choice[] =>
    [...(latestVersion(state.budget)?.lines.values() ?? [])]
      .filter((line) => kinds.includes(line.kind))
      .map((line) => ({
        value: line.lineId,
        label: `${line.lineId} · ${line.description} · ${formatRupiah(line.amount)}`,
      }));

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
