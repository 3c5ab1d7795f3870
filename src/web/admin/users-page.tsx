import type { Role } from '../../access/roles';
import type { publicUser } from '../../access/state';
import { Layout } from '../layout';
import { ROLE_NAMES } from '../role-names';
import type { PageSession } from '../session/web-session';
import {
  DONE_NOTICES,
  NEW_USER_PATH,
  REGION_FILTER,
  ROLE_FILTER,
  maySetTwoFactorPolicy,
  TWO_FACTOR_POLICY_PATH,
  USERS_PATH,
  userPath,
  type DoneNotice,
} from './admin-paths';
import type { ScopeChoices } from './scope-choices';
import { ROLE_CHOICES } from './user-inputs';
import { ColumnHeads } from '../column-heads';

export type ListedUser = ReturnType<typeof publicUser>;

const HEADERS = {
  username: 'Nama pengguna',
  name: 'Nama',
  role: 'Peran',
  scope: 'Wilayah',
  status: 'Status',
} as const;

export function ScopeText({ scope, scopes }: { scope: string; scopes: ScopeChoices }) {
  const name = scopes.nameOf(scope);
  return (
    <>
      {name ?? scope} {name && <small>{scope}</small>}
    </>
  );
}

export function DoneNoticeText({ done }: { done: DoneNotice | undefined }) {
  return done ? (
    <p class="notice" role="status">
      {DONE_NOTICES[done]}
    </p>
  ) : null;
}

function Filter({
  role,
  region,
  scopes,
}: {
  role: Role | undefined;
  region: string | undefined;
  scopes: ScopeChoices;
}) {
  return (
    <form method="get" action={USERS_PATH} class="report-form">
      <label>
        Peran
        <select name={ROLE_FILTER}>
          <option value="">Semua peran</option>
          {ROLE_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value} selected={choice.value === role}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Wilayah
        <select name={REGION_FILTER}>
          <option value="">Seluruh cakupan Anda</option>
          {scopes.choices.map((choice) => (
            <option key={choice.value} value={choice.value} selected={choice.value === region}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">Saring</button>
    </form>
  );
}

/** The users of the administrator's scope (no password hash ever reaches this page). */
export function UsersPage({
  signedIn,
  users,
  scopes,
  role,
  region,
  mayChange,
  done,
}: {
  signedIn: PageSession;
  users: readonly ListedUser[];
  scopes: ScopeChoices;
  role: Role | undefined;
  region: string | undefined;
  /** Whether the reader may change users (an administrator) or only read them (an auditor). */
  mayChange: boolean;
  done: DoneNotice | undefined;
}) {
  const { user, session } = signedIn;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Pengguna</h1>
      <DoneNoticeText done={done} />
      {mayChange && (
        <p>
          <a href={NEW_USER_PATH}>Daftarkan pengguna baru</a>
        </p>
      )}
      {maySetTwoFactorPolicy(user.role) && (
        <p>
          <a href={TWO_FACTOR_POLICY_PATH}>Kebijakan verifikasi dua langkah</a>
        </p>
      )}
      <Filter role={role} region={region} scopes={scopes} />
      {users.length === 0 ? (
        <p>Tidak ada pengguna yang cocok.</p>
      ) : (
        <table class="cards users">
          <ColumnHeads labels={HEADERS} />
          <tbody>
            {users.map((listed) => (
              <tr key={listed.userId} data-username={listed.username}>
                <td data-label={HEADERS.username}>
                  {mayChange ? (
                    <a href={userPath(listed.userId)}>{listed.username}</a>
                  ) : (
                    listed.username
                  )}
                </td>
                <td data-label={HEADERS.name}>{listed.displayName}</td>
                <td data-label={HEADERS.role}>{ROLE_NAMES[listed.role]}</td>
                <td data-label={HEADERS.scope}>
                  <ScopeText scope={listed.scope} scopes={scopes} />
                </td>
                <td data-label={HEADERS.status}>{listed.active ? 'Aktif' : 'Nonaktif'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
