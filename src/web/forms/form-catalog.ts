import { BUDGET_FORMS } from './catalog/budget-forms';
import { CASH_FORMS } from './catalog/cash-forms';
import { CLOSING_FORMS } from './catalog/closing-forms';
import { PAYMENT_FORMS } from './catalog/payment-forms';
import { PLANNING_FORMS } from './catalog/planning-forms';
import { TAX_FORMS } from './catalog/tax-forms';
import { formSlug, type CommandForm } from './form-model';

/** Every village command that has a form, in the order the forms page lists them. */
export const FORM_CATALOG: readonly CommandForm[] = [
  ...PLANNING_FORMS,
  ...BUDGET_FORMS,
  ...CASH_FORMS,
  ...PAYMENT_FORMS,
  ...TAX_FORMS,
  ...CLOSING_FORMS,
];

export function findForm(slug: string): CommandForm | undefined {
  return FORM_CATALOG.find((form) => formSlug(form) === slug);
}
