import { ROLE_SCOPE_LEVELS, ROLES, type ScopeLevel } from '../../access/roles';
import { passwordSchema } from '../../http/user-routes';
import { ROLE_NAMES } from '../role-names';
import type { AdminInput } from './admin-fields';
import type { ScopeChoices } from './scope-choices';

const LEVEL_NAMES: Record<ScopeLevel, string> = {
  regency: 'kabupaten',
  district: 'kecamatan',
  village: 'desa',
};

export const ROLE_CHOICES = ROLES.map((role) => ({ value: role, label: ROLE_NAMES[role] }));

/** Which region level each role is given, as the access stream's rule (ROLE_SCOPE_LEVELS) has it. */
const SCOPE_HINT = `Tingkat wilayah menurut peran: ${ROLES.map(
  (role) => `${ROLE_NAMES[role]}: ${ROLE_SCOPE_LEVELS[role].map((l) => LEVEL_NAMES[l]).join('/')}`,
).join('; ')}.`;

const PASSWORD_HINT = `Paling sedikit ${passwordSchema.minLength ?? 1} karakter; sampaikan kepada pengguna secara langsung.`;

/** The role and scope inputs: a registration's and a role change's. */
export function roleInputs(scopes: ScopeChoices): AdminInput[] {
  return [
    { name: 'role', label: 'Peran', kind: 'choice', choices: ROLE_CHOICES },
    {
      name: 'scope',
      label: 'Wilayah (cakupan)',
      kind: 'choice',
      choices: scopes.choices,
      hint: SCOPE_HINT,
    },
  ];
}

export function registrationInputs(scopes: ScopeChoices): AdminInput[] {
  return [
    {
      name: 'username',
      label: 'Nama pengguna',
      kind: 'text',
      hint: '3–40 huruf kecil, angka, ".", "_" atau "-", diawali huruf atau angka.',
    },
    { name: 'displayName', label: 'Nama lengkap', kind: 'text' },
    ...roleInputs(scopes),
    { name: 'password', label: 'Kata sandi awal', kind: 'password', hint: PASSWORD_HINT },
  ];
}

export const PASSWORD_INPUTS: AdminInput[] = [
  { name: 'password', label: 'Kata sandi baru', kind: 'password', hint: PASSWORD_HINT },
];

export const DEACTIVATION_INPUTS: AdminInput[] = [
  { name: 'reason', label: 'Alasan', kind: 'text', hint: 'Mis. pindah tugas, berhenti.' },
];

/** Its own id: the deactivation's `reason` shares the user's page. */
export const TWO_FACTOR_REMOVAL_INPUTS: AdminInput[] = [
  {
    name: 'reason',
    id: 'twoFactorReason',
    label: 'Alasan',
    kind: 'text',
    hint: 'Mis. ponsel hilang atau diganti. Pengguna lalu masuk dengan kata sandi saja; bila perannya wajib verifikasi dua langkah, ia diminta mendaftar lagi.',
  },
];
