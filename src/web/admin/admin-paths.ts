import { mayIssue } from '../../access/command-permissions';
import type { Role } from '../../access/roles';

/** The users of the administrator's scope, filtered by `peran` and `wilayah`. */
export const USERS_PATH = '/admin/pengguna';
export const NEW_USER_PATH = `${USERS_PATH}/baru`;
export const ROLE_FILTER = 'peran';
export const REGION_FILTER = 'wilayah';
/** After a change, which one (a key of DONE_NOTICES) the page confirms. */
export const DONE_FIELD = 'tercatat';

/** What changes a user, each a form posting to its own path under the user's page. */
export const USER_ACTIONS = {
  role: 'peran',
  password: 'sandi',
  deactivation: 'nonaktifkan',
  twoFactor: 'dua-langkah',
} as const;
export type UserAction = keyof typeof USER_ACTIONS;

export const DONE_NOTICES = {
  registered: 'Pengguna terdaftar.',
  role: 'Peran dan cakupan diubah.',
  password: 'Kata sandi diatur ulang.',
  deactivation: 'Pengguna dinonaktifkan.',
  twoFactor: 'Verifikasi dua langkah pengguna dihapus; ia masuk dengan kata sandi saja.',
  policy: 'Kebijakan verifikasi dua langkah disimpan.',
} as const;
export type DoneNotice = keyof typeof DONE_NOTICES;

export const userPath = (userId: string) => `${USERS_PATH}/${encodeURIComponent(userId)}`;
export const userActionPath = (userId: string, action: UserAction) =>
  `${userPath(userId)}/${USER_ACTIONS[action]}`;

/** Who the menu and the home offer the user pages: whoever may register users. */
export const mayAdministerUsers = (role: Role): boolean => mayIssue(role, 'RegisterUser');

/** The regency's two-factor policy: which roles must sign in with a code. */
export const TWO_FACTOR_POLICY_PATH = '/admin/dua-langkah';
export const maySetTwoFactorPolicy = (role: Role): boolean => mayIssue(role, 'SetTwoFactorPolicy');
