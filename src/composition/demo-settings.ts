import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { deploymentRegency } from '../access/deployment-regency';
import { DEFAULT_REFERENCE_ROOT } from '../app/load-reference-data';
import { loadConfig } from './config';
import { DEMO_REGENCY } from '../demo/demo-regions';

const demoEnvironment = z.object({
  KASDESA_DEMO: z.enum(['0', '1']).optional(),
  KASDESA_DATA_DIR: z.string().min(1).optional(),
  KASDESA_DEMO_VILLAGES: z.coerce.number().int().min(1).max(200).default(20),
  KASDESA_DEMO_FULL_YEAR: z.coerce.number().int().min(0).max(200).default(4),
});

export interface DemoSettings {
  enabled: boolean;
  /** KASDESA_DATA_DIR for the run: the demo's own folder unless one is given. */
  dataDir: string | undefined;
  villages: number;
  fullYear: number;
}

/**
 * The demo is on by default when no data folder is configured (`npm start`
 * on a fresh checkout) and then lives in ./data/demo; KASDESA_DEMO=0 starts
 * empty, KASDESA_DEMO=1 seeds the configured folder on its first start.
 */
export function demoSettings(env: NodeJS.ProcessEnv = process.env): DemoSettings {
  const parsed = demoEnvironment.safeParse(env);
  if (!parsed.success)
    throw new Error(
      `Konfigurasi demo tidak sah / invalid demo configuration: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  const { KASDESA_DEMO, KASDESA_DATA_DIR, KASDESA_DEMO_VILLAGES, KASDESA_DEMO_FULL_YEAR } =
    parsed.data;
  const enabled =
    KASDESA_DEMO === undefined ? KASDESA_DATA_DIR === undefined : KASDESA_DEMO === '1';
  return {
    enabled,
    dataDir: KASDESA_DATA_DIR ?? (enabled ? './data/demo' : undefined),
    villages: KASDESA_DEMO_VILLAGES,
    fullYear: Math.min(KASDESA_DEMO_FULL_YEAR, KASDESA_DEMO_VILLAGES),
  };
}

/**
 * The regency served: KASDESA_REGENCY; else the demo regency in demo mode;
 * else the only regency of the reference data that is not the demo's.
 */
export function servedRegency(
  configured: string | undefined,
  demo: boolean,
  root: string = DEFAULT_REFERENCE_ROOT,
): string {
  if (configured) return configured;
  if (demo) return DEMO_REGENCY.code;
  const real = new Set<string>();
  for (const year of existsSync(root) ? readdirSync(root) : []) {
    const folder = path.join(root, year, 'regencies');
    for (const code of existsSync(folder) ? readdirSync(folder) : [])
      if (code !== DEMO_REGENCY.code) real.add(code);
  }
  return real.size === 1 ? [...real][0]! : deploymentRegency(undefined, root);
}

/** The configuration with the demo's data folder applied, and the regency served. */
export function runConfiguration(env: NodeJS.ProcessEnv = process.env) {
  const demo = demoSettings(env);
  const config = loadConfig({
    ...env,
    ...(demo.dataDir ? { KASDESA_DATA_DIR: demo.dataDir } : {}),
  });
  return { config, demo, regencyCode: servedRegency(config.regencyCode, demo.enabled) };
}
