import type { ReferenceData } from '../reference/reference-data';
import { requireTax } from '../reference/reference-rules';
import { DomainError } from '../shared/domain-error';
import { rupiah, sum, toAmountText, wholeRupiahPercentOf, ZERO } from '../shared/money';
import type { Withholding } from './execution-events';

/** Something taxes are withheld on: an SPP line, or a piece of SPJ evidence. */
export interface TaxableItem {
  field: string;
  lineId: string;
  receiptNumber?: string;
  base: string;
  taxes: readonly string[];
}

export interface TaxOverride {
  lineId: string;
  receiptNumber?: string | undefined;
  tax: string;
  amount: string;
  reason: string;
}

/** Every tax named on a line or evidence is in the year's tax policy. */
export function checkTaxKinds(
  reference: ReferenceData,
  items: readonly Pick<TaxableItem, 'field' | 'taxes'>[],
): DomainError | undefined {
  for (const item of items) {
    const unknown = item.taxes.findIndex(
      (tax) => !reference.policy.taxes.some((r) => r.tax === tax),
    );
    if (unknown >= 0) {
      return new DomainError(
        'TAX_KNOWN',
        `${item.field}.taxes[${unknown}]`,
        item.taxes[unknown] ?? '',
      );
    }
  }
  return undefined;
}

const sameTarget = (item: TaxableItem, tax: string) => (override: TaxOverride) =>
  override.lineId === item.lineId &&
  override.receiptNumber === item.receiptNumber &&
  override.tax === tax;

/**
 * Withholding per item and named tax from the policy (rate, threshold,
 * whole-rupiah rounding), or the override with its recorded reason.
 * Zero amounts are left out.
 */
export function computeWithholdings(
  items: readonly TaxableItem[],
  overrides: readonly TaxOverride[],
  reference: ReferenceData,
): Withholding[] | DomainError {
  const stray = overrides.findIndex(
    (override) => !items.some((item) => item.taxes.some((tax) => sameTarget(item, tax)(override))),
  );
  if (stray >= 0) return overrideError(stray, overrides);
  const withholdings: Withholding[] = [];
  for (const item of items) {
    const base = rupiah(item.base);
    const ofItem: Withholding[] = [];
    for (const tax of item.taxes) {
      const rule = requireTax(reference, `${item.field}.taxes`, tax);
      if (rule instanceof DomainError) return rule;
      const override = overrides.find(sameTarget(item, tax));
      const applies = rule.appliesAbove === null || base.greaterThan(rupiah(rule.appliesAbove));
      const computed = applies
        ? wholeRupiahPercentOf(base, rule.ratePercent, reference.policy.taxRounding)
        : ZERO;
      const amount = override ? rupiah(override.amount) : computed;
      if (amount.isZero() && !override) continue;
      ofItem.push({
        lineId: item.lineId,
        ...(item.receiptNumber === undefined ? {} : { receiptNumber: item.receiptNumber }),
        tax,
        base: toAmountText(base),
        ratePercent: rule.ratePercent,
        amount: toAmountText(amount),
        pfkAccount: rule.pfkAccount,
        ...(override ? { overrideReason: override.reason } : {}),
      });
    }
    if (sum(ofItem.map((each) => rupiah(each.amount))).greaterThan(base)) {
      return overrideError(
        overrides.findIndex((override) => override.lineId === item.lineId),
        overrides,
      );
    }
    withholdings.push(...ofItem);
  }
  return withholdings;
}

function overrideError(index: number, overrides: readonly TaxOverride[]): DomainError {
  const override = overrides[index];
  return new DomainError(
    'TAX_OVERRIDE_TARGET',
    `taxOverrides[${index}]`,
    override ? `${override.lineId}/${override.tax}` : '',
  );
}

export function totalWithheld(withholdings: readonly Withholding[]) {
  return sum(withholdings.map((each) => rupiah(each.amount)));
}
