import type { BilingualText } from '../domain/shared/domain-error';
import type { RuleText } from '../domain/shared/rules';

/** The rules of the access stream, in Indonesian and English. */
export const ACCESS_RULES = {
  USERNAME_TAKEN: {
    id: 'Nama pengguna sudah dipakai',
    en: 'The username is already taken',
    kind: 'conflict',
  },
  USER_ID_TAKEN: {
    id: 'ID pengguna sudah dipakai',
    en: 'The user id is already taken',
    kind: 'conflict',
  },
  USER_KNOWN: {
    id: 'Pengguna tidak ditemukan',
    en: 'The user does not exist',
    kind: 'invalid',
  },
  USER_ACTIVE: {
    id: 'Pengguna sudah dinonaktifkan',
    en: 'The user has been deactivated',
    kind: 'invalid',
  },
  SCOPE_IN_REGENCY: {
    id: 'Cakupan harus berada di dalam kabupaten ini',
    en: 'The scope must lie within this regency',
    kind: 'invalid',
  },
  SCOPE_FITS_ROLE: {
    id: 'Tingkat cakupan tidak sesuai dengan peran',
    en: 'The scope level does not fit the role',
    kind: 'invalid',
  },
  TWO_FACTOR_NOT_ENROLLED: {
    id: 'Pengguna sudah memakai verifikasi dua langkah',
    en: 'The user already uses two-factor sign-in',
    kind: 'conflict',
  },
  TWO_FACTOR_ENROLLED: {
    id: 'Pengguna belum memakai verifikasi dua langkah',
    en: 'The user does not use two-factor sign-in',
    kind: 'invalid',
  },
  TWO_FACTOR_CODE: {
    id: 'Kode verifikasi salah, kedaluwarsa, atau sudah dipakai',
    en: 'The verification code is wrong, expired or already used',
    kind: 'invalid',
  },
  TWO_FACTOR_POLICY_ROLE: {
    id: 'Verifikasi dua langkah hanya dapat diwajibkan bagi administrator, keuangan kabupaten dan auditor',
    en: 'Two-factor sign-in can only be required of administrators, regency finance and auditors',
    kind: 'invalid',
  },
} as const satisfies Record<string, RuleText>;

export type AccessRuleId = keyof typeof ACCESS_RULES;

/**
 * A refusal of the access decider, shaped like DomainError (rule, field,
 * value, bilingual messages) so the API answers both the same way.
 */
export class AccessError extends Error {
  override readonly name = 'AccessError';
  readonly messages: BilingualText;

  constructor(
    readonly rule: AccessRuleId,
    readonly field: string,
    readonly value: string,
  ) {
    const text = ACCESS_RULES[rule];
    const messages = {
      id: `[${rule}] ${text.id}: ${field} = "${value}"`,
      en: `[${rule}] ${text.en}: ${field} = "${value}"`,
    };
    super(`${messages.id} / ${messages.en}`);
    this.messages = messages;
  }

  toJSON(): Record<string, unknown> {
    return { rule: this.rule, field: this.field, value: this.value, messages: this.messages };
  }
}
