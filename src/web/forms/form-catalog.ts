import { BUDGET_FORMS } from './catalog/budget-forms';
import { CASH_FORMS } from './catalog/cash-forms';
import { CLOSING_FORMS } from './catalog/closing-forms';
import { FINANCING_FORMS } from './catalog/financing-forms';
import { OPENING_FORMS } from './catalog/opening-forms';
import { PAYMENT_FORMS } from './catalog/payment-forms';
import { PLANNING_FORMS } from './catalog/planning-forms';
import { REGENCY_FORMS } from './catalog/regency-forms';
import { TAX_FORMS } from './catalog/tax-forms';
import { formSlug, type AnyCommandForm } from './form-model';

/** Every command that has a form, village and regency, in the order the forms page lists them. */
export const FORM_CATALOG: readonly AnyCommandForm[] = [
  ...PLANNING_FORMS,
  ...BUDGET_FORMS,
  ...CASH_FORMS,
  ...PAYMENT_FORMS,
  ...TAX_FORMS,
  ...CLOSING_FORMS,
  ...FINANCING_FORMS,
  ...REGENCY_FORMS,
  ...OPENING_FORMS,
];

export function findForm(slug: string): AnyCommandForm | undefined {
  return FORM_CATALOG.find((form) => formSlug(form) === slug);
}
