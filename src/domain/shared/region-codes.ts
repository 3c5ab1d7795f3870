import { z } from 'zod';
import { isWithin, levelOf, parentOf, prefixAt } from './dotted-codes';

/**
 * Kemendagri region codes: province `35`, regency (kabupaten) `35.99`,
 * district (kecamatan) `35.99.01`, village (desa) `35.99.01.2001`. Each level
 * adds one segment to its parent's code, so a level is its segment count.
 */
export const REGION_LEVELS = ['province', 'regency', 'district', 'village'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Digits of the segment each level adds. */
const SEGMENT_DIGITS: Record<RegionLevel, number> = {
  province: 2,
  regency: 2,
  district: 2,
  village: 4,
};

const NAMES: Record<RegionLevel, { id: string; en: string; example: string }> = {
  province: { id: 'provinsi', en: 'province', example: '35' },
  regency: { id: 'kabupaten', en: 'regency', example: '35.99' },
  district: { id: 'kecamatan', en: 'district', example: '35.99.01' },
  village: { id: 'desa', en: 'village', example: '35.99.01.2001' },
};

const segmentCount = (level: RegionLevel) => REGION_LEVELS.indexOf(level) + 1;

/** The pattern of a level's codes without anchors, e.g. `\d{2}\.\d{2}` for a regency. */
function patternBody(level: RegionLevel): string {
  return REGION_LEVELS.slice(0, segmentCount(level))
    .map((above) => String.raw`\d{${SEGMENT_DIGITS[above]}}`)
    .join(String.raw`\.`);
}

const anyOf = (levels: readonly RegionLevel[]) =>
  new RegExp(`^(?:${levels.map(patternBody).join('|')})$`);

export const REGION_PATTERNS = Object.fromEntries(
  REGION_LEVELS.map((level) => [level, anyOf([level])]),
) as Readonly<Record<RegionLevel, RegExp>>;

export function isRegionCode(code: string, level: RegionLevel): boolean {
  return REGION_PATTERNS[level].test(code);
}

/** The level of a well-formed region code; undefined for anything else. */
export function levelOfRegion(code: string): RegionLevel | undefined {
  const level = REGION_LEVELS[levelOf(code) - 1];
  return level !== undefined && isRegionCode(code, level) ? level : undefined;
}

/** E.g. 'kode desa seperti 35.99.01.2001 / a village code such as 35.99.01.2001'. */
function expected(levels: readonly RegionLevel[]): string {
  const names = levels.map((level) => NAMES[level]);
  /** `a, b atau c` / `a, b or c`. */
  const list = (key: 'id' | 'en' | 'example', or: string) => {
    const words = names.map((name) => name[key]);
    return words.length > 1
      ? `${words.slice(0, -1).join(', ')} ${or} ${words.at(-1)}`
      : words.join('');
  };
  return `kode ${list('id', 'atau')} seperti ${list('example', 'atau')} / a ${list('en', 'or')} code such as ${list('example', 'or')}`;
}

/** A region code of one of the levels, refused with the levels and an example of each. */
export function regionCodeSchema(...levels: [RegionLevel, ...RegionLevel[]]) {
  return z.string().regex(anyOf(levels), expected(levels));
}

/**
 * The region of the given level a code lies in, e.g. the regency `35.99` of
 * `35.99.01.2001`; a code above that level is answered whole. Not checked:
 * every command asks for its village's regency.
 */
export function regionAt(code: string, level: RegionLevel): string {
  return prefixAt(code, segmentCount(level));
}

export const regencyOf = (code: string) => regionAt(code, 'regency');

/** The region a region code lies directly in; undefined for a province or a malformed code. */
export function regionParent(code: string): string | undefined {
  return levelOfRegion(code) === undefined ? undefined : parentOf(code);
}

/** Whether `code` is `region` itself or lies within it; malformed codes lie nowhere. */
export function isWithinRegion(code: string, region: string): boolean {
  return (
    levelOfRegion(code) !== undefined &&
    levelOfRegion(region) !== undefined &&
    isWithin(code, region)
  );
}
