import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from '../support/temp-dir';

const run = promisify(execFile);
const BIN = join(__dirname, '../../bin/kasdesa');

describe('kasdesa CLI: init, create-admin, add-user, status', () => {
  const data = tempDir('kasdesa-cli-');
  afterAll(() => data.remove());
  const kasdesa = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      env: { ...process.env, KASDESA_DATA_DIR: join(data.dir, 'store') },
    });

  it('prepares a store, adds users to the access stream and reports the store', async () => {
    expect((await kasdesa('init')).stdout).toContain('kasdesa.sqlite');
    const admin = await kasdesa(
      'create-admin',
      '--username',
      'kepala-dpmd',
      '--display-name',
      'Kepala DPMD',
    );
    expect(admin.stdout).toMatch(/kepala-dpmd \(administrator, 35\.10,/);
    expect(admin.stdout).toMatch(/password: \S{12,}/);
    const user = await kasdesa(
      'add-user',
      '--username',
      'bendahara',
      '--display-name',
      'Bendahara',
      '--role',
      'treasurer',
      '--scope',
      '35.10.01.2001',
      '--password',
      'sandi-panjang-1',
    );
    expect(user.stdout).toContain('bendahara (treasurer, 35.10.01.2001');
    expect(user.stdout).not.toContain('sandi-panjang-1');
    const status = JSON.parse((await kasdesa('status', '--json')).stdout);
    expect(status).toMatchObject({
      streams: 1,
      events: 2,
      users: 2,
      administrator: true,
      accessStream: 'access-35.10',
    });
  }, 120_000);

  it('uses the folder the server uses when KASDESA_DATA_DIR is unset: the demo folder', async () => {
    const env = { ...process.env };
    delete env.KASDESA_DATA_DIR;
    delete env.KASDESA_DEMO;
    const { stdout } = await run(process.execPath, [BIN, 'init'], { cwd: data.dir, env });
    expect(stdout).toContain(join(data.dir, 'data', 'demo', 'kasdesa.sqlite'));
  }, 60_000);

  it('refuses a user whose scope does not fit the role, naming the rule', async () => {
    await expect(
      kasdesa(
        'add-user',
        '--username',
        'camat',
        '--display-name',
        'Camat',
        '--role',
        'districtHead',
        '--scope',
        '35.10.01.2001',
      ),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('SCOPE_FITS_ROLE') });
  }, 60_000);
});
