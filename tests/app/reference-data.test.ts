import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEFAULT_REFERENCE_ROOT,
  loadReferenceData,
  ReferenceCatalog,
} from '../../src/app/load-reference-data';
import { DEFAULT_MONITORING_POLICY } from '../../src/domain/projects/policy';
import { stageSplitFor } from '../../src/domain/reference/reference-data';
import { ReferenceDataError } from '../../src/domain/reference/reference-error';

describe('loadReferenceData', () => {
  it('loads the 2025 reference data of the Banyuwangi demo regency', () => {
    const reference = loadReferenceData(2025, '35.10');
    expect(reference.regency).toEqual({ code: '35.10', name: 'Kabupaten Banyuwangi' });
    expect(reference.timeZone).toBe('Asia/Jakarta');
    expect(reference.accounts.get('6.1.1.01')).toMatchObject({
      accountClass: 'financingReceipt',
      silpa: true,
    });
    expect(reference.accounts.get('5.2.1.90')).toMatchObject({
      accountClass: 'spending',
      regencyExtension: true,
    });
    expect(reference.kegiatan.get('02.03.10')).toMatchObject({
      subBidangCode: '02.03',
      bidangCode: '02',
    });
    expect([...reference.fundSources.keys()]).toEqual([
      'DDS',
      'ADD',
      'PBH',
      'PBK',
      'PBP',
      'PAD',
      'DLL',
    ]);
    expect(reference.fundSources.get('PBP')).toMatchObject({
      origin: 'APBD_PROVINSI',
      revenueAccount: '4.2.4',
    });
    expect(
      [...reference.fundSources.values()]
        .filter((source) => source.danaDesa)
        .map((source) => source.code),
    ).toEqual(['DDS']);
    expect(reference.villages.get('35.10.01.2003')).toMatchObject({
      status: 'mandiri',
      districtCode: '35.10.01',
      demo: true,
    });
    expect(stageSplitFor(reference.policy, false, 'mandiri')?.stagePercents).toEqual(['60', '40']);
    expect(stageSplitFor(reference.policy, false, 'maju')?.stagePercents).toEqual(['40', '60']);
    expect(reference.policy.taxDepositDayOfNextMonth).toBe(15);
  });

  it('caches per year and regency and knows which exist', () => {
    const catalog = new ReferenceCatalog();
    expect(catalog.get(2025, '35.10')).toBe(catalog.get(2025, '35.10'));
    expect(catalog.exists(2025, '35.10')).toBe(true);
    expect(catalog.exists(2024, '35.10')).toBe(false);
    expect(catalog.exists(2025, '../..')).toBe(false);
  });

  describe('rejects a malformed file with file, line and reason', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(tmpdir(), 'kasdesa-ref-'));
      cpSync(DEFAULT_REFERENCE_ROOT, root, { recursive: true });
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    const corrupt = (relative: string, line: number, replacement: string) => {
      const file = path.join(root, relative);
      const lines = readFileSync(file, 'utf8').split('\n');
      lines[line - 1] = replacement;
      writeFileSync(file, lines.join('\n'));
    };
    const failure = () => {
      try {
        loadReferenceData(2025, '35.10', root);
      } catch (error) {
        return error as ReferenceDataError;
      }
      throw new Error('expected a ReferenceDataError');
    };

    it.each([
      ['invalid JSON', '2025/national/accounts.jsonl', 3, '{"code":', /invalid JSON/],
      [
        'a trailing dot',
        '2025/national/accounts.jsonl',
        4,
        '{"code":"4.1.1.01.","name":"x"}',
        /code: expected an account code/,
      ],
      [
        'an unknown key',
        '2025/national/fund-sources.jsonl',
        1,
        '{"code":"DDS","name":"Dana Desa","origin":"APBN","revenueAccount":"4.2.1","danaDesa":true,"regencyAllocated":true,"budgetMatchesAllocation":true,"lateAidByPerkades":false,"colour":"red"}',
        /colour/,
      ],
      [
        'an account without parent',
        '2025/national/accounts.jsonl',
        4,
        '{"code":"4.1.7.01","name":"x"}',
        /parent 4\.1\.7 of 4\.1\.7\.01 is unknown/,
      ],
      [
        'a duplicate code',
        '2025/national/bidang.jsonl',
        2,
        '{"code":"01","name":"x"}',
        /duplicate code 01/,
      ],
      [
        'a kegiatan under an unknown sub-bidang',
        '2025/national/kegiatan.jsonl',
        1,
        '{"code":"01.09.01","name":"x"}',
        /parent 01\.09/,
      ],
      [
        'an extension outside 90–99',
        '2025/regencies/35.10/account-extensions.jsonl',
        2,
        '{"code":"5.1.1.42","name":"x"}',
        /must end in 90–99/,
      ],
      [
        'a fund source with a non-revenue account',
        '2025/national/fund-sources.jsonl',
        6,
        '{"code":"PAD","name":"PAD","origin":"DESA","revenueAccount":"5.1","danaDesa":false,"regencyAllocated":false,"budgetMatchesAllocation":false,"lateAidByPerkades":false}',
        /not a revenue account/,
      ],
      [
        'stage percentages not adding up to 100',
        '2025/regencies/35.10/policy.jsonl',
        2,
        '{"parameter":"ddStageSplit","earmarked":false,"villageStatus":null,"stagePercents":["40","50"],"legalBasis":"x"}',
        /add up to 100/,
      ],
      [
        'a village outside its district',
        '2025/regencies/35.10/regions.jsonl',
        5,
        '{"level":"village","code":"35.10.09.2001","name":"x","status":"maju","demo":true}',
        /district 35\.10\.09/,
      ],
      [
        'a time zone outside Indonesia',
        '2025/regencies/35.10/regions.jsonl',
        1,
        '{"level":"regency","code":"35.10","name":"x","timeZone":"Asia/Tokyo","demo":false}',
        /timeZone/,
      ],
    ])('%s', (_case, file, line, text, reason) => {
      corrupt(file, line, text);
      const error = failure();
      expect(error).toBeInstanceOf(ReferenceDataError);
      expect({ file: error.file, line: error.line }).toEqual({ file, line });
      expect(error.reason).toMatch(reason);
      expect(error.message).toContain(`${file}:${line}: `);
    });

    it('the paper reports print on: A4 without a reportPaper row, F4 with one, two rows refused', () => {
      expect(loadReferenceData(2025, '35.10', root).policy.reportPaper).toBe('A4');
      const policy = path.join(root, '2025/regencies/35.10/policy.jsonl');
      const row = '{"parameter":"reportPaper","paper":"F4"}\n';
      appendFileSync(policy, row);
      expect(loadReferenceData(2025, '35.10', root).policy.reportPaper).toBe('F4');
      appendFileSync(policy, row);
      expect(failure().reason).toBe('at most one reportPaper row');
    });

    it("the regency reports' signing office: none without a regencySignatory row, its title with one, two rows refused", () => {
      expect(loadReferenceData(2025, '35.10', root).policy.regencySignatoryTitle).toBeNull();
      const policy = path.join(root, '2025/regencies/35.10/policy.jsonl');
      const title = 'Kepala Badan Pengelolaan Keuangan dan Aset Daerah Kabupaten Banyuwangi';
      const row = `${JSON.stringify({ parameter: 'regencySignatory', title })}\n`;
      appendFileSync(policy, row);
      expect(loadReferenceData(2025, '35.10', root).policy.regencySignatoryTitle).toBe(title);
      appendFileSync(policy, row);
      expect(failure().reason).toBe('at most one regencySignatory row');
    });

    it('the project monitoring policy: defaults without a monitoring row, its fields with one', () => {
      expect(loadReferenceData(2025, '35.10', root).policy.monitoring).toEqual(
        DEFAULT_MONITORING_POLICY,
      );
      const policy = path.join(root, '2025/regencies/35.10/policy.jsonl');
      const row = JSON.stringify({
        parameter: 'monitoring',
        disbursementGate: { percent: 50 },
        suspicionBlocksPayment: true,
        duplicates: { pointMetres: 80 },
      });
      appendFileSync(policy, `${row}\n`);
      expect(loadReferenceData(2025, '35.10', root).policy.monitoring).toEqual({
        ...DEFAULT_MONITORING_POLICY,
        disbursementGate: { percent: 50 },
        suspicionBlocksPayment: true,
        duplicates: { ...DEFAULT_MONITORING_POLICY.duplicates, pointMetres: 80 },
      });
      appendFileSync(policy, `${row}\n`);
      expect(failure().reason).toBe('at most one monitoring row');
    });

    it('the Siskeudes mutation codes: none configured unless a siskeudesMutation row names one, each code once', () => {
      expect(loadReferenceData(2025, '35.99', root).policy.siskeudesMutations).toEqual([]);
      const policy = path.join(root, '2025/regencies/35.99/policy.jsonl');
      const row = {
        parameter: 'siskeudesMutation',
        kdMutasi: '2',
        books: 'bankToCash',
        basis: 'x',
      };
      appendFileSync(policy, `${JSON.stringify(row)}\n`);
      expect(loadReferenceData(2025, '35.99', root).policy.siskeudesMutations).toEqual([
        { kdMutasi: '2', books: 'bankToCash', basis: 'x' },
      ]);
      appendFileSync(policy, `${JSON.stringify({ ...row, books: 'cashToBank' })}\n`);
      expect(() => loadReferenceData(2025, '35.99', root)).toThrow(/duplicate code 2/);
    });

    it('a siskeudesMutation row booking what Kasdesa has no command for', () => {
      const row = '{"parameter":"siskeudesMutation","kdMutasi":"9","books":"bankLoan","basis":"x"}';
      corrupt('2025/regencies/35.10/policy.jsonl', 1, row);
      expect(failure()).toMatchObject({
        file: '2025/regencies/35.10/policy.jsonl',
        line: 1,
        reason: expect.stringMatching(/books/),
      });
    });

    it('a monitoring row naming an unknown field', () => {
      corrupt('2025/regencies/35.10/policy.jsonl', 1, '{"parameter":"monitoring","photoStep":[0]}');
      expect(failure()).toMatchObject({
        file: '2025/regencies/35.10/policy.jsonl',
        line: 1,
        reason: expect.stringMatching(/photoStep/),
      });
    });

    it('a missing required file', () => {
      rmSync(path.join(root, '2025/national/kegiatan.jsonl'));
      expect(failure()).toMatchObject({
        file: '2025/national/kegiatan.jsonl',
        line: 0,
        reason: 'required file is missing',
      });
    });
  });
});
