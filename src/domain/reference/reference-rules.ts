import { DomainError } from '../shared/domain-error';
import { isWithin, levelOf, parentOf } from '../shared/dotted-codes';
import type {
  Account,
  Earmark,
  FundSource,
  Kegiatan,
  ReferenceData,
  TaxRule,
  Village,
} from './reference-data';

/** Rules that a code exists in the year's reference data; shared by every stream. */
const OBJEK_LEVEL = 4;

export function requireFundSource(
  reference: ReferenceData,
  field: string,
  code: string,
): FundSource | DomainError {
  return reference.fundSources.get(code) ?? new DomainError('FUND_SOURCE_KNOWN', field, code);
}

export function requireVillage(
  reference: ReferenceData,
  field: string,
  code: string,
): Village | DomainError {
  return reference.villages.get(code) ?? new DomainError('REGION_KNOWN', field, code);
}

export function requireEarmark(
  reference: ReferenceData,
  field: string,
  code: string,
): Earmark | DomainError {
  return reference.earmarks.get(code) ?? new DomainError('EARMARK_KNOWN', field, code);
}

export function requireObjekAccount(
  reference: ReferenceData,
  field: string,
  code: string,
): Account | DomainError {
  const account = reference.accounts.get(code);
  return account && levelOf(code) === OBJEK_LEVEL
    ? account
    : new DomainError('ACCOUNT_KNOWN', field, code);
}

export function requireKegiatanUnder(
  reference: ReferenceData,
  field: string,
  kegiatanCode: string,
  subBidangCode: string,
): Kegiatan | DomainError {
  const kegiatan = reference.kegiatan.get(kegiatanCode);
  if (!kegiatan) return new DomainError('KEGIATAN_KNOWN', field, kegiatanCode);
  if (!reference.subBidang.has(subBidangCode) || parentOf(kegiatanCode) !== subBidangCode) {
    return new DomainError('KEGIATAN_UNDER_SUB_BIDANG', field, kegiatanCode, {
      id: `sub bidang yang disebutkan: ${subBidangCode}`,
      en: `given sub-bidang: ${subBidangCode}`,
    });
  }
  return kegiatan;
}

/** Every `source` of a list exists; the error names the entry. */
export function checkFundSources(
  reference: ReferenceData,
  field: string,
  entries: readonly { source: string }[],
): DomainError | undefined {
  for (const [index, entry] of entries.entries()) {
    const source = requireFundSource(reference, `${field}[${index}].source`, entry.source);
    if (source instanceof DomainError) return source;
  }
  return undefined;
}

/** A revenue objek of the source's own revenue account (Dana Desa on 4.2.1, …). */
export function checkRevenueAccountOf(
  reference: ReferenceData,
  field: string,
  accountCode: string,
  source: FundSource,
): DomainError | undefined {
  const account = requireObjekAccount(reference, field, accountCode);
  if (account instanceof DomainError) return account;
  if (account.accountClass !== 'revenue') {
    return new DomainError('ACCOUNT_CLASS', field, accountCode);
  }
  return isWithin(accountCode, source.revenueAccount)
    ? undefined
    : new DomainError('REVENUE_ACCOUNT_OF_SOURCE', field, accountCode, {
        id: `rekening sumber ${source.code}: ${source.revenueAccount}`,
        en: `account of source ${source.code}: ${source.revenueAccount}`,
      });
}

export function requireTax(
  reference: ReferenceData,
  field: string,
  tax: string,
): TaxRule | DomainError {
  return (
    reference.policy.taxes.find((rule) => rule.tax === tax) ??
    new DomainError('TAX_KNOWN', field, tax)
  );
}

/** Every `tax` of a list is in the year's tax policy; the error names the entry. */
export function checkTaxes(
  reference: ReferenceData,
  field: string,
  entries: readonly { tax: string }[],
): DomainError | undefined {
  for (const [index, entry] of entries.entries()) {
    const rule = requireTax(reference, `${field}[${index}].tax`, entry.tax);
    if (rule instanceof DomainError) return rule;
  }
  return undefined;
}
