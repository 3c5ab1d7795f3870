import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/composition/config';
import { DEFAULT_MONITORING_POLICY } from '../../src/domain/projects/policy';
import { tempDir } from '../support/temp-dir';

describe('KASDESA_MONITORING_POLICY', () => {
  const folder = tempDir('kasdesa-policy-');
  afterAll(() => folder.remove());
  const file = (name: string, content: string) => {
    const path = join(folder.dir, name);
    writeFileSync(path, content);
    return path;
  };

  test("unset: no override, each fiscal year's reference policy governs", () => {
    expect(loadConfig({}).monitoringPolicy).toBeUndefined();
  });

  test('the defaults: photos at 0, 50 and 100 %, no payment gate, duplicates within 50 m', () => {
    expect(DEFAULT_MONITORING_POLICY).toMatchObject({
      photoSteps: [0, 50, 100],
      disbursementGate: 'off',
      suspicionBlocksPayment: false,
      duplicates: { pointMetres: 50, lineBufferMetres: 25, lineOverlapPercent: 20, yearWindow: 1 },
    });
  });

  test('a file sets what it names; the rest keeps its default', () => {
    const path = file(
      'policy.json',
      JSON.stringify({ photoSteps: [0, 100], disbursementGate: { percent: 50 } }),
    );
    const { monitoringPolicy } = loadConfig({ KASDESA_MONITORING_POLICY: path });
    expect(monitoringPolicy).toEqual({
      ...DEFAULT_MONITORING_POLICY,
      photoSteps: [0, 100],
      disbursementGate: { percent: 50 },
    });
  });

  test('a malformed file stops the start, naming the variable or the field', () => {
    expect(() => loadConfig({ KASDESA_MONITORING_POLICY: file('broken.json', '{') })).toThrow(
      /KASDESA_MONITORING_POLICY=.*broken\.json/,
    );
    const wrong = file('wrong.json', JSON.stringify({ photoSteps: [150] }));
    expect(() => loadConfig({ KASDESA_MONITORING_POLICY: wrong })).toThrow(/photoSteps\.0/);
    const unknown = file('unknown.json', JSON.stringify({ photoStep: [0] }));
    expect(() => loadConfig({ KASDESA_MONITORING_POLICY: unknown })).toThrow(/photoStep/);
  });
});
