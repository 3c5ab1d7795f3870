import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { monitoringPolicySchema, type MonitoringPolicy } from '../domain/projects/policy';
import { regionCodeSchema } from '../domain/shared/region-codes';
import type { StoreKind } from '../eventstore/store-location';
import { DEFAULT_COMPLAINTS_CONTACT } from '../web/public/complaints-contact';
import { mapTilesUrlSchema, type MapTiles } from '../web/projects/map-tiles';

/** Longest complaints contact: a phone, an e-mail address and an office's address fit well within it. */
const COMPLAINTS_CONTACT_MAX_CHARS = 300;
/** Longest map tile credit: a provider's name, licence and link. */
const MAP_TILES_ATTRIBUTION_MAX_CHARS = 300;

const environmentSchema = z.object({
  KASDESA_STORE: z.enum(['embedded', 'eventstoredb', 'memory']).default('embedded'),
  KASDESA_DATA_DIR: z.string().min(1).default('./data'),
  EVENTSTORE_URL: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  KASDESA_REGENCY: regionCodeSchema('regency').optional(),
  KASDESA_TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  KASDESA_COMPLAINTS_CONTACT: z
    .string()
    .trim()
    .min(1)
    .max(COMPLAINTS_CONTACT_MAX_CHARS)
    .default(DEFAULT_COMPLAINTS_CONTACT),
  KASDESA_MONITORING_POLICY: z.string().min(1).optional(),
  KASDESA_MAP_TILES: mapTilesUrlSchema.optional(),
  KASDESA_MAP_TILES_ATTRIBUTION: z
    .string()
    .trim()
    .min(1)
    .max(MAP_TILES_ATTRIBUTION_MAX_CHARS)
    .optional(),
  KASDESA_VILLAGE_NODE: regionCodeSchema('village').optional(),
});

export interface Config {
  store: StoreKind;
  dataDir: string;
  eventStoreUrl?: string;
  port: number;
  /** The regency this installation serves; undefined: the only one in the reference data. */
  regencyCode?: string;
  /** Reverse proxies (TLS terminators) in front of Kasdesa whose X-Forwarded-* headers are believed. */
  trustProxyHops: number;
  /** Where citizens take a complaint, shown on every public village page and poster. */
  complaintsContact: string;
  /**
   * A project monitoring policy overriding every year's (photo steps, gates,
   * distances, duplicate thresholds); unset, each fiscal year's reference
   * policy row `monitoring` governs.
   */
  monitoringPolicy: MonitoringPolicy | undefined;
  /** The project map's basemap; none: the map draws registered villages only (works offline). */
  mapTiles?: MapTiles;
  /**
   * The village whose books this installation keeps as its offline node;
   * undefined on the regency's server. A node leaves the duplicate check of
   * its projects to the regency, which writes the suspicions.
   */
  villageNode?: string;
}

/**
 * The regency's monitoring policy from a JSON file (any field left out takes
 * its default), refused with the file and the fields at fault.
 */
function readMonitoringPolicy(path: string): MonitoringPolicy {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `Konfigurasi tidak sah: KASDESA_MONITORING_POLICY=${path} tidak dapat dibaca sebagai JSON / ` +
        `invalid configuration: KASDESA_MONITORING_POLICY=${path} cannot be read as JSON (${String(error)})`,
      { cause: error },
    );
  }
  const policy = monitoringPolicySchema.safeParse(parsed);
  if (policy.success) return policy.data;
  const problems = policy.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new Error(
    `Konfigurasi tidak sah: kebijakan pemantauan ${path} / invalid configuration: monitoring policy ${path}: ${problems.join('; ')}`,
  );
}

/** Reads the configuration from environment variables, refusing anything malformed with a clear message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Konfigurasi tidak sah / invalid configuration: ${problems.join('; ')}`);
  }
  const { KASDESA_STORE, KASDESA_DATA_DIR, EVENTSTORE_URL, PORT, KASDESA_REGENCY } = parsed.data;
  const { KASDESA_TRUST_PROXY, KASDESA_COMPLAINTS_CONTACT, KASDESA_MONITORING_POLICY } =
    parsed.data;
  if (KASDESA_STORE === 'eventstoredb' && !EVENTSTORE_URL) {
    throw new Error(
      'Konfigurasi tidak sah: KASDESA_STORE=eventstoredb memerlukan EVENTSTORE_URL / ' +
        'invalid configuration: KASDESA_STORE=eventstoredb needs EVENTSTORE_URL',
    );
  }
  return {
    store: KASDESA_STORE,
    dataDir: resolve(KASDESA_DATA_DIR),
    eventStoreUrl: EVENTSTORE_URL,
    port: PORT,
    regencyCode: KASDESA_REGENCY,
    trustProxyHops: KASDESA_TRUST_PROXY,
    complaintsContact: KASDESA_COMPLAINTS_CONTACT,
    monitoringPolicy: KASDESA_MONITORING_POLICY
      ? readMonitoringPolicy(resolve(KASDESA_MONITORING_POLICY))
      : undefined,
    ...(parsed.data.KASDESA_MAP_TILES && {
      mapTiles: {
        url: parsed.data.KASDESA_MAP_TILES,
        ...(parsed.data.KASDESA_MAP_TILES_ATTRIBUTION && {
          attribution: parsed.data.KASDESA_MAP_TILES_ATTRIBUTION,
        }),
      },
    }),
    ...(parsed.data.KASDESA_VILLAGE_NODE && { villageNode: parsed.data.KASDESA_VILLAGE_NODE }),
  };
}
