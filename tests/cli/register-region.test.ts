import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from '../support/temp-dir';

const run = promisify(execFile);
const BIN = join(__dirname, '../../bin/kasdesa');

describe('kasdesa register-region', () => {
  const data = tempDir('kasdesa-regions-');
  afterAll(() => data.remove());
  const kasdesa = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      env: { ...process.env, KASDESA_DATA_DIR: join(data.dir, 'store'), KASDESA_REGENCY: '35.10' },
    });

  it('registers a district with its centre, and refuses the same code again naming the rule', async () => {
    const district = await kasdesa(
      'register-region',
      '--level',
      'district',
      '--code',
      '35.10.09',
      '--name',
      'Tegaldlimo',
      '--centre',
      '-8.62,114.31',
    );
    expect(district.stdout).toContain('district 35.10.09 Tegaldlimo');
    await expect(
      kasdesa('register-region', '--level', 'district', '--code', '35.10.09', '--name', 'Lagi'),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('REGION_CODE_TAKEN') });
  }, 240_000);
});
