import { createHash } from 'node:crypto';
import { StreamHandler, type HandleOptions } from '../app/stream-handler';
import type { EventStore } from '../eventstore/port';
import { DomainError } from '../domain/shared/domain-error';
import type { Actor } from '../domain/shared/envelope';
import { parseCommand } from '../domain/shared/parse-command';
import { accessCommandSchemas, type AccessCommand } from './commands';
import { accessDecider, accessStreamId } from './decider';
import { accessEventSchemas } from './events';
import { hashPassword, UNMATCHABLE_HASH, verifyPassword } from './passwords';
import type { Role } from './roles';
import { hasActiveAdministrator, userByUsername, type User } from './state';

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  scope: string;
  password: string;
}

/** Who acts when Kasdesa itself or its operator's command line writes to the access stream. */
export const SYSTEM_ACTOR: Actor = {
  id: 'system',
  role: 'administrator',
  displayName: 'Kasdesa (sistem / system)',
};

/**
 * Derived from the command id, so a retried registration (same command id,
 * same password) yields the very same command and is answered, not repeated.
 */
function derived(commandId: string, purpose: string, length: number): string {
  return createHash('sha256').update(`${purpose}:${commandId}`).digest('hex').slice(0, length);
}

/** The access stream of one regency: users, their roles and scopes, and logins. */
export function createAccessService({
  store,
  regencyCode,
}: {
  store: EventStore;
  regencyCode: string;
}) {
  const handler = new StreamHandler(store, accessDecider, accessEventSchemas);
  const streamId = accessStreamId(regencyCode);

  const load = async () => {
    const loaded = await handler.load(streamId);
    return { state: loaded.state.domain, revision: loaded.revision };
  };

  async function execute(
    actor: Actor,
    commandId: string,
    type: AccessCommand['type'],
    payload: unknown,
    options?: HandleOptions,
  ) {
    const command = parseCommand(accessCommandSchemas, { commandId, type, payload, actor });
    if (command instanceof DomainError) throw command;
    return handler.handle(streamId, command as AccessCommand, () => ({ regencyCode }), options);
  }

  const passwordHashFor = (password: string, commandId: string) =>
    hashPassword(password, Buffer.from(derived(commandId, 'salt', 32), 'hex'));

  return {
    regencyCode,
    streamId,
    load,
    execute,

    async registerUser(actor: Actor, commandId: string, user: NewUser, options?: HandleOptions) {
      const { password, ...rest } = user;
      return execute(
        actor,
        commandId,
        'RegisterUser',
        {
          ...rest,
          userId: `u-${derived(commandId, 'user', 20)}`,
          passwordHash: await passwordHashFor(password, commandId),
        },
        options,
      );
    },

    async changePassword(
      actor: Actor,
      commandId: string,
      userId: string,
      password: string,
      options?: HandleOptions,
    ) {
      const passwordHash = await passwordHashFor(password, commandId);
      return execute(actor, commandId, 'ChangeUserPassword', { userId, passwordHash }, options);
    },

    /** The active user with this username and password; unknown names cost as much time as wrong passwords. */
    async authenticate(username: string, password: string): Promise<User | undefined> {
      const user = userByUsername((await load()).state, username.trim().toLowerCase());
      const matches = await verifyPassword(password, user?.passwordHash ?? UNMATCHABLE_HASH);
      return matches && user?.active ? user : undefined;
    },

    async hasAdministrator(): Promise<boolean> {
      return hasActiveAdministrator((await load()).state);
    },
  };
}

export type AccessService = ReturnType<typeof createAccessService>;
