import { z } from 'zod';
import type { AccessService } from '../access/access-service';
import { mayIssue, rolesFor, USER_READERS } from '../access/command-permissions';
import { displayNameSchema, usernameSchema, type AccessCommand } from '../access/commands';
import { roleSchema, scopeCovers, scopeSchema, type Role } from '../access/roles';
import { publicUser, withoutSecrets, type User } from '../access/state';
import type { CommandOutcome, HandleOptions } from '../app/stream-handler';
import type { Actor, DomainEvent } from '../domain/shared/envelope';
import type { ExpectedRevision } from '../eventstore/port';
import { sendCommandResult } from './command-result';
import { commandIdFor, expectedRevisionOf } from './concurrency';
import { parseBody, type Endpoint } from './endpoint';
import { HttpProblem } from './problem';
import { actorOf, currentUser, markStream } from './request-context';
import { commandResultSchema } from './response-schemas';

/** A password as an administrator sets it (the user pages' hint names its least length). */
export const passwordSchema = z.string().min(10).max(200);

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

/** Events of the access stream as the API shows them: never a password hash or a two-factor secret. */
const shownEvent = (event: DomainEvent): DomainEvent => ({
  ...event,
  data: withoutSecrets(event.data),
});

function requireRole(user: User, allowed: (role: Role) => boolean, what: string): void {
  if (!allowed(user.role))
    throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', user.role, {
      detail: { id: what, en: what },
    });
}

/** A scope given in a body must lie inside the acting user's own scope. */
function requireScope(user: User, scope: string): void {
  if (!scopeCovers(user.scope, scope)) throw new HttpProblem('OUT_OF_SCOPE', 'scope', scope);
}

/** The access stream's users within the reader's scope, without password hashes. */
export async function usersInScope(access: AccessService, reader: User) {
  requireRole(reader, (role) => USER_READERS.includes(role), 'users');
  const { state, revision } = await access.load();
  const users = [...state.users.values()]
    .filter((user) => scopeCovers(reader.scope, user.scope))
    .map(publicUser);
  return { revision, users };
}

/** The commands on users themselves; two-factor sign-in has its own routes. */
export type UserCommandType = Extract<
  AccessCommand['type'],
  'RegisterUser' | 'AssignUserRole' | 'ChangeUserPassword' | 'DeactivateUser'
>;

/** One user command as the API and the administrator's pages send it. */
export interface UserCommandCall {
  commandId: string;
  /** The user it changes; none for a registration. */
  userId?: string;
  body: unknown;
  expectedRevision?: ExpectedRevision;
}

interface UserCommandSpec<B> {
  type: UserCommandType;
  path: string;
  summary: string;
  body: z.ZodType<B>;
  run(
    access: AccessService,
    actor: Actor,
    commandId: string,
    body: B,
    userId: string,
    options: HandleOptions,
  ): Promise<CommandOutcome<DomainEvent>>;
  scopeOf?: (body: B) => string;
}

interface UserCommand {
  type: UserCommandType;
  path: string;
  summary: string;
  body: z.ZodType;
  run(
    access: AccessService,
    user: User,
    call: UserCommandCall,
  ): Promise<CommandOutcome<DomainEvent>>;
}

/** Refuses (403) a user whose role may not issue the user command, before its body is read. */
export function requireUserCommandRole(user: User, type: UserCommandType): void {
  requireRole(user, (role) => mayIssue(role, type), type);
}

/** The API's checks in order (role, body schema, scope named), then the access stream's own rules. */
function userCommand<B>(spec: UserCommandSpec<B>): UserCommand {
  return {
    ...spec,
    async run(access, user, call) {
      requireUserCommandRole(user, spec.type);
      const body = parseBody(spec.type, spec.body, call.body);
      if (spec.scopeOf) requireScope(user, spec.scopeOf(body));
      const options = { expectedRevision: call.expectedRevision };
      return spec.run(access, actorOf(user), call.commandId, body, call.userId ?? '', options);
    },
  };
}

const USER_COMMANDS: Record<UserCommandType, UserCommand> = {
  RegisterUser: userCommand({
    type: 'RegisterUser',
    path: '/users',
    summary: 'Daftarkan pengguna / register a user',
    body: newUserSchema,
    scopeOf: (body) => body.scope,
    run: (service, actor, commandId, body, _userId, options) =>
      service.registerUser(actor, commandId, body, options),
  }),
  AssignUserRole: userCommand({
    type: 'AssignUserRole',
    path: '/users/:userId/role',
    summary: 'Ubah peran dan cakupan / change role and scope',
    body: roleChangeSchema,
    scopeOf: (body) => body.scope,
    run: (service, actor, commandId, body, userId, options) =>
      service.execute(actor, commandId, 'AssignUserRole', { userId, ...body }, options),
  }),
  ChangeUserPassword: userCommand({
    type: 'ChangeUserPassword',
    path: '/users/:userId/password',
    summary: 'Atur ulang kata sandi / reset the password',
    body: passwordChangeSchema,
    run: (service, actor, commandId, body, userId, options) =>
      service.changePassword(actor, commandId, userId, body.password, options),
  }),
  DeactivateUser: userCommand({
    type: 'DeactivateUser',
    path: '/users/:userId/deactivation',
    summary: 'Nonaktifkan pengguna / deactivate a user',
    body: deactivationSchema,
    run: (service, actor, commandId, body, userId, options) =>
      service.execute(actor, commandId, 'DeactivateUser', { userId, ...body }, options),
  }),
};

/** Runs a user command for `user` with exactly the checks the API makes. */
export function runUserCommand(
  access: AccessService,
  user: User,
  type: UserCommandType,
  call: UserCommandCall,
): Promise<CommandOutcome<DomainEvent>> {
  return USER_COMMANDS[type].run(access, user, call);
}

function userCommandEndpoint(access: AccessService, command: UserCommand): Endpoint {
  return {
    method: 'post',
    path: command.path,
    tag: 'users',
    summary: command.summary,
    access: rolesFor(command.type),
    body: command.body,
    response: commandResultSchema,
    status: 201,
    concurrency: 'write',
    guard(_req, res, next) {
      requireUserCommandRole(currentUser(res), command.type);
      next();
    },
    async handler(req, res) {
      const user = currentUser(res);
      const commandId = commandIdFor(req, user);
      const outcome = await command.run(access, user, {
        commandId,
        userId: req.params.userId === undefined ? undefined : String(req.params.userId),
        body: req.body,
        expectedRevision: expectedRevisionOf(req),
      });
      sendCommandResult(res, commandId, outcome, shownEvent);
    },
  };
}

/** Users, their roles and scopes: administrators change them, auditors may read them. */
export function userEndpoints(access: AccessService): Endpoint[] {
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
        const { revision, users } = await usersInScope(access, currentUser(res));
        markStream(res, access.streamId, revision);
        res.json({ streamId: access.streamId, revision: String(revision ?? -1n), users });
      },
    },
    ...Object.values(USER_COMMANDS).map((command) => userCommandEndpoint(access, command)),
  ];
}
