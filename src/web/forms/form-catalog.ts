import { CASH_FORMS } from './catalog/cash-forms';
import { PAYMENT_FORMS } from './catalog/payment-forms';
import { formSlug, type CommandForm } from './form-model';

/** Every village command that has a form, in the order the forms page lists them. */
export const FORM_CATALOG: readonly CommandForm[] = [...CASH_FORMS, ...PAYMENT_FORMS];

export function findForm(slug: string): CommandForm | undefined {
  return FORM_CATALOG.find((form) => formSlug(form) === slug);
}
