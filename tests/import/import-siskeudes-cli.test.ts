import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from '../support/temp-dir';

const run = promisify(execFile);
const BIN = join(__dirname, '../../bin/kasdesa');
const FIXTURE = join(__dirname, '../fixtures/siskeudes/two-villages-2025.zip');

describe('kasdesa import-siskeudes', () => {
  const data = tempDir('kasdesa-siskeudes-');
  afterAll(() => data.remove());
  const kasdesa = (...args: string[]) =>
    run(process.execPath, [BIN, 'import-siskeudes', ...args], {
      env: { ...process.env, KASDESA_DATA_DIR: join(data.dir, 'store'), KASDESA_REGENCY: '35.10' },
    });

  it('imports the fixture once, writes nothing the second time, and refuses a broken file with exit 1', async () => {
    const args = ['--village', '35.10.01.2001', '--year', '2025', '--json'];
    const firstRun = await kasdesa(FIXTURE, ...args);
    expect(firstRun.stderr).toContain('41/41 perintah diperiksa / commands decided');
    const first = JSON.parse(firstRun.stdout);
    expect(first).toMatchObject({
      status: 'imported',
      eventCount: 41,
      reconciliation: { reconciled: true, differences: [] },
    });
    const second = JSON.parse((await kasdesa(FIXTURE, ...args)).stdout);
    expect(second).toMatchObject({ status: 'alreadyImported', eventCount: 41 });
    const broken = join(data.dir, 'broken.zip');
    writeFileSync(broken, 'bukan zip / not a zip');
    await expect(kasdesa(broken, ...args.slice(0, 4))).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('Berkas bukan zip CSV Siskeudes'),
    });
  }, 240_000);

  it('reads an .mdb with mdb-reader in the real runtime: a damaged database is refused by the reader itself', async () => {
    // No real Siskeudes database can be committed; a Jet header over empty pages reaches the reader's own checks.
    const damaged = Buffer.alloc(8192);
    damaged.writeUInt32LE(0x100, 0);
    damaged.write('Standard Jet DB', 4, 'latin1');
    const file = join(data.dir, 'rusak.mdb');
    writeFileSync(file, damaged);
    const refusal = await kasdesa(
      file,
      '--village',
      '35.10.01.2001',
      '--year',
      '2025',
      '--json',
    ).catch((error: { stdout: string }) => error);
    const outcome = JSON.parse(refusal.stdout);
    expect(outcome.problems).toEqual([
      expect.objectContaining({
        rule: 'FILE_READABLE',
        value: expect.stringMatching(/page type/i),
      }),
    ]);
  }, 240_000);
});
