import { CASH_FORMS } from './catalog/cash-forms';
import { PAYMENT_FORMS } from './catalog/payment-forms';
import type { CommandForm } from './form-model';

/** Every village command that has a form, in the order the forms page lists them. */
export const FORM_CATALOG: readonly CommandForm[] = [...CASH_FORMS, ...PAYMENT_FORMS];

export function findForm(type: string): CommandForm | undefined {
  return FORM_CATALOG.find((form) => form.type === type);
}
