import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildReferenceData } from '../domain/reference/build-reference';
import { DomainError } from '../domain/shared/domain-error';
import { FISCAL_YEAR_PATTERN } from '../domain/shared/fiscal-year';
import { isRegionCode } from '../domain/shared/region-codes';
import { parseJsonLines } from '../domain/reference/json-lines';
import { withRegisteredRegions } from '../domain/reference/registered-regions';
import type { RegisteredRegion } from '../domain/regions/region-commands';
import type { ReferenceData } from '../domain/reference/reference-data';
import { ReferenceDataError } from '../domain/reference/reference-error';
import {
  REFERENCE_FILES,
  referenceFilePath,
  type ReferenceFileKey,
  type ReferenceRows,
} from '../domain/reference/reference-files';

/** Where reference data lives in the repository. */
export const DEFAULT_REFERENCE_ROOT = path.resolve(__dirname, '../../migrations/reference');

/**
 * Reads and validates one regency's reference data for one fiscal year.
 * Throws ReferenceDataError naming the file, line and reason.
 */
export function loadReferenceData(
  fiscalYear: number,
  regencyCode: string,
  root: string = DEFAULT_REFERENCE_ROOT,
): ReferenceData {
  const keys = Object.keys(REFERENCE_FILES) as ReferenceFileKey[];
  const rows = Object.fromEntries(
    keys.map((key) => [key, readRows(root, key, fiscalYear, regencyCode)]),
  ) as ReferenceRows;
  return buildReferenceData(fiscalYear, regencyCode, rows);
}

function readRows(root: string, key: ReferenceFileKey, fiscalYear: number, regencyCode: string) {
  const spec = REFERENCE_FILES[key];
  const relative = referenceFileInForce(root, key, fiscalYear, regencyCode);
  if (relative === undefined) {
    if (spec.required) {
      const own = referenceFilePath(key, fiscalYear, regencyCode);
      throw new ReferenceDataError(own, 0, 'required file is missing');
    }
    return [];
  }
  return parseJsonLines(relative, readFileSync(path.join(root, relative), 'utf8'), spec.schema);
}

/** The year folders under the reference root, in order. */
function referenceYears(root: string): number[] {
  return readdirSync(root)
    .filter((folder) => FISCAL_YEAR_PATTERN.test(folder))
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The file a fiscal year uses (relative to the root): the year's own, else
 * the nearest earlier year's, else the earliest later year's; a year holds
 * only what changed (migrations/reference/README.md).
 */
export function referenceFileInForce(
  root: string,
  key: ReferenceFileKey,
  fiscalYear: number,
  regencyCode: string,
): string | undefined {
  const years = referenceYears(root);
  const earlierFirst = [
    ...years.filter((year) => year <= fiscalYear).reverse(),
    ...years.filter((year) => year > fiscalYear),
  ];
  return earlierFirst
    .map((year) => referenceFilePath(key, year, regencyCode))
    .find((relative) => existsSync(path.join(root, relative)));
}

/**
 * Loads each (year, regency) once; commands of many villages share it. What
 * it answers is the files plus the regions an administrator registered
 * (`useRegistered`), merged by `withRegisteredRegions`.
 */
export class ReferenceCatalog {
  private readonly loaded = new Map<string, ReferenceData>();
  private readonly merged = new Map<string, ReferenceData>();
  private readonly registered = new Map<string, readonly RegisteredRegion[]>();

  /** The folder the reference files are read from (an evidence bundle copies them). */
  constructor(readonly root: string = DEFAULT_REFERENCE_ROOT) {}

  /**
   * Whether reference data exists for the year and regency: the year has the
   * regency's folder (an unknown regency is a user error).
   */
  exists(fiscalYear: number, regencyCode: string): boolean {
    if (this.loaded.has(this.key(fiscalYear, regencyCode))) return true;
    return (
      isRegionCode(regencyCode, 'regency') &&
      existsSync(path.join(this.root, String(fiscalYear), 'regencies', regencyCode))
    );
  }

  /** The fiscal years with reference data for the regency, in order. */
  fiscalYears(regencyCode: string): number[] {
    return referenceYears(this.root).filter((year) => this.exists(year, regencyCode));
  }

  /**
   * Refuses a fiscal year the regency has no reference data for, naming the
   * years it has (422); an unknown regency is left to `exists` (404).
   */
  requireYear(fiscalYear: number, regencyCode: string): void {
    if (this.exists(fiscalYear, regencyCode)) return;
    const years = this.fiscalYears(regencyCode);
    if (years.length === 0) return;
    throw new DomainError('FISCAL_YEAR_REFERENCE', 'fiscalYear', String(fiscalYear), {
      id: `tahun dengan data referensi: ${years.join(', ')}`,
      en: `years with reference data: ${years.join(', ')}`,
    });
  }

  get(fiscalYear: number, regencyCode: string): ReferenceData {
    const key = this.key(fiscalYear, regencyCode);
    const cached = this.merged.get(key);
    if (cached) return cached;
    const reference = withRegisteredRegions(
      this.fromFiles(fiscalYear, regencyCode),
      this.registered.get(regencyCode) ?? [],
    );
    this.merged.set(key, reference);
    return reference;
  }

  /** The regions registered for the regency so far (all of them, in order): later reads see them. */
  useRegistered(regencyCode: string, regions: readonly RegisteredRegion[]): void {
    this.registered.set(regencyCode, regions);
    for (const key of this.merged.keys())
      if (key.endsWith(`/${regencyCode}`)) this.merged.delete(key);
  }

  /** Every district and village code the regency's reference files hold, in any fiscal year. */
  referenceCodes(regencyCode: string): Set<string> {
    const codes = new Set<string>();
    for (const year of this.fiscalYears(regencyCode)) {
      const reference = this.fromFiles(year, regencyCode);
      for (const code of [...reference.districts.keys(), ...reference.villages.keys()])
        codes.add(code);
    }
    return codes;
  }

  private fromFiles(fiscalYear: number, regencyCode: string): ReferenceData {
    const key = this.key(fiscalYear, regencyCode);
    const cached = this.loaded.get(key);
    if (cached) return cached;
    const reference = loadReferenceData(fiscalYear, regencyCode, this.root);
    this.loaded.set(key, reference);
    return reference;
  }

  private key(fiscalYear: number, regencyCode: string): string {
    return `${fiscalYear}/${regencyCode}`;
  }
}
