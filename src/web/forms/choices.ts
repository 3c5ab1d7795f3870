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

const lineChoices = (lines: Iterable<BudgetLine>, kinds: readonly BudgetLine['kind'][]) =>
  [...lines]
    .filter((line) => kinds.includes(line.kind))
    .map((line) => ({
      value: line.lineId,
      label: `${line.lineId} · ${line.description} · ${formatRupiah(line.amount)}`,
    }));

const ALL_KINDS: readonly BudgetLine['kind'][] = ['revenue', 'spending', 'financing'];

/** The lines of the budget in force (the latest enacted version), of the kinds given (all if none). */
export const budgetLines =
  (...kinds: BudgetLine['kind'][]) =>
  ({ state }: FormContext): Choice[] =>
    lineChoices(
      latestVersion(state.budget)?.lines.values() ?? [],
      kinds.length ? kinds : ALL_KINDS,
    );

/** The lines of the version being drafted (the APBDes or a Perubahan). */
export const draftLines = ({ state }: FormContext): Choice[] =>
  lineChoices(state.budget.draft?.lines.values() ?? [], ALL_KINDS);

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
