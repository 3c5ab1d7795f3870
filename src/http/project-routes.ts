import type { Request, RequestHandler, Response } from 'express';
import { filetypemime } from 'magic-bytes.js';
import { z } from 'zod';
import { mayIssue, rolesFor } from '../access/command-permissions';
import { scopeCovers } from '../access/roles';
import type { User } from '../access/state';
import type { ProjectCommandType, ProjectService } from '../app/project-service';
import type { ProjectSummary } from '../app/project-read-side';
import { projectCommandSchemas, projectIdSchema } from '../domain/projects/project-commands';
import { levelOfRegion } from '../domain/shared/region-codes';
import { PHOTO_SNIFF_BYTES, PROJECT_LIST_MAX } from '../limits';
import { sendCommandResult } from './command-result';
import { commandIdFor, expectedRevisionOf } from './concurrency';
import type { Endpoint } from './endpoint';
import { photoUpload, uploadedPhotos } from './photo-upload';
import { HttpProblem } from './problem';
import { actorOf, currentUser } from './request-context';
import { commandResultSchema } from './response-schemas';

/** Refuses (403) a role the permissions table does not give the command. */
function requireRole(user: User, type: ProjectCommandType): void {
  if (!mayIssue(user.role, type))
    throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', user.role, {
      detail: { id: type, en: type },
    });
}

/** Refuses (403) a region outside the user's scope. */
function requireScope(user: User, field: string, region: string): void {
  if (!scopeCovers(user.scope, region))
    throw new HttpProblem('OUT_OF_SCOPE', field, region, {
      detail: { id: `cakupan Anda ${user.scope}`, en: `your scope is ${user.scope}` },
    });
}

/**
 * The project a path names, checked so an outsider learns nothing: its shape,
 * then whether the caller's scope covers its village (403), and only then
 * that it exists (404).
 */
export async function projectOf(
  projects: ProjectService,
  user: User,
  projectId: string,
): Promise<ProjectSummary> {
  if (!projectIdSchema.safeParse(projectId).success)
    throw new HttpProblem('PATH_PARAMETER', 'projectId', projectId);
  const found = await projects.get(projectId);
  if (found) requireScope(user, 'projectId', found.project.villageCode);
  if (!found) throw new HttpProblem('PATH_PARAMETER', 'projectId', projectId);
  return found;
}

/** A photo the project's reports name, typed by its stored bytes; any other hash is a 404. */
export async function sendProjectPhoto(
  projects: ProjectService,
  res: Response,
  found: ProjectSummary,
  sha256: string,
): Promise<void> {
  const bytes = found.photos.some((photo) => photo.sha256 === sha256)
    ? await projects.photo(sha256)
    : undefined;
  if (!bytes) throw new HttpProblem('PATH_PARAMETER', 'sha256', sha256);
  res.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
  res.type(filetypemime(bytes.subarray(0, PHOTO_SNIFF_BYTES))[0] ?? 'application/octet-stream');
  res.send(bytes);
}

/**
 * A village's own officials act on its APBDes projects; regency finance on
 * the APBD and aspiration projects it registered. Neither writes the other's.
 */
async function requireProjectActor(
  projects: ProjectService,
  user: User,
  projectId: string,
  type: ProjectCommandType,
): Promise<void> {
  requireRole(user, type);
  const { project } = await projectOf(projects, user, projectId);
  const regencySide = user.role === 'regencyFinance';
  if (regencySide !== (project.channel !== 'apbdes'))
    throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', user.role, {
      detail: {
        id: `${type}: proyek ${project.channel === 'apbdes' ? 'APBDes dicatat oleh desa' : 'APBD/aspirasi dicatat oleh kabupaten'}`,
        en: `${type}: ${project.channel === 'apbdes' ? 'an APBDes project is recorded by its village' : 'an APBD or aspiration project is recorded by the regency'}`,
      },
    });
}

/** The guard of an endpoint acting on one project: the caller must be on the project's side. */
function projectActorGuard(projects: ProjectService, type: ProjectCommandType): RequestHandler {
  return async (req, res, next) => {
    await requireProjectActor(projects, currentUser(res), String(req.params.projectId), type);
    next();
  };
}

const withProjectId = (body: unknown, projectId: string) =>
  typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, projectId } : body;

/** A multipart field that reads as a number is one; anything else goes to the schema as typed. */
const numeric = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
    ? Number(value)
    : value;

const summarySchema = z.record(z.string(), z.unknown());
const listSchema = z.object({
  regionCode: z.string(),
  projects: z.array(summarySchema),
  truncated: z.boolean(),
});
const scanSchema = z.object({ checked: z.number(), suspected: z.array(z.string()) });
const decisionBody = z.strictObject({ reason: z.string() });

async function handleCommand(
  projects: ProjectService,
  req: Request,
  res: Response,
  type: ProjectCommandType,
  payload: unknown,
) {
  const user = currentUser(res);
  const commandId = commandIdFor(req, user);
  const outcome = await projects.handle(actorOf(user), commandId, type, payload, {
    expectedRevision: expectedRevisionOf(req),
  });
  sendCommandResult(res, commandId, outcome);
}

function registration(
  projects: ProjectService,
  type: 'RegisterVillageProject' | 'RegisterRegencyProject',
  path: string,
  summary: string,
): Endpoint {
  return {
    method: 'post',
    path,
    tag: 'projects',
    summary,
    access: rolesFor(type),
    body: projectCommandSchemas[type],
    response: commandResultSchema,
    status: 201,
    concurrency: 'write',
    guard(_req, res, next) {
      requireRole(currentUser(res), type);
      next();
    },
    async handler(req, res) {
      const villageCode = (req.body as { villageCode?: unknown } | undefined)?.villageCode;
      if (typeof villageCode === 'string')
        requireScope(currentUser(res), 'villageCode', villageCode);
      await handleCommand(projects, req, res, type, req.body);
    },
  };
}

function suspicionDecision(
  projects: ProjectService,
  type: 'ClearDuplicateSuspicion' | 'ConfirmDuplicateSuspicion',
  verb: string,
  summary: string,
): Endpoint {
  return {
    method: 'post',
    path: `/projects/:projectId/suspicions/:suspicionId/${verb}`,
    tag: 'projects',
    summary,
    access: rolesFor(type),
    body: decisionBody,
    response: commandResultSchema,
    status: 201,
    concurrency: 'write',
    // Regency finance decides on the regency's stream, through either project of the pair.
    async guard(req, res, next) {
      requireRole(currentUser(res), type);
      await projectOf(projects, currentUser(res), String(req.params.projectId));
      next();
    },
    async handler(req, res) {
      const projectId = String(req.params.projectId);
      const payload = withProjectId(req.body, projectId);
      await handleCommand(
        projects,
        req,
        res,
        type,
        typeof payload === 'object' && payload !== null
          ? { ...payload, suspicionId: String(req.params.suspicionId) }
          : payload,
      );
    },
  };
}

/** Physical projects: registration, progress with photos, corrections, duplicate suspicions, reads. */
export function projectEndpoints(projects: ProjectService): Endpoint[] {
  return [
    registration(
      projects,
      'RegisterVillageProject',
      '/projects/village',
      'Daftarkan keluaran fisik kegiatan APBDes / register a village APBDes project',
    ),
    registration(
      projects,
      'RegisterRegencyProject',
      '/projects/regency',
      'Daftarkan proyek APBD atau aspirasi di desa / register an APBD or aspiration project',
    ),
    {
      method: 'post',
      path: '/projects/:projectId/progress',
      tag: 'projects',
      summary:
        'Laporkan kemajuan dengan foto (multipart/form-data, berkas "photos") / report progress with photos',
      access: rolesFor('ReportProgress'),
      response: commandResultSchema,
      status: 201,
      concurrency: 'write',
      guard: projectActorGuard(projects, 'ReportProgress'),
      async handler(req, res) {
        await new Promise<void>((resolve, reject) => {
          photoUpload(req, res, (error?: unknown) => (error ? reject(error) : resolve()));
        });
        const photos = await uploadedPhotos(req);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const fields = {
          ...body,
          projectId: String(req.params.projectId),
          percent: numeric(body.percent),
          workers: numeric(body.workers),
          workingDays: numeric(body.workingDays),
        };
        const user = currentUser(res);
        const commandId = commandIdFor(req, user);
        const outcome = await projects.report(actorOf(user), commandId, fields, photos, {
          expectedRevision: expectedRevisionOf(req),
        });
        sendCommandResult(res, commandId, outcome);
      },
    },
    {
      method: 'post',
      path: '/projects/duplicate-scan',
      tag: 'projects',
      summary:
        'Periksa ulang semua proyek terhadap duplikasi / scan every project again for duplicates',
      access: rolesFor('CheckDuplicates'),
      response: scanSchema,
      status: 200,
      concurrency: 'write',
      guard(_req, res, next) {
        requireRole(currentUser(res), 'CheckDuplicates');
        next();
      },
      async handler(req, res) {
        const user = currentUser(res);
        res.json(await projects.scan(actorOf(user), commandIdFor(req, user)));
      },
    },
    {
      method: 'post',
      path: '/projects/:projectId/corrections',
      tag: 'projects',
      summary: 'Koreksi kemajuan dengan alasan / correct progress with a reason',
      access: rolesFor('CorrectProgress'),
      body: projectCommandSchemas.CorrectProgress.omit({ projectId: true }),
      response: commandResultSchema,
      status: 201,
      concurrency: 'write',
      guard: projectActorGuard(projects, 'CorrectProgress'),
      async handler(req, res) {
        const projectId = String(req.params.projectId);
        await handleCommand(
          projects,
          req,
          res,
          'CorrectProgress',
          withProjectId(req.body, projectId),
        );
      },
    },
    suspicionDecision(
      projects,
      'ClearDuplicateSuspicion',
      'clearance',
      'Nyatakan bukan duplikat, dengan alasan / clear a duplicate suspicion with a reason',
    ),
    suspicionDecision(
      projects,
      'ConfirmDuplicateSuspicion',
      'confirmation',
      'Konfirmasi duplikasi, dengan alasan / confirm a duplicate with a reason',
    ),
    {
      method: 'get',
      path: '/projects/:projectId',
      tag: 'projects',
      summary:
        'Proyek dengan kemajuan, foto dan dugaan duplikasi / a project with its progress, photos and suspicions',
      access: 'authenticated',
      response: summarySchema,
      status: 200,
      async handler(req, res) {
        res.json(await projectOf(projects, currentUser(res), String(req.params.projectId)));
      },
    },
    {
      method: 'get',
      path: '/projects/:projectId/photos/:sha256',
      tag: 'projects',
      summary: 'Foto laporan kemajuan / a progress photo',
      access: 'authenticated',
      download: 'image/*',
      status: 200,
      async handler(req, res) {
        const found = await projectOf(projects, currentUser(res), String(req.params.projectId));
        await sendProjectPhoto(projects, res, found, String(req.params.sha256));
      },
    },
    {
      method: 'get',
      path: '/regions/:regionCode/projects',
      tag: 'projects',
      summary:
        'Proyek desa, kecamatan atau kabupaten / the projects of a village, district or regency',
      access: 'authenticated',
      response: listSchema,
      status: 200,
      async handler(req, res) {
        const regionCode = String(req.params.regionCode);
        if (levelOfRegion(regionCode) === undefined)
          throw new HttpProblem('PATH_PARAMETER', 'regionCode', regionCode);
        requireScope(currentUser(res), 'regionCode', regionCode);
        const year = req.query.fiscalYear;
        if (year !== undefined && (typeof year !== 'string' || !/^\d{4}$/.test(year)))
          throw new HttpProblem('QUERY_PARAMETER', 'fiscalYear', String(year));
        const listed = await projects.within(
          regionCode,
          year === undefined ? undefined : Number(year),
        );
        res.json({
          regionCode,
          projects: listed.slice(0, PROJECT_LIST_MAX),
          truncated: listed.length > PROJECT_LIST_MAX,
        });
      },
    },
  ];
}
