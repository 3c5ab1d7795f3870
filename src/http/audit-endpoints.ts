import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { scopeCovers, scopeLevel, type Role } from '../access/roles';
import { anchorStreamHeads } from '../audit/anchoring';
import { figureHistory, HISTORY_KINDS, lineAcrossVersions } from '../audit/history';
import { clocksSchema, villageStateAt } from '../audit/time-travel';
import { verifyLedger } from '../audit/verify-ledger';
import type { ReferenceCatalog } from '../app/load-reference-data';
import type { EventStore } from '../eventstore/port';
import { commandIdFor } from './concurrency';
import { parseBody, type Endpoint } from './endpoint';
import { FISCAL_YEAR_PATTERN } from '../domain/shared/fiscal-year';
import { toJsonValue } from '../domain/shared/json-value';
import { regencyOf } from '../domain/shared/region-codes';
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
const AUDIT_READERS: readonly Role[] = ['auditor', 'regencyFinance'];
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

/** The village year an audit path names, checked like the ledger's paths: shape 404, scope 403, existence 404. */
const targets = new WeakMap<Response, { villageCode: string; fiscalYear: number }>();

function roleGuard(roles: readonly Role[], what: string): (res: Response) => void {
  return (res) => {
    const { role } = currentUser(res);
    if (!roles.includes(role))
      throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', role, {
        detail: { id: what, en: what },
      });
  };
}

function villageGuard(reference: ReferenceCatalog): RequestHandler {
  const requireReader = roleGuard(AUDIT_READERS, 'audit');
  return (req, res, next) => {
    requireReader(res);
    const villageCode = String(req.params.villageCode);
    const year = String(req.params.fiscalYear);
    if (!villageStream.codePattern.test(villageCode))
      throw new HttpProblem('PATH_PARAMETER', 'villageCode', villageCode);
    if (!FISCAL_YEAR_PATTERN.test(year))
      throw new HttpProblem('PATH_PARAMETER', 'fiscalYear', year);
    requireScope(res, 'villageCode', villageCode);
    const fiscalYear = Number.parseInt(year, 10);
    reference.requireYear(fiscalYear, regencyOf(villageCode));
    if (!villageStream.exists(reference, fiscalYear, villageCode))
      throw new HttpProblem('PATH_PARAMETER', 'villageCode/fiscalYear', `${villageCode}/${year}`);
    targets.set(res, { villageCode, fiscalYear });
    next();
  };
}

function outOfScope(res: Response, field: string, value: string): HttpProblem {
  const { scope } = currentUser(res);
  return new HttpProblem('OUT_OF_SCOPE', field, value, {
    detail: { id: `cakupan Anda ${scope}`, en: `your scope is ${scope}` },
  });
}

function requireScope(res: Response, field: string, region: string): void {
  if (!scopeCovers(currentUser(res).scope, region)) throw outOfScope(res, field, region);
}

/** The region a stream belongs to (`village-35.10.01.2001-2025` → `35.10.01.2001`). */
function streamRegion(streamId: string): string | undefined {
  const [, region, fiscalYear] = /^[a-z]+-([\d.]+)(?:-(\d+))?$/.exec(streamId) ?? [];
  if (region === undefined || scopeLevel(region) === undefined) return undefined;
  return fiscalYear === undefined || FISCAL_YEAR_PATTERN.test(fiscalYear) ? region : undefined;
}

/** Streams of regions within the caller's scope; a stream of no region is nobody's to read here. */
function visibleTo(res: Response): (stream: string) => boolean {
  const { scope } = currentUser(res);
  return (stream) => {
    const region = streamRegion(stream);
    return region !== undefined && scopeCovers(scope, region);
  };
}

const clocksOf = (req: Request) => parseBody('AuditClocks', clocksSchema, req.query);

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
        const { villageCode, fiscalYear } = targets.get(res)!;
        const kind = String(req.params.kind);
        const id = String(req.params.id);
        if (!(HISTORY_KINDS as readonly string[]).includes(kind))
          throw new HttpProblem('PATH_PARAMETER', 'kind', kind);
        const { source } = parseBody('AuditHistory', historyQuery, req.query);
        const history = await figureHistory(store, villageCode, fiscalYear, {
          kind: kind as (typeof HISTORY_KINDS)[number],
          id,
          ...(source === undefined ? {} : { source }),
        });
        if (history.events.length === 0) throw new HttpProblem('PATH_PARAMETER', 'id', id);
        res.json(toJsonValue(history));
      },
    },
    {
      ...base,
      path: `${VILLAGE_BASE}/budget-lines/:lineId/versions`,
      summary: `Satu baris anggaran di setiap versi APBDes / one budget line across every budget version; ${CLOCKS_NOTE}`,
      response: versionsSchema,
      async handler(req, res) {
        const { villageCode, fiscalYear } = targets.get(res)!;
        const lineId = String(req.params.lineId);
        const versions = await lineAcrossVersions(
          store,
          villageCode,
          fiscalYear,
          lineId,
          clocksOf(req),
        );
        if (versions.versions.every((v) => v.line === null) && versions.draft?.line == null)
          throw new HttpProblem('PATH_PARAMETER', 'lineId', lineId);
        res.json(toJsonValue(versions));
      },
    },
  ];
}

function verificationEndpoints(store: EventStore): Endpoint[] {
  const requireVerifier = roleGuard(VERIFIERS, 'verify');
  const requireAnchorer = roleGuard(ANCHORERS, 'anchor');
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
        requireVerifier(res);
        next();
      },
      async handler(req, res) {
        const { stream } = parseBody('AuditVerify', verifyQuery, req.query);
        const visible = visibleTo(res);
        if (stream !== undefined && !visible(stream)) throw outOfScope(res, 'stream', stream);
        const result = await verifyLedger(store, stream);
        const streams = result.streams.filter((s) => visible(s.stream));
        const anchorMismatches = result.anchorMismatches.filter((m) => visible(m.stream));
        res.json(
          toJsonValue({
            ok: streams.every((s) => s.ok) && anchorMismatches.length === 0,
            streams,
            anchorsChecked: result.anchorsChecked,
            anchorMismatches,
          }),
        );
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
        requireAnchorer(res);
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

/** Every audit endpoint: replay, history, budget-line versions, verification and anchoring. */
export function auditEndpoints(store: EventStore, reference: ReferenceCatalog): Endpoint[] {
  return [...villageEndpoints(store, reference), ...verificationEndpoints(store)];
}
