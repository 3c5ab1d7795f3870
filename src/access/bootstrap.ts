import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR, type AccessService } from './access-service';
import { generatePassword } from './passwords';

export const DEMO_ADMIN_USERNAME = 'admin';

/**
 * First start: with no active administrator, creates one so somebody can log
 * in and add the others. Returns the generated login, or undefined when an
 * administrator already exists.
 */
export async function ensureAdministrator(
  access: AccessService,
): Promise<{ username: string; password: string } | undefined> {
  if (await access.hasAdministrator()) return undefined;
  const { state } = await access.load();
  // A deactivated "admin" keeps its name (names are never reused): take the next free one.
  let username = DEMO_ADMIN_USERNAME;
  for (let suffix = 2; state.usernames.has(username); suffix += 1)
    username = `${DEMO_ADMIN_USERNAME}${suffix}`;
  const password = generatePassword();
  await access.registerUser(SYSTEM_ACTOR, `bootstrap:${randomUUID()}`, {
    username,
    displayName: 'Administrator',
    role: 'administrator',
    scope: access.regencyCode,
    password,
  });
  return { username, password };
}
