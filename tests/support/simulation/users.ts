import type { AccessService } from '../../../src/access/access-service';
import { addUser, PASSWORD } from '../../http/support';
import { REGENCY, VILLAGE_ROLES, type VillageRole } from './scenario';

export { PASSWORD };

export interface VillageUser {
  username: string;
  userId: string;
}

export const userKey = (village: string, role: VillageRole) => `${village}/${role}`;

/** One user per village role in each village, scoped to it, and the regency's finance officer. */
export async function registerVillageUsers(
  access: AccessService,
  villages: readonly string[],
): Promise<Map<string, VillageUser>> {
  const users = new Map<string, VillageUser>();
  for (const village of villages) {
    for (const role of VILLAGE_ROLES) {
      const username = `${role.toLowerCase()}-${village.replaceAll('.', '')}`;
      users.set(userKey(village, role), {
        username,
        userId: await addUser(access, username, role, village),
      });
    }
  }
  await addUser(access, 'regency-finance', 'regencyFinance', REGENCY);
  return users;
}
