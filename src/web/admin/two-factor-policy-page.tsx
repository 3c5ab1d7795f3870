import { TWO_FACTOR_POLICY_ROLES, type Role } from '../../access/roles';
import { Checkboxes } from '../forms/command-form-page';
import type { FormRefusal } from '../forms/field-errors';
import type { InputField, TypedValues } from '../forms/form-model';
import { CsrfField, Layout } from '../layout';
import { ROLE_NAMES } from '../role-names';
import type { PageSession } from '../session/web-session';
import { TWO_FACTOR_POLICY_PATH, USERS_PATH, type DoneNotice } from './admin-paths';
import { DoneNoticeText } from './users-page';

/** The API body's field: the roles that must use two-factor sign-in. */
export const POLICY_ROLES_FIELD = 'roles';

/** Only the roles the policy allows are offered (the access stream's rule refuses the others). */
const ROLES_FIELD: InputField<unknown> = {
  kind: 'multiChoice',
  name: POLICY_ROLES_FIELD,
  label: 'Peran yang wajib memakai verifikasi dua langkah',
  choices: () => TWO_FACTOR_POLICY_ROLES.map((role) => ({ value: role, label: ROLE_NAMES[role] })),
};

/** The policy form as last shown: the roles ticked and the refusal, if it was refused. */
export interface PolicyFormState {
  values: TypedValues;
  refusal?: FormRefusal;
}

function CurrentPolicy({ roles }: { roles: readonly Role[] }) {
  return roles.length === 0 ? (
    <p class="policy">Saat ini tidak ada peran yang wajib memakai verifikasi dua langkah.</p>
  ) : (
    <p class="policy">Saat ini wajib bagi: {roles.map((role) => ROLE_NAMES[role]).join(', ')}.</p>
  );
}

/**
 * The regency's two-factor policy: the roles whose users must sign in with
 * a code from an authenticator app. A user of such a role who has not
 * enrolled is sent to the enrollment at their next page.
 */
export function TwoFactorPolicyPage({
  signedIn,
  current,
  nonce,
  state,
  done,
}: {
  signedIn: PageSession;
  current: readonly Role[];
  nonce: string;
  state: PolicyFormState;
  done: DoneNotice | undefined;
}) {
  const { user, session } = signedIn;
  return (
    <Layout user={user} csrfToken={session.csrfToken}>
      <h1>Kebijakan verifikasi dua langkah</h1>
      <DoneNoticeText done={done} />
      <p>
        <a href={USERS_PATH}>Kembali ke daftar pengguna</a>
      </p>
      <CurrentPolicy roles={current} />
      <form method="post" action={TWO_FACTOR_POLICY_PATH} novalidate>
        <CsrfField token={session.csrfToken} />
        <input type="hidden" name="_nonce" value={nonce} />
        <Checkboxes
          field={ROLES_FIELD}
          name={POLICY_ROLES_FIELD}
          context={undefined}
          values={state.values}
          refusal={state.refusal}
        />
        <p class="hint">
          Pengguna dengan peran yang dicentang dan belum mendaftar diminta mendaftar pada halaman
          berikutnya yang dibukanya.
        </p>
        <button type="submit">Simpan kebijakan</button>
      </form>
    </Layout>
  );
}
