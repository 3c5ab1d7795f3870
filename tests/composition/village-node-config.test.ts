import { loadConfig } from '../../src/composition/config';

describe('KASDESA_VILLAGE_NODE', () => {
  test('unset, the installation is the regency’s server', () => {
    expect(loadConfig({}).villageNode).toBeUndefined();
  });

  test('set to a village code, the installation is that village’s node', () => {
    expect(loadConfig({ KASDESA_VILLAGE_NODE: '35.10.01.2001' }).villageNode).toBe('35.10.01.2001');
  });

  test('anything but a village code stops the start naming the variable', () => {
    for (const code of ['35.10', '35.10.01', 'desa'])
      expect(() => loadConfig({ KASDESA_VILLAGE_NODE: code })).toThrow(/KASDESA_VILLAGE_NODE/);
  });
});
