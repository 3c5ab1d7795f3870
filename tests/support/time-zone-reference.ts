import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_REFERENCE_ROOT, ReferenceCatalog } from '../../src/app/load-reference-data';
import type { TimeZone } from '../../src/domain/shared/local-date';
import { tempDir } from './temp-dir';
import { REGENCY, YEAR } from './village-fixtures';

/** The repository's reference data with the test regency moved to another time zone. */
export function referenceInTimeZone(timeZone: TimeZone) {
  const temp = tempDir('kasdesa-reference-');
  cpSync(DEFAULT_REFERENCE_ROOT, temp.dir, { recursive: true });
  const file = join(temp.dir, `${YEAR}/regencies/${REGENCY}/regions.jsonl`);
  const [regency = '', ...rest] = readFileSync(file, 'utf8').split('\n');
  writeFileSync(file, [JSON.stringify({ ...JSON.parse(regency), timeZone }), ...rest].join('\n'));
  return { catalog: new ReferenceCatalog(temp.dir), remove: temp.remove };
}
