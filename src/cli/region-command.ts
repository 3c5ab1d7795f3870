import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { SYSTEM_ACTOR } from '../access/access-service';
import { ReferenceCatalog } from '../app/load-reference-data';
import { createRegionService } from '../app/region-service';
import { villageStatusSchema } from '../domain/reference/row-schemas';
import { withConfiguredStore } from './open-access';

interface RegionOptions {
  level: 'district' | 'village';
  code: string;
  name: string;
  centre?: string;
  boundary?: string;
  status?: string;
}

/** `-8.62,114.31` as `[-8.62, 114.31]`; anything else is passed on for the command schema to refuse. */
function centreOf(text: string): unknown {
  const parts = text.split(',').map((part) => part.trim());
  return parts.map((part) => (part === '' ? part : Number(part)));
}

/** A GeoJSON file: a Polygon, or a Feature whose geometry is one. */
function boundaryOf(file: string): unknown {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { type?: string; geometry?: unknown };
  return json.type === 'Feature' ? json.geometry : json;
}

async function registerRegion(options: RegionOptions): Promise<void> {
  await withConfiguredStore(async (store, access) => {
    const regions = createRegionService({
      store,
      regencyCode: access.regencyCode,
      reference: new ReferenceCatalog(),
    });
    const region = {
      level: options.level,
      code: options.code,
      name: options.name,
      ...(options.centre === undefined ? {} : { centre: centreOf(options.centre) }),
      ...(options.boundary === undefined ? {} : { boundary: boundaryOf(options.boundary) }),
      ...(options.status === undefined ? {} : { status: options.status }),
    };
    await regions.register(SYSTEM_ACTOR, `cli:${randomUUID()}`, region);
    console.log(
      `Wilayah didaftarkan / region registered: ${options.level} ${options.code} ${options.name}`,
    );
  });
}

/** `kasdesa register-region`: a district or village of the deployment regency, as the system actor. */
export function registerRegionCommand(program: Command): void {
  program
    .command('register-region')
    .description(
      'Daftarkan kecamatan atau desa kabupaten ini / register a district or village of this regency',
    )
    .addOption(
      new Option('--level <level>', 'tingkat / level')
        .choices(['district', 'village'])
        .makeOptionMandatory(),
    )
    .requiredOption('--code <code>', 'kode Kemendagri, mis. 35.10.09 atau 35.10.09.2004')
    .requiredOption('--name <name>', 'nama / name')
    .option('--centre <lat,lon>', 'titik tengah WGS84 / centre point, e.g. -8.62,114.31')
    .option('--boundary <file>', 'batas wilayah: berkas GeoJSON Polygon / boundary GeoJSON file')
    .addOption(
      new Option('--status <status>', 'status IDM desa / village IDM status').choices(
        villageStatusSchema.options,
      ),
    )
    .action((options: RegionOptions) => registerRegion(options));
}
