/**
 * Structure of dotted codes (accounts `5.2.1.01`, kegiatan `02.03.10`,
 * regions `35.10.01.2001`): segments, parents and ancestry. No code values
 * live here, only their shape.
 */
export function segments(code: string): string[] {
  return code.split('.');
}

export function levelOf(code: string): number {
  return segments(code).length;
}

export function parentOf(code: string): string | undefined {
  const parts = segments(code);
  return parts.length > 1 ? parts.slice(0, -1).join('.') : undefined;
}

/**
 * The first `level` segments, e.g. the jenis (level 3) of an objek. Found by
 * the separators' positions, not by splitting: every command asks for its
 * village's regency.
 */
export function prefixAt(code: string, level: number): string {
  if (level < 1) return '';
  let end = -1;
  for (let found = 0; found < level; found += 1) {
    end = code.indexOf('.', end + 1);
    if (end < 0) return code;
  }
  return code.slice(0, end);
}

export function isWithin(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(`${ancestor}.`);
}

export function lastSegmentNumber(code: string): number {
  return Number.parseInt(segments(code).at(-1) ?? '', 10);
}

/** Segment-wise numeric order of dotted codes (`4.1.2.01` before `4.1.10`). */
export function compareCodes(a: string, b: string): number {
  const left = segments(a);
  const right = segments(b);
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const difference = Number.parseInt(left[index]!, 10) - Number.parseInt(right[index]!, 10);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return left.length - right.length;
}
