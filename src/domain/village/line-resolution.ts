import type { AccountClass } from '../reference/reference-data';
import {
  checkRevenueAccountOf,
  requireEarmark,
  requireFundSource,
  requireObjekAccount,
} from '../reference/reference-rules';
import { DomainError } from '../shared/domain-error';
import { exactProduct, rupiah, toAmountText } from '../shared/money';
import type { VillageContext } from './context';
import type { BudgetLine, BudgetLines, LineInput } from './lines';
import type { PlanningState } from './state';

const CLASSES_BY_KIND: Record<LineInput['kind'], readonly AccountClass[]> = {
  revenue: ['revenue'],
  spending: ['spending'],
  financing: ['financingReceipt', 'financingExpenditure'],
};

/**
 * Checks a line input against the reference data, the plan and the lines it
 * will join, and completes it into a budget line (amount, kegiatan, direction).
 */
export function resolveLine(
  input: LineInput,
  field: string,
  lines: BudgetLines,
  planning: PlanningState,
  context: VillageContext,
): BudgetLine | DomainError {
  const { reference } = context;
  const existing = lines.get(input.lineId);
  if (existing && existing.kind !== input.kind) {
    return new DomainError('LINE_KIND_FIXED', `${field}.lineId`, input.lineId);
  }
  const source = requireFundSource(reference, `${field}.source`, input.source);
  if (source instanceof DomainError) return source;
  const account = requireObjekAccount(reference, `${field}.account`, input.account);
  if (account instanceof DomainError) return account;
  if (!account.accountClass || !CLASSES_BY_KIND[input.kind].includes(account.accountClass)) {
    return new DomainError('ACCOUNT_CLASS', `${field}.account`, input.account);
  }
  switch (input.kind) {
    case 'revenue':
      return checkRevenueAccountOf(reference, `${field}.account`, input.account, source) ?? input;
    case 'financing':
      return {
        ...input,
        direction: account.accountClass === 'financingReceipt' ? 'receipt' : 'expenditure',
      };
    case 'spending':
      return resolveSpending(input, field, source.danaDesa, planning, context);
  }
}

function resolveSpending(
  input: Extract<LineInput, { kind: 'spending' }>,
  field: string,
  danaDesa: boolean,
  planning: PlanningState,
  context: VillageContext,
): BudgetLine | DomainError {
  const activity = planning.activities.get(input.activityId);
  if (!activity) return new DomainError('ACTIVITY_KNOWN', `${field}.activityId`, input.activityId);
  if (danaDesa !== (input.earmark !== undefined)) {
    return new DomainError('EARMARK_APPLICABLE', `${field}.earmark`, input.earmark ?? '', {
      id: `sumber dana ${input.source}`,
      en: `fund source ${input.source}`,
    });
  }
  if (input.earmark !== undefined) {
    const earmark = requireEarmark(context.reference, `${field}.earmark`, input.earmark);
    if (earmark instanceof DomainError) return earmark;
  }
  const amount = exactProduct(input.volume, rupiah(input.unitPrice));
  if (!amount) {
    return new DomainError(
      'AMOUNT_PRECISION',
      `${field}.volume`,
      `${input.volume} × ${input.unitPrice}`,
    );
  }
  return {
    ...input,
    earmark: input.earmark ?? null,
    kegiatanCode: activity.kegiatanCode,
    amount: toAmountText(amount),
  };
}
