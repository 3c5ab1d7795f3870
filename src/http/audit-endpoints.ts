import type { Request, RequestHandler, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { scopeCovers, scopeLevel, type Role } from '../access/roles';
import type { User } from '../access/state';
import { anchorStreamHeads } from '../audit/anchoring';
import { evidenceArchive } from '../audit/evidence-archive';
import {
  figureHistory,
  HISTORY_KINDS,
  lineAcrossVersions,
  type FigureHistory,
  type HistoryKind,
  type LineVersions,
} from '../audit/history';
import type { Clocks } from '../../projections/engine/two-clocks';
import { clocksSchema, villageStateAt } from '../audit/time-travel';
import { verifyLedger, type LedgerVerification } from '../audit/verify-ledger';
import type { ReferenceCatalog } from '../app/load-reference-data';
import type { EventStore } from '../eventstore/port';
import { commandIdFor } from './concurrency';
import { parseBody, type Endpoint } from './endpoint';
import { FISCAL_YEAR_PATTERN } from '../domain/shared/fiscal-year';
import { toJsonValue } from '../domain/shared/json-value';
import { regencyOf } from '../domain/shared/region-codes';
import {
  EVIDENCE_BUNDLE_MAX_BYTES,
  EVIDENCE_DOWNLOADS_MAX,
  EVIDENCE_EXPORT_MAX_MS,
  LimitExceededError,
} from '../limits';
import { HttpProblem } from './problem';
import { actorOf, currentUser } from './request-context';
import { villageStream } from './stream-kinds';

/**
 * Auditors (Inspektorat, BPKP, BPK) and the regency's finance office read the
 * books as they stood at any time, trace any figure to its events and verify
 * the hash chains and anchors. Every read here is computed from the events
 * alone. Reports as of a date or as known at a time are the report endpoints
 * with `?asOf=&knownAt=`.
 */
export const AUDIT_READERS: readonly Role[] = ['auditor', 'regencyFinance'];
const VERIFIERS: readonly Role[] = ['auditor', 'regencyFinance', 'administrator'];
const ANCHORERS: readonly Role[] = ['regencyFinance', 'administrator'];

const VILLAGE_BASE = '/audit/villages/:villageCode/years/:fiscalYear';
const CLOCKS_NOTE =
  'asOf = tanggal bisnis / business date (YYYY-MM-DD); knownAt = waktu tercatat / recorded time (ISO 8601)';

const historyQuery = z.strictObject({ source: z.string().min(1).max(20).optional() });
const verifyQuery = z.strictObject({ stream: z.string().min(1).max(200).optional() });

const looseObject = z.record(z.string(), z.unknown());
const replayedSchema = z.object({
  streamId: z.string(),
  clocks: looseObject,
  revision: z.string().optional(),
  eventsApplied: z.number().int(),
  eventsLeftOut: z.number().int(),
  state: looseObject,
});
const historySchema = z.object({
  streamId: z.string(),
  kind: z.enum(HISTORY_KINDS),
  id: z.string(),
  events: z.array(looseObject),
});
const versionsSchema = z.object({
  streamId: z.string(),
  lineId: z.string(),
  versions: z.array(looseObject),
  draft: looseObject.nullable(),
});
const verificationSchema = z.object({
  ok: z.boolean(),
  streams: z.array(looseObject),
  anchorsChecked: z.number().int(),
  anchorMismatches: z.array(looseObject),
});
const anchoredSchema = z.object({
  streamPrefixes: z.array(z.string()),
  heads: z.array(looseObject),
});

/** The village year an audit path names. */
export interface AuditTarget {
  villageCode: string;
  fiscalYear: number;
}
const targets = new WeakMap<Response, AuditTarget>();

function requireRole(user: User, roles: readonly Role[], what: string): void {
  if (!roles.includes(user.role))
    throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', user.role, {
      detail: { id: what, en: what },
    });
}

/** Who may read a village's audit trail (replay, history, versions): the API's rule, for the pages too. */
export function requireAuditReader(user: User): void {
  requireRole(user, AUDIT_READERS, 'audit');
}

/**
 * The village year an audit path names, checked like the ledger's paths:
 * role 403, shape 404, scope 403, existence 404.
 */
export function requireAuditVillage(
  reference: ReferenceCatalog,
  user: User,
  villageCode: string,
  year: string,
): AuditTarget {
  requireAuditReader(user);
  if (!villageStream.codePattern.test(villageCode))
    throw new HttpProblem('PATH_PARAMETER', 'villageCode', villageCode);
  if (!FISCAL_YEAR_PATTERN.test(year)) throw new HttpProblem('PATH_PARAMETER', 'fiscalYear', year);
  if (!scopeCovers(user.scope, villageCode)) throw outOfScope(user, 'villageCode', villageCode);
  const fiscalYear = Number.parseInt(year, 10);
  reference.requireYear(fiscalYear, regencyOf(villageCode));
  if (!villageStream.exists(reference, fiscalYear, villageCode))
    throw new HttpProblem('PATH_PARAMETER', 'villageCode/fiscalYear', `${villageCode}/${year}`);
  return { villageCode, fiscalYear };
}

function villageGuard(reference: ReferenceCatalog): RequestHandler {
  return (req, res, next) => {
    targets.set(
      res,
      requireAuditVillage(
        reference,
        currentUser(res),
        String(req.params.villageCode),
        String(req.params.fiscalYear),
      ),
    );
    next();
  };
}

function outOfScope(user: User, field: string, value: string): HttpProblem {
  const { scope } = user;
  return new HttpProblem('OUT_OF_SCOPE', field, value, {
    detail: { id: `cakupan Anda ${scope}`, en: `your scope is ${scope}` },
  });
}

/** The region a stream belongs to (`village-35.10.01.2001-2025` → `35.10.01.2001`). */
function streamRegion(streamId: string): string | undefined {
  const [, region, fiscalYear] = /^[a-z]+-([\d.]+)(?:-(\d+))?$/.exec(streamId) ?? [];
  if (region === undefined || scopeLevel(region) === undefined) return undefined;
  return fiscalYear === undefined || FISCAL_YEAR_PATTERN.test(fiscalYear) ? region : undefined;
}

/** Streams of regions within the caller's scope; a stream of no region is nobody's to read here. */
function visibleTo(user: User): (stream: string) => boolean {
  const { scope } = user;
  return (stream) => {
    const region = streamRegion(stream);
    return region !== undefined && scopeCovers(scope, region);
  };
}

/** A figure's history as the API answers it: the kind and `query` (`source`) checked, no event naming the id a 404. */
export async function auditHistory(
  store: EventStore,
  { villageCode, fiscalYear }: AuditTarget,
  kind: string,
  id: string,
  query: unknown,
): Promise<FigureHistory> {
  if (!(HISTORY_KINDS as readonly string[]).includes(kind))
    throw new HttpProblem('PATH_PARAMETER', 'kind', kind);
  const { source } = parseBody('AuditHistory', historyQuery, query);
  const history = await figureHistory(store, villageCode, fiscalYear, {
    kind: kind as HistoryKind,
    id,
    ...(source === undefined ? {} : { source }),
  });
  if (history.events.length === 0) throw new HttpProblem('PATH_PARAMETER', 'id', id);
  return history;
}

/** The hash chains and anchors of every stream in the user's scope, or of one (`stream`), as the API verifies them. */
export async function verifyInScope(
  store: EventStore,
  user: User,
  stream?: string,
): Promise<LedgerVerification> {
  requireRole(user, VERIFIERS, 'verify');
  const visible = visibleTo(user);
  if (stream !== undefined && !visible(stream)) throw outOfScope(user, 'stream', stream);
  const result = await verifyLedger(store, stream);
  const streams = result.streams.filter((s) => visible(s.stream));
  const anchorMismatches = result.anchorMismatches.filter((m) => visible(m.stream));
  return {
    ok: streams.every((s) => s.ok) && anchorMismatches.length === 0,
    streams,
    anchorsChecked: result.anchorsChecked,
    anchorMismatches,
  };
}

/** One budget line in every budget version at the clocks; a line no version has is a 404. */
export async function auditLineVersions(
  store: EventStore,
  { villageCode, fiscalYear }: AuditTarget,
  lineId: string,
  clocks: Clocks,
): Promise<LineVersions> {
  const versions = await lineAcrossVersions(store, villageCode, fiscalYear, lineId, clocks);
  if (versions.versions.every((v) => v.line === null) && versions.draft?.line == null)
    throw new HttpProblem('PATH_PARAMETER', 'lineId', lineId);
  return versions;
}

/** What `kasdesa export-evidence` writes to a folder, downloaded as one zip. */
export const EVIDENCE_MEDIA_TYPE = 'application/zip';
/** Bundles being built now, across the API and the pages: each is held in memory while it is. */
let evidenceDownloads = 0;

const evidenceLimit = (limit: string, max: number) =>
  new HttpProblem('EVIDENCE_LIMIT', limit, String(max));

/**
 * A village year's evidence bundle (its stream and the regency's, the
 * anchors, the reference data, the report figures, the sealed manifest),
 * streamed as a zip attachment: the API's download and the pages' alike.
 */
export async function sendEvidenceBundle(
  store: EventStore,
  reference: ReferenceCatalog,
  { villageCode, fiscalYear }: AuditTarget,
  res: Response,
): Promise<void> {
  if (evidenceDownloads >= EVIDENCE_DOWNLOADS_MAX)
    throw evidenceLimit('EVIDENCE_DOWNLOADS_MAX', EVIDENCE_DOWNLOADS_MAX);
  evidenceDownloads += 1;
  try {
    const { hash, archive } = await evidenceArchive(
      store,
      { regencyCode: regencyOf(villageCode), villageCode, fiscalYear },
      {
        referenceRoot: reference.root,
        now: new Date(),
        limits: { maxBytes: EVIDENCE_BUNDLE_MAX_BYTES, maxMs: EVIDENCE_EXPORT_MAX_MS },
      },
    ).catch((error: unknown) =>
      Promise.reject(
        error instanceof LimitExceededError ? evidenceLimit(error.limit, error.max) : error,
      ),
    );
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="bukti-${villageCode}-${fiscalYear}.zip"`,
    );
    // The seal of bundle.sha256, to note beside the download.
    res.setHeader('X-Evidence-Bundle-SHA256', hash);
    res.type(EVIDENCE_MEDIA_TYPE);
    await pipeline(archive, res);
  } finally {
    evidenceDownloads -= 1;
  }
}

/** The two clocks of a query (`asOf`, `knownAt`), refused as the API refuses them. */
export const auditClocks = (query: unknown) => parseBody('AuditClocks', clocksSchema, query);
const clocksOf = (req: Request) => auditClocks(req.query);

function villageEndpoints(store: EventStore, reference: ReferenceCatalog): Endpoint[] {
  const guard = villageGuard(reference);
  const base = { method: 'get', tag: 'audit', access: AUDIT_READERS, status: 200, guard } as const;
  return [
    {
      ...base,
      path: `${VILLAGE_BASE}/state`,
      summary: `Keadaan desa dibangun ulang dari peristiwa / village state replayed from events; ${CLOCKS_NOTE}`,
      response: replayedSchema,
      async handler(req, res) {
        const { villageCode, fiscalYear } = targets.get(res)!;
        res.json(toJsonValue(await villageStateAt(store, villageCode, fiscalYear, clocksOf(req))));
      },
    },
    {
      ...base,
      path: `${VILLAGE_BASE}/history/:kind/:id`,
      summary: `Riwayat angka: peristiwa, pelaku, waktu, alasan / a figure's history: events, who, when, why; kind = ${HISTORY_KINDS.join(' | ')}; id URL-encoded; account takes ?source=`,
      response: historySchema,
      async handler(req, res) {
        const history = await auditHistory(
          store,
          targets.get(res)!,
          String(req.params.kind),
          String(req.params.id),
          req.query,
        );
        res.json(toJsonValue(history));
      },
    },
    {
      ...base,
      path: `${VILLAGE_BASE}/budget-lines/:lineId/versions`,
      summary: `Satu baris anggaran di setiap versi APBDes / one budget line across every budget version; ${CLOCKS_NOTE}`,
      response: versionsSchema,
      async handler(req, res) {
        const versions = await auditLineVersions(
          store,
          targets.get(res)!,
          String(req.params.lineId),
          clocksOf(req),
        );
        res.json(toJsonValue(versions));
      },
    },
    {
      ...base,
      path: `${VILLAGE_BASE}/evidence`,
      summary:
        "Paket bukti desa setahun sebagai zip, berkas yang sama dengan kasdesa export-evidence; periksa dengan kasdesa verify-evidence / the village year's evidence bundle as a zip, the files kasdesa export-evidence writes; check it with kasdesa verify-evidence",
      download: EVIDENCE_MEDIA_TYPE,
      async handler(_req, res) {
        await sendEvidenceBundle(store, reference, targets.get(res)!, res);
      },
    },
  ];
}

function verificationEndpoints(store: EventStore): Endpoint[] {
  return [
    {
      method: 'get',
      path: '/audit/verify',
      tag: 'audit',
      summary:
        'Periksa rantai hash dan jangkar setiap aliran dalam cakupan Anda, atau satu (?stream=) / verify hash chains and anchors of every stream in your scope, or one (?stream=)',
      access: VERIFIERS,
      response: verificationSchema,
      status: 200,
      guard(_req, res, next) {
        requireRole(currentUser(res), VERIFIERS, 'verify');
        next();
      },
      async handler(req, res) {
        const { stream } = parseBody('AuditVerify', verifyQuery, req.query);
        res.json(toJsonValue(await verifyInScope(store, currentUser(res), stream)));
      },
    },
    {
      method: 'post',
      path: '/audit/anchors',
      tag: 'audit',
      summary:
        'Jangkarkan sekarang kepala setiap aliran kabupaten Anda / anchor now the head of every stream of your regency',
      access: ANCHORERS,
      response: anchoredSchema,
      status: 201,
      guard(_req, res, next) {
        requireRole(currentUser(res), ANCHORERS, 'anchor');
        next();
      },
      async handler(req, res) {
        const user = currentUser(res);
        const anchored = await anchorStreamHeads(store, {
          regencyCode: regencyOf(user.scope),
          actor: actorOf(user),
          commandId: commandIdFor(req, user),
        });
        res.status(201).json(anchored);
      },
    },
  ];
}

/** Every audit endpoint: replay, history, budget-line versions, evidence bundles, verification and anchoring. */
export function auditEndpoints(store: EventStore, reference: ReferenceCatalog): Endpoint[] {
  return [...villageEndpoints(store, reference), ...verificationEndpoints(store)];
}
