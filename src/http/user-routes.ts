import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AccessService } from '../access/access-service';
import { mayIssue, rolesFor, USER_READERS } from '../access/command-permissions';
import { displayNameSchema, usernameSchema, type AccessCommand } from '../access/commands';
import { roleSchema, scopeCovers, scopeSchema, type Role } from '../access/roles';
import { publicUser } from '../access/state';
import type { CommandOutcome } from '../app/stream-handler';
import type { Actor, DomainEvent } from '../domain/shared/envelope';
import { sendCommandResult } from './command-result';
import { commandIdFor, expectedRevisionOf } from './concurrency';
import { parseBody, type Endpoint } from './endpoint';
import { HttpProblem } from './problem';
import { actorOf, currentUser, markStream } from './request-context';
import { commandResultSchema } from './response-schemas';

const passwordSchema = z.string().min(10).max(200);

const newUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  scope: scopeSchema,
  password: passwordSchema,
});
const roleChangeSchema = z.strictObject({ role: roleSchema, scope: scopeSchema });
const passwordChangeSchema = z.strictObject({ password: passwordSchema });
const deactivationSchema = z.strictObject({ reason: z.string().min(1).max(500) });

const usersSchema = z.object({
  streamId: z.string(),
  revision: z.string(),
  users: z.array(z.record(z.string(), z.unknown())),
});

/** Events of the access stream as the API shows them: never a password hash. */
function withoutPasswordHash(event: DomainEvent): DomainEvent {
  const { passwordHash: _hash, ...data } = event.data as Record<string, unknown>;
  return { ...event, data };
}

function requireRole(res: Response, allowed: (role: Role) => boolean, what: string): void {
  const user = currentUser(res);
  if (!allowed(user.role))
    throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', user.role, {
      detail: { id: what, en: what },
    });
}

/** A scope given in a body must lie inside the acting user's own scope. */
function requireScope(res: Response, scope: string): void {
  const user = currentUser(res);
  if (!scopeCovers(user.scope, scope)) throw new HttpProblem('OUT_OF_SCOPE', 'scope', scope);
}

interface UserCommandSpec<B> {
  type: AccessCommand['type'];
  path: string;
  summary: string;
  body: z.ZodType<B>;
  run(
    access: AccessService,
    actor: Actor,
    commandId: string,
    body: B,
    req: Request,
  ): Promise<CommandOutcome<DomainEvent>>;
  scopeOf?: (body: B) => string;
}

function userCommandEndpoint<B>(access: AccessService, spec: UserCommandSpec<B>): Endpoint {
  return {
    method: 'post',
    path: spec.path,
    tag: 'users',
    summary: spec.summary,
    access: rolesFor(spec.type),
    body: spec.body,
    response: commandResultSchema,
    status: 201,
    concurrency: 'write',
    guard(_req, res, next) {
      requireRole(res, (role) => mayIssue(role, spec.type), spec.type);
      next();
    },
    async handler(req, res) {
      const body = parseBody(spec.type, spec.body, req.body);
      if (spec.scopeOf) requireScope(res, spec.scopeOf(body));
      const user = currentUser(res);
      const commandId = commandIdFor(req, user);
      const outcome = await spec.run(access, actorOf(user), commandId, body, req);
      sendCommandResult(res, commandId, outcome, withoutPasswordHash);
    },
  };
}

const userIdOf = (req: Request) => String(req.params.userId);

/** Users, their roles and scopes: administrators change them, auditors may read them. */
export function userEndpoints(access: AccessService): Endpoint[] {
  const options = (req: Request) => ({ expectedRevision: expectedRevisionOf(req) });
  return [
    {
      method: 'get',
      path: '/users',
      tag: 'users',
      summary: 'Pengguna dalam cakupan Anda / users within your scope',
      access: USER_READERS,
      response: usersSchema,
      status: 200,
      concurrency: 'read',
      async handler(_req, res) {
        requireRole(res, (role) => USER_READERS.includes(role), 'users');
        const { state, revision } = await access.load();
        const scope = currentUser(res).scope;
        markStream(res, access.streamId, revision);
        const users = [...state.users.values()]
          .filter((user) => scopeCovers(scope, user.scope))
          .map(publicUser);
        res.json({ streamId: access.streamId, revision: String(revision ?? -1n), users });
      },
    },
    userCommandEndpoint(access, {
      type: 'RegisterUser',
      path: '/users',
      summary: 'Daftarkan pengguna / register a user',
      body: newUserSchema,
      scopeOf: (body) => body.scope,
      run: (service, actor, commandId, body, req) =>
        service.registerUser(actor, commandId, body, options(req)),
    }),
    userCommandEndpoint(access, {
      type: 'AssignUserRole',
      path: '/users/:userId/role',
      summary: 'Ubah peran dan cakupan / change role and scope',
      body: roleChangeSchema,
      scopeOf: (body) => body.scope,
      run: (service, actor, commandId, body, req) =>
        service.execute(
          actor,
          commandId,
          'AssignUserRole',
          { userId: userIdOf(req), ...body },
          options(req),
        ),
    }),
    userCommandEndpoint(access, {
      type: 'ChangeUserPassword',
      path: '/users/:userId/password',
      summary: 'Atur ulang kata sandi / reset the password',
      body: passwordChangeSchema,
      run: (service, actor, commandId, body, req) =>
        service.changePassword(actor, commandId, userIdOf(req), body.password, options(req)),
    }),
    userCommandEndpoint(access, {
      type: 'DeactivateUser',
      path: '/users/:userId/deactivation',
      summary: 'Nonaktifkan pengguna / deactivate a user',
      body: deactivationSchema,
      run: (service, actor, commandId, body, req) =>
        service.execute(
          actor,
          commandId,
          'DeactivateUser',
          { userId: userIdOf(req), ...body },
          options(req),
        ),
    }),
  ];
}
