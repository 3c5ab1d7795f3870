import { ReferenceCatalog } from '../../src/app/load-reference-data';

describe('registered regions in the reference catalog', () => {
  it('adds registered districts and villages, the reference file winning where both name a code', () => {
    const catalog = new ReferenceCatalog();
    const before = catalog.get(2025, '35.10');
    expect(before.villages.has('35.10.09.2004')).toBe(false);
    catalog.useRegistered('35.10', [
      { level: 'district', code: '35.10.09', name: 'Tegaldlimo' },
      { level: 'village', code: '35.10.09.2004', name: 'Kedungasri', status: 'maju' },
      { level: 'village', code: '35.10.01.2001', name: 'Bukan Kandangan' },
      { level: 'village', code: '35.10.77.2001', name: 'Tanpa kecamatan' },
    ]);
    const after = catalog.get(2025, '35.10');
    expect(after.districts.get('35.10.09')).toEqual({ code: '35.10.09', name: 'Tegaldlimo' });
    expect(after.villages.get('35.10.09.2004')).toEqual({
      code: '35.10.09.2004',
      name: 'Kedungasri',
      districtCode: '35.10.09',
      status: 'maju',
      demo: false,
    });
    expect(after.villages.get('35.10.01.2001')?.name).toBe('Kandangan');
    expect(after.villages.has('35.10.77.2001')).toBe(false);
    expect(after.villages.size).toBe(before.villages.size + 1);
    expect(catalog.get(2025, '35.99').villages.has('35.10.09.2004')).toBe(false);
  });
});
