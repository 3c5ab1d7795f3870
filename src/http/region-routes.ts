import { z } from 'zod';
import { mayIssue, rolesFor } from '../access/command-permissions';
import type { User } from '../access/state';
import type { ReferenceCatalog } from '../app/load-reference-data';
import type { RegionService } from '../app/region-service';
import { regionCommandSchemas, type RegisteredRegion } from '../domain/regions/region-commands';
import { sendCommandResult } from './command-result';
import { commandIdFor, expectedRevisionOf } from './concurrency';
import type { Endpoint } from './endpoint';
import { HttpProblem } from './problem';
import { actorOf, currentUser } from './request-context';
import { commandResultSchema } from './response-schemas';

/** A district or village as the regions list shows it, with where it comes from. */
export type ListedRegion = Pick<RegisteredRegion, 'level' | 'code' | 'name'> &
  Partial<Pick<RegisteredRegion, 'centre' | 'boundary'>> & {
    source: 'reference' | 'registered';
  };

const listedSchema = z.object({
  regencyCode: z.string(),
  regions: z.array(z.record(z.string(), z.unknown())),
});

/**
 * The regency's districts and villages: the newest reference year's rows,
 * then the registered ones (which the reference does not have), by code.
 */
export async function listRegions(
  regions: RegionService,
  reference: ReferenceCatalog,
): Promise<ListedRegion[]> {
  const registered = await regions.refresh();
  const newest = reference.fiscalYears(regions.regencyCode).at(-1);
  const data = newest === undefined ? undefined : reference.get(newest, regions.regencyCode);
  const registeredCodes = new Set(registered.map((region) => region.code));
  const fromFiles: ListedRegion[] = data
    ? [
        ...[...data.districts.values()].map((d) => ({ level: 'district' as const, ...d })),
        ...[...data.villages.values()].map(({ code, name }) => ({
          level: 'village' as const,
          code,
          name,
        })),
      ]
        .filter((region) => !registeredCodes.has(region.code))
        .map((region) => ({ ...region, source: 'reference' as const }))
    : [];
  const own: ListedRegion[] = registered.map(({ level, code, name, centre, boundary }) => ({
    level,
    code,
    name,
    ...(centre === undefined ? {} : { centre }),
    ...(boundary === undefined ? {} : { boundary }),
    source: 'registered',
  }));
  return [...fromFiles, ...own].sort((a, b) => a.code.localeCompare(b.code));
}

/** Refuses (403) a user whose role may not register regions, before the body is read. */
export function requireRegionRegistrar(user: User): void {
  if (!mayIssue(user.role, 'RegisterRegion'))
    throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', user.role, {
      detail: { id: 'RegisterRegion', en: 'RegisterRegion' },
    });
}

/** Registers a region for `user` with the API's checks: role, then the regions stream's rules. */
export function registerRegion(
  regions: RegionService,
  user: User,
  commandId: string,
  body: unknown,
  expectedRevision?: ReturnType<typeof expectedRevisionOf>,
) {
  requireRegionRegistrar(user);
  return regions.register(actorOf(user), commandId, body, { expectedRevision });
}

/** The regency's districts and villages: everyone signed in reads them, administrators add to them. */
export function regionEndpoints(regions: RegionService, reference: ReferenceCatalog): Endpoint[] {
  return [
    {
      method: 'get',
      path: '/regions',
      tag: 'regions',
      summary: 'Kecamatan dan desa kabupaten / the regency’s districts and villages',
      access: 'authenticated',
      response: listedSchema,
      status: 200,
      async handler(_req, res) {
        res.json({
          regencyCode: regions.regencyCode,
          regions: await listRegions(regions, reference),
        });
      },
    },
    {
      method: 'post',
      path: '/regions',
      tag: 'regions',
      summary: 'Daftarkan kecamatan atau desa / register a district or village',
      access: rolesFor('RegisterRegion'),
      body: regionCommandSchemas.RegisterRegion,
      response: commandResultSchema,
      status: 201,
      concurrency: 'write',
      guard(_req, res, next) {
        requireRegionRegistrar(currentUser(res));
        next();
      },
      async handler(req, res) {
        const user = currentUser(res);
        const commandId = commandIdFor(req, user);
        const outcome = await registerRegion(
          regions,
          user,
          commandId,
          req.body,
          expectedRevisionOf(req),
        );
        sendCommandResult(res, commandId, outcome);
      },
    },
  ];
}
