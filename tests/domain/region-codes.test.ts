import fc from 'fast-check';
import { FISCAL_YEAR_PATTERN } from '../../src/domain/shared/fiscal-year';
import {
  isRegionCode,
  isWithinRegion,
  levelOfRegion,
  regencyOf,
  regionAt,
  regionCodeSchema,
  regionParent,
} from '../../src/domain/shared/region-codes';

describe('levelOfRegion', () => {
  it.each([
    ['35', 'province'],
    ['35.99', 'regency'],
    ['35.99.01', 'district'],
    ['35.99.01.2001', 'village'],
  ])('knows %s as a %s', (code, level) => {
    expect(levelOfRegion(code)).toBe(level);
  });

  it.each([
    '',
    '3',
    '351',
    '35.9',
    '35.99.1',
    '35.99.01.201',
    '35.99.01.20011',
    '35.99.01.2001.01',
    '35.99.01.2001.',
    '.35.99',
    '35..99',
    '35.99\n',
    'ab.cd',
    '35-99',
    '٣٥.٩٩',
  ])('knows no level of %j', (code) => {
    expect(levelOfRegion(code)).toBeUndefined();
  });
});

describe('isRegionCode', () => {
  it('checks the one level asked for', () => {
    expect(isRegionCode('35.99.01.2001', 'village')).toBe(true);
    expect(isRegionCode('35.99.01.2001', 'district')).toBe(false);
    expect(isRegionCode('35.99', 'regency')).toBe(true);
    expect(isRegionCode('35.99', 'village')).toBe(false);
    expect(isRegionCode('35.99.01', 'district')).toBe(true);
  });
});

describe('regionAt, regencyOf and regionParent', () => {
  it('finds the regions a village lies in', () => {
    expect(regencyOf('35.99.01.2001')).toBe('35.99');
    expect(regencyOf('35.99.01')).toBe('35.99');
    expect(regencyOf('35.99')).toBe('35.99');
    expect(regionAt('35.99.01.2001', 'district')).toBe('35.99.01');
    expect(regionAt('35.99.01.2001', 'province')).toBe('35');
    expect(regionAt('35.99.01.2001', 'village')).toBe('35.99.01.2001');
  });

  it('answers the region one level up, and none above a province', () => {
    expect(regionParent('35.99.01.2001')).toBe('35.99.01');
    expect(regionParent('35.99.01')).toBe('35.99');
    expect(regionParent('35.99')).toBe('35');
    expect(regionParent('35')).toBeUndefined();
  });

  it('answers no parent of a code that is not a region code', () => {
    expect(regionParent('5.2.1.01')).toBeUndefined();
    expect(regionParent('35.99.1')).toBeUndefined();
  });
});

describe('isWithinRegion', () => {
  it('holds for the region itself and anything under it', () => {
    expect(isWithinRegion('35.99', '35.99')).toBe(true);
    expect(isWithinRegion('35.99.01', '35.99')).toBe(true);
    expect(isWithinRegion('35.99.01.2001', '35.99')).toBe(true);
    expect(isWithinRegion('35.99.01.2001', '35.99.01')).toBe(true);
  });

  it('does not hold for a region above, beside or merely sharing digits', () => {
    expect(isWithinRegion('35.99', '35.99.01')).toBe(false);
    expect(isWithinRegion('35.99.02.2001', '35.99.01')).toBe(false);
    expect(isWithinRegion('35.991', '35.99')).toBe(false);
    expect(isWithinRegion('35.10.01.2001', '35.99')).toBe(false);
  });

  it('does not hold for malformed codes, even when they start alike', () => {
    expect(isWithinRegion('35.99.x', '35.99')).toBe(false);
    expect(isWithinRegion('35.99.01.2001', '35.99.')).toBe(false);
    expect(isWithinRegion('35.99.01.2001', '')).toBe(false);
  });
});

describe('regionCodeSchema', () => {
  it('accepts the levels asked for only', () => {
    const scope = regionCodeSchema('regency', 'district', 'village');
    expect(scope.safeParse('35.99').success).toBe(true);
    expect(scope.safeParse('35.99.01').success).toBe(true);
    expect(scope.safeParse('35.99.01.2001').success).toBe(true);
    expect(scope.safeParse('35').success).toBe(false);
    expect(scope.safeParse('35.99.01.2001.01').success).toBe(false);
  });

  it('refuses in Indonesian and English with an example', () => {
    expect(regionCodeSchema('village').safeParse('35.99.01').error?.issues[0]?.message).toBe(
      'kode desa seperti 35.99.01.2001 / a village code such as 35.99.01.2001',
    );
    expect(regionCodeSchema('regency').safeParse('12.345').error?.issues[0]?.message).toBe(
      'kode kabupaten seperti 35.99 / a regency code such as 35.99',
    );
    expect(
      regionCodeSchema('regency', 'district', 'village').safeParse('35').error?.issues[0]?.message,
    ).toBe(
      'kode kabupaten, kecamatan atau desa seperti 35.99, 35.99.01 atau 35.99.01.2001 / ' +
        'a regency, district or village code such as 35.99, 35.99.01 or 35.99.01.2001',
    );
  });
});

describe('FISCAL_YEAR_PATTERN', () => {
  it('takes four digits and nothing else', () => {
    expect(FISCAL_YEAR_PATTERN.test('2025')).toBe(true);
    for (const text of ['202', '20251', '2025\n', ' 2025', '2O25', '２０２５', '-2025'])
      expect(FISCAL_YEAR_PATTERN.test(text)).toBe(false);
  });
});

describe('region codes, for any code', () => {
  const digits = (width: number) =>
    fc.integer({ min: 0, max: 10 ** width - 1 }).map((n) => String(n).padStart(width, '0'));
  const village = fc
    .tuple(digits(2), digits(2), digits(2), digits(4))
    .map((parts) => ({ parts, code: parts.join('.') }));

  it('a village lies in its district, regency and province, each one level up', () => {
    fc.assert(
      fc.property(village, ({ parts: [province, regency, district], code }) => {
        const districtCode = `${province}.${regency}.${district}`;
        const regencyCode = `${province}.${regency}`;
        expect(levelOfRegion(code)).toBe('village');
        expect(regionParent(code)).toBe(districtCode);
        expect(regionParent(districtCode)).toBe(regencyCode);
        expect(regionParent(regencyCode)).toBe(province);
        expect(regencyOf(code)).toBe(regencyCode);
        expect(regionAt(code, 'district')).toBe(districtCode);
        for (const region of [code, districtCode, regencyCode, province])
          expect(isWithinRegion(code, region)).toBe(true);
        expect(isWithinRegion(regencyCode, code)).toBe(false);
      }),
    );
  });

  it('a village lies in no other regency', () => {
    fc.assert(
      fc.property(village, digits(2), digits(2), ({ code }, province, regency) => {
        const other = `${province}.${regency}`;
        fc.pre(other !== code.slice(0, 5));
        expect(isWithinRegion(code, other)).toBe(false);
      }),
    );
  });

  it('a code has a level exactly when its segments have the widths 2, 2, 2, 4', () => {
    const WIDTHS = [2, 2, 2, 4];
    const wellFormed = (code: string) => {
      const parts = code.split('.');
      return (
        parts.length <= WIDTHS.length &&
        parts.every((part, index) => part.length === WIDTHS[index] && /^[0-9]+$/.test(part))
      );
    };
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('0', '7', '.', 'x'), maxLength: 16 }),
      village.map(({ code }) => code),
      village.map(({ code }) => code.slice(0, 8)),
    );
    fc.assert(
      fc.property(text, (code) => {
        expect(levelOfRegion(code) !== undefined).toBe(wellFormed(code));
      }),
    );
  });
});
