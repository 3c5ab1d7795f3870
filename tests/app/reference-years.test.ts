import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEFAULT_REFERENCE_ROOT,
  loadReferenceData,
  ReferenceCatalog,
  referenceFileInForce,
} from '../../src/app/load-reference-data';
import { stageSplitFor } from '../../src/domain/reference/reference-data';
import { ReferenceDataError } from '../../src/domain/reference/reference-error';
import { DomainError } from '../../src/domain/shared/domain-error';

const DEMO_REGENCY = '35.99';
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];

describe('reference data for fiscal years 2019–2026', () => {
  it.each(YEARS)('%i loads and validates for the demo regency', (year) => {
    const reference = loadReferenceData(year, DEMO_REGENCY);
    expect(reference.fiscalYear).toBe(year);
    expect(reference.accounts.get('6.1.1.01')).toMatchObject({ silpa: true });
    expect(reference.fundSources.get('DDS')).toMatchObject({ danaDesa: true });
    expect(reference.villages.get('35.99.01.2001')).toMatchObject({ name: 'Rejosari' });
    expect(reference.policy.holidays.every((day) => day.date.startsWith(`${year}-`))).toBe(true);
  });

  const earmarksOf = (year: number) => [...loadReferenceData(year, DEMO_REGENCY).earmarks.keys()];

  it('has the Dana Desa earmarks of each year: BLT Desa from 2020, food security and stunting from 2024', () => {
    expect(earmarksOf(2019)).toEqual(['non-earmarked']);
    expect(earmarksOf(2020)).toEqual(['non-earmarked', 'blt']);
    expect(earmarksOf(2023)).toEqual(['non-earmarked', 'blt']);
    expect(earmarksOf(2024)).toEqual(['non-earmarked', 'blt', 'food-security', 'stunting']);
    expect(earmarksOf(2026)).toEqual(['non-earmarked', 'blt', 'food-security', 'stunting']);
  });

  it('has the Dana Desa stage split and tax policy of each year', () => {
    const policy = (year: number) => loadReferenceData(year, DEMO_REGENCY).policy;
    expect(stageSplitFor(policy(2019), false, 'maju')?.stagePercents).toEqual(['20', '40', '40']);
    expect(stageSplitFor(policy(2019), true, 'maju')).toBeUndefined();
    expect(stageSplitFor(policy(2022), false, 'maju')?.stagePercents).toEqual(['40', '40', '20']);
    expect(stageSplitFor(policy(2022), true, 'maju')?.stagePercents).toHaveLength(12);
    expect(stageSplitFor(policy(2024), false, 'maju')?.stagePercents).toEqual(['40', '60']);
    expect(stageSplitFor(policy(2024), true, 'maju')?.stagePercents).toEqual(['60', '40']);
    expect(policy(2019).ddStageTwoCondition.minStageOneAbsorptionPercent).toBe('75');
    expect(policy(2024).taxDepositDayOfNextMonth).toBe(10);
    expect(policy(2025).taxDepositDayOfNextMonth).toBe(15);
    const ppn = (year: number) => policy(year).taxes.find((tax) => tax.tax === 'PPN')?.ratePercent;
    expect([ppn(2021), ppn(2022)]).toEqual(['10', '11']);
  });

  it('lists 2019–2026 for the demo regency and refuses another year naming them (422)', () => {
    const catalog = new ReferenceCatalog();
    expect(catalog.fiscalYears(DEMO_REGENCY)).toEqual(YEARS);
    expect(() => catalog.requireYear(2018, DEMO_REGENCY)).toThrow(DomainError);
    try {
      catalog.requireYear(2027, DEMO_REGENCY);
    } catch (error) {
      expect(error).toMatchObject({ rule: 'FISCAL_YEAR_REFERENCE', field: 'fiscalYear' });
      expect((error as Error).message).toContain('2027');
      expect((error as Error).message).toContain(YEARS.join(', '));
      return;
    }
    throw new Error('expected a refusal');
  });

  describe('a year holds only the files that changed', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'kasdesa-years-'));
      cpSync(path.join(DEFAULT_REFERENCE_ROOT, '2025'), path.join(root, '2025'), {
        recursive: true,
      });
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    const addFile = (relative: string, lines: object[]) => {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(
        path.join(root, relative),
        lines.map((line) => JSON.stringify(line)).join('\n') + '\n',
      );
    };
    const onlyEarmark = (code: string) => [{ code, name: code, earmarked: false }];

    it('takes an absent file from the nearest earlier year, else the earliest later one', () => {
      addFile('2021/national/dd-earmarks.jsonl', onlyEarmark('from-2021'));
      addFile('2027/national/dd-earmarks.jsonl', onlyEarmark('from-2027'));
      const inForce = (year: number) => referenceFileInForce(root, 'earmarks', year, DEMO_REGENCY);
      expect(inForce(2020)).toBe('2021/national/dd-earmarks.jsonl');
      expect(inForce(2023)).toBe('2021/national/dd-earmarks.jsonl');
      expect(inForce(2025)).toBe('2025/national/dd-earmarks.jsonl');
      expect(inForce(2026)).toBe('2025/national/dd-earmarks.jsonl');
      expect(inForce(2027)).toBe('2027/national/dd-earmarks.jsonl');
    });

    it('refuses a policy whose holidays belong to another year, naming file and line', () => {
      cpSync(
        path.join(root, '2025/regencies', DEMO_REGENCY),
        path.join(root, '2026/regencies', DEMO_REGENCY),
        { recursive: true },
      );
      const error = (() => {
        try {
          loadReferenceData(2026, DEMO_REGENCY, root);
        } catch (caught) {
          return caught;
        }
        throw new Error('expected a ReferenceDataError');
      })();
      expect(error).toBeInstanceOf(ReferenceDataError);
      expect(error).toMatchObject({ file: `2026/regencies/${DEMO_REGENCY}/policy.jsonl` });
      expect((error as ReferenceDataError).reason).toMatch(/outside fiscal year 2026/);
    });
  });
});
