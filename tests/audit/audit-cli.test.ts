import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createEmbeddedStore } from '../../src/eventstore/embedded';
import { embeddedStoreFile } from '../../src/eventstore/store-location';
import { fixtureEvents } from '../fixtures/events-v1/fixture';
import { tempDir } from '../support/temp-dir';
import { VILLAGE, YEAR } from '../support/village-fixtures';

/** `kasdesa replay` and `kasdesa history` on a store holding the version-1 fixture year. */
describe('audit CLI', () => {
  const temp = tempDir();
  const env = { ...process.env, KASDESA_DATA_DIR: join(temp.dir, 'data') };
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [join(__dirname, '../../bin/kasdesa'), ...args], {
      env,
      encoding: 'utf8',
    });
  const villageYear = ['--village', VILLAGE, '--year', String(YEAR)];

  beforeAll(async () => {
    const store = createEmbeddedStore({ file: embeddedStoreFile(join(temp.dir, 'data')) });
    for (const { streamId, id, type, data, metadata } of fixtureEvents())
      await store.append(streamId, [{ id, type, data, metadata }], 'any');
    await store.close();
  });
  afterAll(() => temp.remove());

  test('replay prints the village state as of a date, as JSON or as a summary', () => {
    const json = cli('replay', ...villageYear, '--as-of', '2025-03-30', '--json');
    expect(json.stderr).toBe('');
    const replayed = JSON.parse(json.stdout);
    expect(replayed.state.closing.lastClosedMonth).toBe('2025-02');
    expect(replayed.eventsLeftOut).toBeGreaterThan(0);
    const summary = cli('replay', ...villageYear);
    expect(summary.stdout).toMatch(/bulan ditutup \/ last closed month: 2025-12/);
    expect(cli('replay', ...villageYear, '--known-at', 'yesterday').status).not.toBe(0);
  }, 60_000);

  test('history prints who, when and why for each event behind a figure', () => {
    const { stdout, status } = cli('history', 'receipt', 'TBP-PBH-1', ...villageYear);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /EntryReversed {2}2025-05-02 .*Dewi Lestari \(kaur-keuangan, u-kaur\) {2}Salah ketik/,
    );
    expect(stdout).toMatch(/dibalik oleh \/ reversed by REV-1/);
    const versions = JSON.parse(
      cli('history', 'budget-line', 'operasional-pemdes-1', ...villageYear, '--versions').stdout,
    );
    expect(versions.versions.at(-1).line.amount).toBe('16500000.00');
  }, 60_000);
});
