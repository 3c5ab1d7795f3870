import { createHash } from 'node:crypto';
import { SYSTEM_ACTOR, type AccessService } from '../access/access-service';
import { DEMO_ADMIN_USERNAME } from '../access/bootstrap';
import { rolesFor } from '../access/command-permissions';
import { hashPassword } from '../access/passwords';
import { ROLE_SCOPE_LEVELS, type Role } from '../access/roles';
import { regencyOf, regionAt } from '../domain/shared/region-codes';
import type { Actor } from '../domain/shared/envelope';

/** Every demo login has this password (printed at start and in the README). */
export const DEMO_PASSWORD = 'demo-kasdesa-2025';

/** Username prefixes, Indonesian as the offices call themselves. */
const VILLAGE_ROLES: Record<string, Role> = {
  bendahara: 'treasurer',
  pka: 'activityExecutor',
  sekdes: 'secretary',
  kades: 'villageHead',
};

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  scope: string;
}

/** `35.99.01.2003` → `01.2003`: short and still unique within the regency. */
const localPart = (code: string) => code.slice(regencyOf(code).length + 1);

/** The demo's users: the regency offices, a camat per district, four officials per village. */
export function demoUsers(
  regency: string,
  districts: readonly string[],
  villages: readonly { code: string; name: string }[],
): DemoUser[] {
  return [
    {
      username: DEMO_ADMIN_USERNAME,
      displayName: 'Administrator Demo',
      role: 'administrator',
      scope: regency,
    },
    {
      username: 'keuangan',
      displayName: 'Staf Keuangan DPMD',
      role: 'regencyFinance',
      scope: regency,
    },
    { username: 'auditor', displayName: 'Auditor Inspektorat', role: 'auditor', scope: regency },
    ...districts.map((code) => ({
      username: `camat.${localPart(code)}`,
      displayName: `Camat ${localPart(code)}`,
      role: 'districtHead' as const,
      scope: code,
    })),
    ...villages.flatMap((village) =>
      Object.entries(VILLAGE_ROLES).map(([prefix, role]) => ({
        username: `${prefix}.${localPart(village.code)}`,
        displayName: `${prefix[0]!.toUpperCase()}${prefix.slice(1)} ${village.name}`,
        role,
        scope: village.code,
      })),
    ),
  ];
}

const userIdOf = (username: string) => `u-demo-${username}`;

const REGENCY_USERNAMES: Partial<Record<Role, string>> = {
  administrator: DEMO_ADMIN_USERNAME,
  regencyFinance: 'keuangan',
  auditor: 'auditor',
};

/** The demo login of a role for a village's command: the village's official, its camat, or the regency office. */
export function demoUsername(role: Role, villageCode: string): string {
  const prefix = Object.keys(VILLAGE_ROLES).find((key) => VILLAGE_ROLES[key] === role);
  if (prefix) return `${prefix}.${localPart(villageCode)}`;
  if (role === 'districtHead') return `camat.${localPart(regionAt(villageCode, 'district'))}`;
  return REGENCY_USERNAMES[role]!;
}

/**
 * Registers the users through the access stream's command handler, with one
 * password hash for all (a fixed salt: hashing hundreds of demo logins would
 * take minutes). Command ids are fixed, so a second run changes nothing.
 */
export async function registerDemoUsers(access: AccessService, users: readonly DemoUser[]) {
  const salt = createHash('sha256').update('kasdesa-demo-salt').digest().subarray(0, 16);
  const passwordHash = await hashPassword(DEMO_PASSWORD, salt);
  for (const { username, displayName, role, scope } of users) {
    await access.execute(SYSTEM_ACTOR, `demo:user:${username}`, 'RegisterUser', {
      userId: userIdOf(username),
      username,
      displayName,
      role,
      scope,
      passwordHash,
    });
  }
}

export type ActorFor = (commandType: string, villageCode: string) => Actor;

/**
 * Who issues a command on a village: the demo user holding the first role the
 * permission table allows for it, scoped where that role works.
 */
export function demoActors(users: readonly DemoUser[]): ActorFor {
  const byRoleAndScope = new Map(users.map((user) => [`${user.role}|${user.scope}`, user]));
  return (commandType, villageCode) => {
    const role = rolesFor(commandType)[0];
    const level = role && ROLE_SCOPE_LEVELS[role][0];
    const user = level && byRoleAndScope.get(`${role}|${regionAt(villageCode, level)}`);
    if (!user) throw new Error(`no demo user may issue ${commandType} on ${villageCode}`);
    return { id: userIdOf(user.username), role: user.role, displayName: user.displayName };
  };
}
