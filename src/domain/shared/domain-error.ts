import { RULES, type RuleId } from './rules';

export interface BilingualText {
  id: string;
  en: string;
}

/**
 * A refusal the user caused: names the rule, the field and the value, with
 * the reason in Indonesian and English. The API maps it to a 4xx
 * problem+json; the store stays untouched.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly messages: BilingualText;

  constructor(
    readonly rule: RuleId,
    readonly field: string,
    readonly value: string,
    readonly detail?: BilingualText,
  ) {
    const messages = describe(rule, field, value, detail);
    super(`${messages.id} / ${messages.en}`);
    this.messages = messages;
  }

  toJSON(): Record<string, unknown> {
    return { rule: this.rule, field: this.field, value: this.value, messages: this.messages };
  }
}

function describe(
  rule: RuleId,
  field: string,
  value: string,
  detail?: BilingualText,
): BilingualText {
  const text = RULES[rule];
  return {
    id: `[${rule}] ${text.id}: ${field} = "${value}"${detail ? ` (${detail.id})` : ''}`,
    en: `[${rule}] ${text.en}: ${field} = "${value}"${detail ? ` (${detail.en})` : ''}`,
  };
}
