import type { ComponentChildren } from 'preact';
import type { Role } from '../access/roles';
import { EVALUATION_ROLES, EVALUATIONS_PATH } from './district/district-paths';
import { mayAdministerUsers, USERS_PATH } from './admin/admin-paths';
import { REGIONS_PATH } from './admin/regions-paths';
import { FORMS_PATH, HOME_PATH, LOGOUT_PATH, REPORTS_PATH, TWO_FACTOR_PATH } from './paths';
import {
  ALLOCATIONS_PATH,
  MONITORING_PATH,
  MONITORING_ROLES,
  REGENCY_MONEY_ROLES,
} from './regency/regency-paths';
import { PROJECT_MAP_MENU_ROLES, PROJECT_MAP_PATH } from './projects/project-paths';
import { ROLE_NAMES } from './role-names';
import { SYNC_STATUS_PATH, SYNC_STATUS_ROLES } from './sync/sync-paths';

export interface SignedInUser {
  displayName: string;
  role: Role;
}

/** The hidden field every form posts back: the session's CSRF token. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** Header (who is signed in, and the logout form) over the page's main content. */
export function Layout({
  user,
  csrfToken,
  children,
}: {
  user?: SignedInUser;
  csrfToken?: string;
  children: ComponentChildren;
}) {
  return (
    <>
      <header class="top">
        <a class="brand" href="/">
          Kasdesa
        </a>
        {user && csrfToken && (
          <nav aria-label="Menu utama">
            <a href={HOME_PATH}>Beranda</a>
            <a href={FORMS_PATH}>Formulir</a>
            <a href={REPORTS_PATH}>{'Buku & laporan'}</a>
            {MONITORING_ROLES.includes(user.role) && <a href={MONITORING_PATH}>Pemantauan</a>}
            {REGENCY_MONEY_ROLES.includes(user.role) && <a href={ALLOCATIONS_PATH}>Dana desa</a>}
            {EVALUATION_ROLES.includes(user.role) && <a href={EVALUATIONS_PATH}>Evaluasi APBDes</a>}
            {mayAdministerUsers(user.role) && <a href={USERS_PATH}>Pengguna</a>}
            {mayAdministerUsers(user.role) && <a href={REGIONS_PATH}>Wilayah</a>}
            {SYNC_STATUS_ROLES.includes(user.role) && <a href={SYNC_STATUS_PATH}>Sinkronisasi</a>}
            {PROJECT_MAP_MENU_ROLES.includes(user.role) && (
              <a href={PROJECT_MAP_PATH}>Peta proyek</a>
            )}
          </nav>
        )}
        {user && csrfToken && (
          <div class="who">
            <span>
              {user.displayName} · {ROLE_NAMES[user.role]}
            </span>
            <a href={TWO_FACTOR_PATH}>Keamanan akun (verifikasi dua langkah)</a>
            <form method="post" action={LOGOUT_PATH}>
              <CsrfField token={csrfToken} />
              <button type="submit">Keluar</button>
            </form>
          </div>
        )}
      </header>
      <main>{children}</main>
    </>
  );
}
