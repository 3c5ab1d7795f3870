import { Layout } from '../layout';
import { ROLE_NAMES } from '../role-names';
import type { PageSession } from '../session/web-session';
import { AdminForm, type AdminFormState } from './admin-fields';
import {
  NEW_USER_PATH,
  USERS_PATH,
  userActionPath,
  type DoneNotice,
  type UserAction,
} from './admin-paths';
import type { ScopeChoices } from './scope-choices';
import {
  DEACTIVATION_INPUTS,
  PASSWORD_INPUTS,
  registrationInputs,
  roleInputs,
  TWO_FACTOR_REMOVAL_INPUTS,
} from './user-inputs';
import { DoneNoticeText, ScopeText, type ListedUser } from './users-page';

const BACK = (
  <p>
    <a href={USERS_PATH}>Kembali ke daftar pengguna</a>
  </p>
);

/** Registering a user: username, name, role, scope and a first password. */
export function NewUserPage({
  signedIn,
  scopes,
  nonce,
  state,
}: {
  signedIn: PageSession;
  scopes: ScopeChoices;
  nonce: string;
  state: AdminFormState;
}) {
  const { user, session } = signedIn;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Daftarkan pengguna</h1>
      {BACK}
      <AdminForm
        id="daftar"
        action={NEW_USER_PATH}
        title="Data pengguna"
        csrfToken={session.csrfToken}
        nonce={nonce}
        inputs={registrationInputs(scopes)}
        state={state}
        submit="Daftarkan"
      />
    </Layout>
  );
}

const ACTION_TITLES: Record<UserAction, { title: string; submit: string }> = {
  role: { title: 'Ubah peran dan cakupan', submit: 'Simpan peran' },
  password: { title: 'Atur ulang kata sandi', submit: 'Atur kata sandi' },
  deactivation: { title: 'Nonaktifkan pengguna', submit: 'Nonaktifkan' },
  twoFactor: { title: 'Hapus verifikasi dua langkah', submit: 'Hapus verifikasi dua langkah' },
};

/**
 * One user and what the administrator may change: role and scope, the
 * password, deactivation, removing two-factor sign-in (a lost phone).
 * Each form has its own nonce; the one just refused shows what was typed
 * and the rule beside its field.
 */
export function UserPage({
  signedIn,
  shown,
  scopes,
  nonces,
  refused,
  done,
}: {
  signedIn: PageSession;
  shown: ListedUser;
  scopes: ScopeChoices;
  nonces: Record<UserAction, string>;
  refused?: { action: UserAction; state: AdminFormState };
  done: DoneNotice | undefined;
}) {
  const { user, session } = signedIn;
  const stateOf = (action: UserAction): AdminFormState =>
    refused?.action === action
      ? refused.state
      : { values: action === 'role' ? { role: shown.role, scope: shown.scope } : {} };
  const inputs = {
    role: roleInputs(scopes),
    password: PASSWORD_INPUTS,
    deactivation: DEACTIVATION_INPUTS,
    twoFactor: TWO_FACTOR_REMOVAL_INPUTS,
  };
  /** Removing two-factor sign-in is offered while the user has it; the rest while they are active. */
  const offered = (action: UserAction) => (action === 'twoFactor' ? shown.twoFactor : shown.active);
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Pengguna {shown.username}</h1>
      <DoneNoticeText done={done} />
      {BACK}
      <dl class="user">
        <dt>Nama</dt>
        <dd>{shown.displayName}</dd>
        <dt>Peran</dt>
        <dd>{ROLE_NAMES[shown.role]}</dd>
        <dt>Wilayah</dt>
        <dd>
          <ScopeText scope={shown.scope} scopes={scopes} />
        </dd>
        <dt>Status</dt>
        <dd>{shown.active ? 'Aktif' : 'Nonaktif'}</dd>
        <dt>Verifikasi dua langkah</dt>
        <dd>{shown.twoFactor ? 'Aktif' : 'Tidak aktif'}</dd>
      </dl>
      {(Object.keys(ACTION_TITLES) as UserAction[])
        .filter((action) => offered(action) || refused?.action === action)
        .map((action) => (
          <AdminForm
            key={action}
            id={action}
            action={userActionPath(shown.userId, action)}
            csrfToken={session.csrfToken}
            nonce={nonces[action]}
            inputs={inputs[action]}
            state={stateOf(action)}
            {...ACTION_TITLES[action]}
          />
        ))}
    </Layout>
  );
}
