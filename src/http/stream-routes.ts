import type { Request, Response } from 'express';
import type { Ledger } from '../app/ledger';
import type { ReferenceCatalog } from '../app/load-reference-data';
import { mayIssue, rolesFor } from '../access/command-permissions';
import type { User } from '../access/state';
import { scopeCovers } from '../access/roles';
import { sendCommandResult } from './command-result';
import { commandIdFor, expectedRevisionOf, notModified } from './concurrency';
import type { Endpoint } from './endpoint';
import { FISCAL_YEAR_PATTERN } from '../domain/shared/fiscal-year';
import { toJsonValue } from '../domain/shared/json-value';
import { regencyOf } from '../domain/shared/region-codes';
import { HttpProblem } from './problem';
import { actorOf, currentUser, markStream } from './request-context';
import { commandResultSchema, streamStateSchema } from './response-schemas';
import type { StreamKind } from './stream-kinds';

/** The stream a write's guard resolved, for its handler. */
const targets = new WeakMap<Response, StreamTarget>();

export interface StreamTarget {
  code: string;
  fiscalYear: number;
}

/**
 * The stream a request names, checked in an order that tells an outsider
 * nothing: path shape (404), the caller's scope (403), then existence (404).
 * The web pages resolve their forms' stream through the same checks.
 */
export function resolveStreamTarget(
  kind: StreamKind,
  reference: ReferenceCatalog,
  user: User,
  code: string,
  year: string,
  /** The user's scope may lie inside the stream's region: the command is scoped by its village. */
  byVillage = false,
): StreamTarget {
  if (!kind.codePattern.test(code)) throw new HttpProblem('PATH_PARAMETER', kind.codeParam, code);
  if (!FISCAL_YEAR_PATTERN.test(year)) throw new HttpProblem('PATH_PARAMETER', 'fiscalYear', year);
  if (!scopeCovers(user.scope, code) && !(byVillage && scopeCovers(code, user.scope)))
    throw outOfScope(user, kind.codeParam, code);
  const fiscalYear = Number.parseInt(year, 10);
  reference.requireYear(fiscalYear, regencyOf(code));
  if (!kind.exists(reference, fiscalYear, code))
    throw new HttpProblem('PATH_PARAMETER', `${kind.codeParam}/fiscalYear`, `${code}/${year}`);
  return { code, fiscalYear };
}

const outOfScope = (user: User, field: string, value: string) =>
  new HttpProblem('OUT_OF_SCOPE', field, value, {
    detail: { id: `cakupan Anda ${user.scope}`, en: `your scope is ${user.scope}` },
  });

function resolveTarget(
  kind: StreamKind,
  reference: ReferenceCatalog,
  req: Request,
  res: Response,
  byVillage = false,
): StreamTarget {
  const code = String(req.params[kind.codeParam]);
  return resolveStreamTarget(
    kind,
    reference,
    currentUser(res),
    code,
    String(req.params.fiscalYear),
    byVillage,
  );
}

/** A village-scoped command's village, once the body is read: the user's scope must cover it. */
function requireVillageInScope(user: User, body: unknown): void {
  const villageCode = (body as { villageCode?: unknown } | undefined)?.villageCode;
  // A missing or malformed code is the schema's refusal, not the scope's.
  if (typeof villageCode === 'string' && !scopeCovers(user.scope, villageCode))
    throw outOfScope(user, 'villageCode', villageCode);
}

/** Refuses a command the user's role may not issue (the one role × command table). */
export function requireMayIssue(user: User, type: string): void {
  if (!mayIssue(user.role, type))
    throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', user.role, {
      detail: { id: `perintah ${type}`, en: `command ${type}` },
    });
}

function stateEndpoint(kind: StreamKind, ledger: Ledger, reference: ReferenceCatalog): Endpoint {
  return {
    method: 'get',
    path: kind.basePath,
    tag: kind.tag,
    summary: `Keadaan aliran ${kind.tag} tahun anggaran / the ${kind.tag} fiscal-year stream's state`,
    access: 'authenticated',
    response: streamStateSchema,
    status: 200,
    concurrency: 'read',
    async handler(req, res) {
      const { code, fiscalYear } = resolveTarget(kind, reference, req, res);
      const loaded = await kind.load(ledger, code, fiscalYear);
      const streamId = kind.streamId(code, fiscalYear);
      markStream(res, streamId, loaded.revision);
      if (notModified(req, String(res.getHeader('ETag')))) {
        res.status(304).end();
        return;
      }
      res.json(
        toJsonValue({ streamId, revision: loaded.revision ?? -1n, state: loaded.state.domain }),
      );
    },
  };
}

function commandEndpoint(
  kind: StreamKind,
  type: string,
  ledger: Ledger,
  reference: ReferenceCatalog,
): Endpoint {
  const byVillage = kind.villageScoped(type);
  return {
    method: 'post',
    path: `${kind.basePath}/commands/${type}`,
    tag: kind.tag,
    summary: `Perintah / command ${type}`,
    access: rolesFor(type),
    body: kind.schemas[type],
    response: commandResultSchema,
    status: 201,
    concurrency: 'write',
    guard(req, res, next) {
      const user = currentUser(res);
      targets.set(res, resolveTarget(kind, reference, req, res, byVillage));
      requireMayIssue(user, type);
      next();
    },
    async handler(req, res) {
      const { code, fiscalYear } = targets.get(res)!;
      const user = currentUser(res);
      if (byVillage) requireVillageInScope(user, req.body);
      const commandId = commandIdFor(req, user);
      const raw = { commandId, type, payload: req.body, actor: actorOf(user) };
      const outcome = await kind.execute(ledger, code, fiscalYear, raw, {
        expectedRevision: expectedRevisionOf(req),
      });
      sendCommandResult(res, commandId, outcome);
    },
  };
}

/** A state read and one endpoint per command type of the stream, derived from its schema table. */
export function streamEndpoints(
  kind: StreamKind,
  ledger: Ledger,
  reference: ReferenceCatalog,
): Endpoint[] {
  return [
    stateEndpoint(kind, ledger, reference),
    ...Object.keys(kind.schemas).map((type) => commandEndpoint(kind, type, ledger, reference)),
  ];
}
