import { lastSegmentNumber, levelOf, parentOf, prefixAt } from '../shared/dotted-codes';
import { regionParent } from '../shared/region-codes';
import type { Located } from './json-lines';
import type {
  Account,
  AccountClass,
  Earmark,
  Kegiatan,
  Named,
  Policy,
  ReferenceData,
  Village,
} from './reference-data';
import { ReferenceDataError } from './reference-error';
import type { ReferenceRows } from './reference-files';
import type { AccountRow, ExtensionAccountRow, PolicyRow, RegionRow } from './row-schemas';
import { DEFAULT_MONITORING_POLICY } from '../projects/policy';

const EXTENSION_NUMBERS = { min: 90, max: 99 };

/** Cross-file checks and indexing; every refusal still names file and line. */
export function buildReferenceData(
  fiscalYear: number,
  regencyCode: string,
  rows: ReferenceRows,
): ReferenceData {
  const accounts = buildAccounts(rows);
  const bidang = indexUnique(rows.bidang, (row) => row);
  const subBidang = indexUnique(rows.subBidang, (row, at) => requireParent(at, bidang, row));
  const kegiatan = buildKegiatan(rows, subBidang);
  const fundSources = indexUnique(rows.fundSources, (row, at) => {
    const account = accounts.get(row.revenueAccount);
    if (account?.accountClass !== 'revenue') {
      fail(at, `revenueAccount ${row.revenueAccount} is not a revenue account`);
    }
    return row;
  });
  const earmarks = indexUnique(rows.earmarks, (row) => row);
  const regions = buildRegions(regencyCode, rows.regions);
  return {
    fiscalYear,
    regency: regions.regency,
    timeZone: regions.timeZone,
    accounts,
    bidang,
    subBidang,
    kegiatan,
    fundSources,
    earmarks,
    districts: regions.districts,
    villages: regions.villages,
    policy: buildPolicy(fiscalYear, rows.policy, { kegiatan, accounts, earmarks }),
  };
}

function fail(at: Located<unknown>, reason: string): never {
  throw new ReferenceDataError(at.file, at.line, reason);
}

function putUnique<T>(into: Map<string, T>, at: Located<unknown>, code: string, value: T): void {
  if (into.has(code)) fail(at, `duplicate code ${code}`);
  into.set(code, value);
}

function indexUnique<R extends { code: string }, T>(
  located: Located<R>[],
  toValue: (row: R, at: Located<R>) => T,
  into: Map<string, T> = new Map(),
): Map<string, T> {
  for (const at of located) putUnique(into, at, at.row.code, toValue(at.row, at));
  return into;
}

function requireParent<R extends { code: string; name: string }>(
  at: Located<R>,
  parents: ReadonlyMap<string, unknown>,
  row: R,
): Named {
  const parent = parentOf(row.code);
  if (parent === undefined || !parents.has(parent))
    fail(at, `parent ${parent ?? '-'} of ${row.code} is unknown`);
  return { code: row.code, name: row.name };
}

function requireExtensionNumber(at: Located<{ code: string }>): void {
  const number = lastSegmentNumber(at.row.code);
  if (number < EXTENSION_NUMBERS.min || number > EXTENSION_NUMBERS.max) {
    fail(
      at,
      `regency extension ${at.row.code} must end in ${EXTENSION_NUMBERS.min}–${EXTENSION_NUMBERS.max}`,
    );
  }
}

function buildAccounts(rows: ReferenceRows): Map<string, Account> {
  const accounts = new Map<string, Account>();
  const toAccount = (
    row: AccountRow | ExtensionAccountRow,
    at: Located<AccountRow>,
    regencyExtension: boolean,
  ): Account => {
    const parentCode = parentOf(row.code);
    const parent = parentCode === undefined ? undefined : accounts.get(parentCode);
    if (parentCode !== undefined && parent === undefined)
      fail(at, `parent ${parentCode} of ${row.code} is unknown`);
    const accountClass: AccountClass | undefined =
      ('class' in row ? row.class : undefined) ?? parent?.accountClass;
    return {
      code: row.code,
      name: row.name,
      level: levelOf(row.code),
      accountClass,
      silpa: row.role === 'silpa',
      bankInterest: row.role === 'bankInterest',
      bankFee: row.role === 'bankFee',
      regencyExtension,
    };
  };
  indexUnique(rows.accounts, (row, at) => toAccount(row, at, false), accounts);
  return indexUnique(
    rows.accountExtensions,
    (row, at) => {
      requireExtensionNumber(at);
      return toAccount(row, at, true);
    },
    accounts,
  );
}

function buildKegiatan(
  rows: ReferenceRows,
  subBidang: ReadonlyMap<string, Named>,
): Map<string, Kegiatan> {
  const toKegiatan =
    (regencyExtension: boolean) =>
    (row: Named, at: Located<Named>): Kegiatan => {
      requireParent(at, subBidang, row);
      if (regencyExtension) requireExtensionNumber(at);
      return {
        ...row,
        subBidangCode: prefixAt(row.code, 2),
        bidangCode: prefixAt(row.code, 1),
        regencyExtension,
      };
    };
  const kegiatan = indexUnique(rows.kegiatan, toKegiatan(false));
  return indexUnique(rows.kegiatanExtensions, toKegiatan(true), kegiatan);
}

function buildRegions(regencyCode: string, located: Located<RegionRow>[]) {
  const regencyRows = located.filter(
    (at): at is Located<Extract<RegionRow, { level: 'regency' }>> => at.row.level === 'regency',
  );
  const regency = regencyRows[0];
  if (regencyRows.length !== 1 || regency === undefined || regency.row.code !== regencyCode) {
    const file = located[0]?.file ?? 'regions.jsonl';
    throw new ReferenceDataError(
      file,
      regencyRows[1]?.line ?? regency?.line ?? 0,
      `expected exactly one regency row with code ${regencyCode}`,
    );
  }
  const districts = new Map<string, Named>();
  const villages = new Map<string, Village>();
  for (const at of located) {
    const { row } = at;
    const parent = regionParent(row.code) ?? '';
    if (row.level === 'district') {
      if (parent !== regencyCode)
        fail(at, `district ${row.code} is outside regency ${regencyCode}`);
      putUnique(districts, at, row.code, { code: row.code, name: row.name });
    } else if (row.level === 'village') {
      if (!districts.has(parent)) fail(at, `district ${parent} of village ${row.code} is unknown`);
      putUnique(villages, at, row.code, {
        code: row.code,
        name: row.name,
        status: row.status,
        demo: row.demo,
        districtCode: parent,
      });
    }
  }
  return {
    regency: { code: regency.row.code, name: regency.row.name },
    timeZone: regency.row.timeZone,
    districts,
    villages,
  };
}

function buildPolicy(
  fiscalYear: number,
  located: Located<PolicyRow>[],
  lists: {
    kegiatan: ReadonlyMap<string, Kegiatan>;
    accounts: ReadonlyMap<string, Account>;
    earmarks: ReadonlyMap<string, Earmark>;
  },
): Policy {
  const { kegiatan, accounts } = lists;
  const file = located[0]?.file ?? 'policy.jsonl';
  const of = <P extends PolicyRow['parameter']>(parameter: P) =>
    located.filter(
      (at): at is Located<Extract<PolicyRow, { parameter: P }>> => at.row.parameter === parameter,
    );
  const single = <P extends PolicyRow['parameter']>(parameter: P) => {
    const found = of(parameter);
    if (found.length !== 1 || found[0] === undefined) {
      throw new ReferenceDataError(
        file,
        found[1]?.line ?? 0,
        `expected exactly one ${parameter} row`,
      );
    }
    return found[0].row;
  };
  const atMostOne = <P extends PolicyRow['parameter']>(parameter: P) => {
    const found = of(parameter);
    if (found.length > 1)
      throw new ReferenceDataError(file, found[1]!.line, `at most one ${parameter} row`);
    return found[0]?.row;
  };
  const splits = of('ddStageSplit').map((at) => at.row);
  // A year without earmarked categories (before BLT Desa) needs no earmarked split.
  const anyEarmarked = [...lists.earmarks.values()].some((earmark) => earmark.earmarked);
  for (const earmarked of anyEarmarked ? [false, true] : [false]) {
    if (!splits.some((row) => row.earmarked === earmarked && row.villageStatus === null)) {
      throw new ReferenceDataError(
        file,
        0,
        `missing default ddStageSplit row for earmarked=${earmarked}`,
      );
    }
  }
  const operational = of('operationalBeforeEnactment');
  for (const at of operational) {
    if (!kegiatan.has(at.row.kegiatanCode)) fail(at, `unknown kegiatan ${at.row.kegiatanCode}`);
  }
  const taxes = indexUnique(
    of('tax').map((at) => ({ ...at, row: { ...at.row, code: at.row.tax } })),
    ({ code: _code, parameter: _tax, ...tax }, at) => {
      if (accounts.get(tax.pfkAccount)?.accountClass !== 'nonBudget')
        fail(at, `pfkAccount ${tax.pfkAccount} is not a non-budget (PFK) account`);
      return tax;
    },
  );
  const { parameter: _condition, ...ddStageTwoCondition } = single('ddStageTwoCondition');
  const { parameter: _limit, ...cashOnHandLimit } = single('cashOnHandLimit');
  const { parameter: _monitoring, ...monitoring } = atMostOne('monitoring') ?? {
    parameter: 'monitoring',
    ...DEFAULT_MONITORING_POLICY,
  };
  return {
    ddStageSplits: splits.map(({ parameter: _split, ...split }) => split),
    ddStageTwoCondition,
    taxes: [...taxes.values()],
    taxRounding: single('taxRounding').rule,
    taxDepositDayOfNextMonth: single('taxDepositDay').dayOfNextMonth,
    cashOnHandLimit,
    nonCashExceptions: of('nonCashException').map(({ row }) => ({
      code: row.code,
      name: row.description,
    })),
    panjarWorkingDays: single('panjarWindow').workingDays,
    workWeek: single('workWeek').isoWeekdays,
    operationalBeforeEnactment: operational.map((at) => at.row.kegiatanCode),
    holidays: of('holiday').map((at) => {
      if (!at.row.date.startsWith(`${fiscalYear}-`))
        fail(at, `holiday ${at.row.date} is outside fiscal year ${fiscalYear}`);
      return { date: at.row.date, name: at.row.name };
    }),
    reportPaper: atMostOne('reportPaper')?.paper ?? 'A4',
    regencySignatoryTitle: atMostOne('regencySignatory')?.title ?? null,
    monitoring,
    siskeudesMutations: [
      ...indexUnique(
        of('siskeudesMutation').map((at) => ({ ...at, row: { ...at.row, code: at.row.kdMutasi } })),
        ({ kdMutasi, books, basis }) => ({ kdMutasi, books, basis }),
      ).values(),
    ],
  };
}
