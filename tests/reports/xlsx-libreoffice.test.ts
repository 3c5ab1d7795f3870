import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

describe('tests/xlsx-libreoffice.sh', () => {
  test('LibreOffice recomputes every workbook total equal to the JSON report, or the script says why it skipped', () => {
    const run = spawnSync(join(__dirname, '..', 'xlsx-libreoffice.sh'), {
      encoding: 'utf8',
      timeout: 170_000,
    });
    const verdict = run.stdout.split('\n').find((line) => /^(OK|SKIP): /.test(line));
    console.log(verdict ?? run.stdout);
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({
      status: 0,
      stderr: '',
    });
    expect(verdict).toMatch(/^(OK: \d+ formula cells|SKIP: )/);
  }, 180_000);
});
