import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_REFERENCE_ROOT } from '../app/load-reference-data';

/**
 * The regency this installation serves (its access stream and the demo
 * administrator's scope): KASDESA_REGENCY, or else the only regency the
 * reference data knows.
 */
export function deploymentRegency(
  configured: string | undefined,
  root: string = DEFAULT_REFERENCE_ROOT,
): string {
  if (configured) return configured;
  const found = new Set<string>();
  for (const year of existsSync(root) ? readdirSync(root) : []) {
    const regencies = path.join(root, year, 'regencies');
    if (existsSync(regencies)) for (const code of readdirSync(regencies)) found.add(code);
  }
  if (found.size !== 1) {
    throw new Error(
      `Tetapkan KASDESA_REGENCY (data referensi memuat ${found.size} kabupaten) / ` +
        `set KASDESA_REGENCY (the reference data holds ${found.size} regencies: ${[...found].join(', ')})`,
    );
  }
  return [...found][0]!;
}
