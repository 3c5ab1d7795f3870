import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEFAULT_REFERENCE_ROOT } from '../../src/app/load-reference-data';
import { tempDir } from '../support/temp-dir';

const run = promisify(execFile);
const BIN = join(__dirname, '../../bin/kasdesa');
const FULL_YEAR_VILLAGE = '35.99.01.2001';
const BUDGET_ONLY_VILLAGE = '35.99.02.2001';

interface ProjectionLine {
  name: string;
  checkpoint: string | null;
  eventsBehind: number;
  caughtUp: boolean;
}

describe('kasdesa CLI: load-reference, status with projections, rebuild-projections, export-report', () => {
  const data = tempDir('kasdesa-cli-ops-');
  afterAll(() => data.remove());
  const kasdesa = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      env: { ...process.env, KASDESA_DATA_DIR: join(data.dir, 'store'), KASDESA_DEMO: '1' },
    });
  const status = async () =>
    JSON.parse((await kasdesa('status', '--json')).stdout) as {
      events: number;
      headPosition: string;
      projections: ProjectionLine[];
    };

  beforeAll(async () => {
    await kasdesa('seed-demo', '--villages', '2', '--full-year', '1');
  }, 120_000);

  it('validates reference data and counts the rows of every file', async () => {
    const summary = JSON.parse(
      (await kasdesa('load-reference', '--year', '2025', '--regency', '35.99', '--json')).stdout,
    );
    const regions = summary.files.find((f: { file: string }) => f.file.endsWith('regions.jsonl'));
    expect(regions.rows).toBe(1 + summary.districts + summary.villages);
    expect([summary.districts, summary.villages]).toEqual([20, 200]);
    expect(summary.files.every((f: { rows: number | null }) => f.rows === null || f.rows > 0)).toBe(
      true,
    );
  }, 60_000);

  it('refuses a broken reference file, naming the file and line', async () => {
    const root = join(data.dir, 'reference');
    cpSync(DEFAULT_REFERENCE_ROOT, root, { recursive: true });
    const file = join(root, '2025/regencies/35.99/regions.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = '{"level":"village"}';
    writeFileSync(file, lines.join('\n'));
    await expect(
      kasdesa('load-reference', '--year', '2025', '--regency', '35.99', '--root', root),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('regions.jsonl:3') });
  }, 60_000);

  it('shows each projection behind until rebuild-projections folds every event', async () => {
    const before = await status();
    expect(before.projections.length).toBeGreaterThan(0);
    expect(before.projections.every((p) => p.eventsBehind === before.events && !p.caughtUp)).toBe(
      true,
    );
    const rebuilt = await kasdesa('rebuild-projections');
    expect(rebuilt.stdout).toContain(`rebuilt to ${before.headPosition}`);
    const after = await status();
    expect(after.projections).toEqual(
      before.projections.map((p) => ({
        ...p,
        checkpoint: before.headPosition,
        eventsBehind: 0,
        caughtUp: true,
      })),
    );
  }, 120_000);

  it('exports the fund flow as the report endpoint renders it: spending only where a year was run', async () => {
    const out = join(data.dir, 'fund-flow.json');
    await kasdesa(
      'export-report',
      'fund-flow',
      '--regency',
      '35.99',
      '--year',
      '2025',
      '--format',
      'json',
      '--out',
      out,
    );
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const villages = new Map(
      report.districts.flatMap(
        (d: { villages: { villageCode: string; totals: { spent: string } }[] }) =>
          d.villages.map((v) => [v.villageCode, v.totals.spent]),
      ),
    );
    expect(villages.get(BUDGET_ONLY_VILLAGE)).toBe('0.00');
    expect(villages.get(FULL_YEAR_VILLAGE)).not.toBe('0.00');
    expect(report.totals.spent).toBe(villages.get(FULL_YEAR_VILLAGE));
  }, 120_000);

  it('exports a village book as xlsx, and names the refusal of an unknown report', async () => {
    const out = join(data.dir, 'bku.xlsx');
    await kasdesa(
      'export-report',
      'bku',
      '--village',
      FULL_YEAR_VILLAGE,
      '--year',
      '2025',
      '--month',
      '3',
      '--out',
      out,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.length).toBe(1);
    expect(workbook.worksheets[0]!.rowCount).toBeGreaterThan(5);
    await expect(
      kasdesa('export-report', 'laporan-x', '--regency', '35.99', '--year', '2025', '--out', out),
    ).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /unknown report: laporan-x \(regency: fund-flow, realisation, monitoring, project-outputs\)/,
      ),
    });
  }, 120_000);
});
