import type { Request, Response } from 'express';
import { z } from 'zod';
import type { AccessService } from '../access/access-service';
import { mayIssue, rolesFor } from '../access/command-permissions';
import type { AccessCommand } from '../access/commands';
import { ROLES } from '../access/roles';
import { withoutSecrets, type User } from '../access/state';
import { enrollTwoFactor, type TwoFactorCodes } from '../access/two-factor-codes';
import { generateSecret, otpauthUri } from '../access/totp';
import type { CommandOutcome } from '../app/stream-handler';
import type { DomainEvent } from '../domain/shared/envelope';
import { sendCommandResult } from './command-result';
import { commandIdFor, expectedRevisionOf } from './concurrency';
import { parseBody, type Endpoint } from './endpoint';
import { HttpProblem } from './problem';
import { actorOf, currentUser } from './request-context';
import { commandResultSchema } from './response-schemas';
import type { UserCommandCall } from './user-routes';

const startSchema = z.object({ secret: z.string(), uri: z.string() });
const confirmSchema = z.strictObject({
  secret: z.string().min(1).max(200),
  code: z.string().min(1).max(20),
});
const removalSchema = z.strictObject({ reason: z.string().min(1).max(500) });
const policySchema = z.strictObject({ roles: z.array(z.enum(ROLES)).max(ROLES.length) });

/** Access events as the API shows them: never a password hash or a TOTP secret. */
const redacted = (event: DomainEvent): DomainEvent => ({
  ...event,
  data: withoutSecrets(event.data),
});

/** Refuses (403) a user whose role may not issue the command, before its body is read. */
export function requireIssuer(user: User, type: AccessCommand['type']): void {
  if (!mayIssue(user.role, type))
    throw new HttpProblem('ROLE_NOT_PERMITTED', 'role', user.role, {
      detail: { id: type, en: type },
    });
}

/** Removes `call.userId`'s two-factor enrollment with exactly the checks the API makes. */
export function removeTwoFactor(
  access: AccessService,
  user: User,
  call: UserCommandCall & { userId: string },
): Promise<CommandOutcome<DomainEvent>> {
  requireIssuer(user, 'RemoveTwoFactor');
  const body = parseBody('RemoveTwoFactor', removalSchema, call.body);
  return access.execute(
    actorOf(user),
    call.commandId,
    'RemoveTwoFactor',
    { userId: call.userId, ...body },
    { expectedRevision: call.expectedRevision },
  );
}

/** Sets the roles that must use two-factor sign-in, with exactly the checks the API makes. */
export function setTwoFactorPolicy(
  access: AccessService,
  user: User,
  call: UserCommandCall,
): Promise<CommandOutcome<DomainEvent>> {
  requireIssuer(user, 'SetTwoFactorPolicy');
  const body = parseBody('SetTwoFactorPolicy', policySchema, call.body);
  return access.execute(actorOf(user), call.commandId, 'SetTwoFactorPolicy', body, {
    expectedRevision: call.expectedRevision,
  });
}

function sendOutcome(res: Response, commandId: string, outcome: CommandOutcome<DomainEvent>) {
  sendCommandResult(res, commandId, outcome, redacted);
}

/** An administrator's two-factor command as an endpoint: the same checks as the pages, before and in the handler. */
function administratorEndpoint(
  type: 'RemoveTwoFactor' | 'SetTwoFactorPolicy',
  path: string,
  summary: string,
  body: z.ZodType,
  run: (user: User, call: UserCommandCall, req: Request) => Promise<CommandOutcome<DomainEvent>>,
): Endpoint {
  return {
    method: 'post',
    path,
    tag: 'users',
    summary,
    access: rolesFor(type),
    body,
    response: commandResultSchema,
    status: 201,
    concurrency: 'write',
    guard(_req, res, next) {
      requireIssuer(currentUser(res), type);
      next();
    },
    async handler(req, res) {
      const user = currentUser(res);
      const commandId = commandIdFor(req, user);
      const call = { commandId, body: req.body, expectedRevision: expectedRevisionOf(req) };
      sendOutcome(res, commandId, await run(user, call, req));
    },
  };
}

export interface TwoFactorDependencies {
  access: AccessService;
  twoFactor: TwoFactorCodes;
}

/**
 * Two-factor sign-in: a user enrolls themselves (a new secret, then a code
 * from it to confirm); an administrator removes a user's enrollment (a lost
 * phone) and sets which roles must use it.
 */
export function twoFactorEndpoints(dependencies: TwoFactorDependencies): Endpoint[] {
  const { access } = dependencies;
  const options = (req: Request) => ({ expectedRevision: expectedRevisionOf(req) });
  return [
    {
      method: 'post',
      path: '/auth/two-factor/start',
      tag: 'auth',
      summary:
        'Rahasia baru untuk aplikasi autentikator (belum disimpan) / a new secret for an authenticator app (not stored yet)',
      access: 'authenticated',
      duringEnrollment: true,
      response: startSchema,
      status: 200,
      handler(_req, res) {
        const secret = generateSecret();
        res.json({ secret, uri: otpauthUri(secret, currentUser(res).username) });
      },
    },
    {
      method: 'post',
      path: '/auth/two-factor/confirm',
      tag: 'auth',
      summary:
        'Aktifkan verifikasi dua langkah dengan kode dari rahasia itu / enroll with a code from that secret',
      access: 'authenticated',
      duringEnrollment: true,
      body: confirmSchema,
      response: commandResultSchema,
      status: 201,
      concurrency: 'write',
      async handler(req, res) {
        const { secret, code } = parseBody('EnrollTwoFactor', confirmSchema, req.body);
        const user = currentUser(res);
        const commandId = commandIdFor(req, user);
        const outcome = await enrollTwoFactor(
          dependencies,
          user,
          commandId,
          secret,
          code,
          options(req),
        );
        sendOutcome(res, commandId, outcome);
      },
    },
    administratorEndpoint(
      'RemoveTwoFactor',
      '/users/:userId/two-factor/removal',
      'Hapus verifikasi dua langkah pengguna (mis. ponsel hilang) / remove a user’s two-factor sign-in (e.g. a lost phone)',
      removalSchema,
      (user, call, req) =>
        removeTwoFactor(access, user, { ...call, userId: String(req.params.userId) }),
    ),
    administratorEndpoint(
      'SetTwoFactorPolicy',
      '/two-factor/policy',
      'Peran yang wajib verifikasi dua langkah / the roles that must use two-factor sign-in',
      policySchema,
      (user, call) => setTwoFactorPolicy(access, user, call),
    ),
  ];
}
