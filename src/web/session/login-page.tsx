import { CsrfField, Layout } from '../layout';
import { PUBLIC_PATH } from '../public/public-paths';

export interface LoginForm {
  csrfToken: string;
  username?: string;
  /** The rule's Indonesian message, shown beside the field it names. */
  error?: { field: string; message: string };
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p class="error" id={id} role="alert">
      {message}
    </p>
  ) : null;
}

/** The login form: posts to /masuk, works without any script. */
export function LoginPage({ csrfToken, username, error }: LoginForm) {
  const usernameError =
    error && error.field !== 'password' && error.field !== 'code' ? error.message : undefined;
  const passwordError = error?.field === 'password' ? error.message : undefined;
  const codeError = error?.field === 'code' ? error.message : undefined;
  return (
    <Layout>
      <h1>Masuk</h1>
      <form method="post" action="/masuk">
        <CsrfField token={csrfToken} />
        <label for="username">Nama pengguna</label>
        <input
          type="text"
          id="username"
          name="username"
          value={username ?? ''}
          autocomplete="username"
          autocapitalize="none"
          required
          aria-invalid={usernameError ? 'true' : undefined}
          aria-describedby={usernameError ? 'username-error' : undefined}
        />
        <FieldError id="username-error" message={usernameError} />
        <label for="password">Kata sandi</label>
        <input
          type="password"
          id="password"
          name="password"
          autocomplete="current-password"
          required
          aria-invalid={passwordError ? 'true' : undefined}
        />
        <FieldError id="password-error" message={passwordError} />
        <label for="code">Kode verifikasi dua langkah</label>
        <p class="hint" id="code-hint">
          Enam angka dari aplikasi autentikator; kosongkan jika Anda tidak memakai verifikasi dua
          langkah.
        </p>
        <input
          type="text"
          id="code"
          name="code"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength={20}
          aria-invalid={codeError ? 'true' : undefined}
          aria-describedby={codeError ? 'code-hint code-error' : 'code-hint'}
        />
        <FieldError id="code-error" message={codeError} />
        <button type="submit">Masuk</button>
      </form>
      <p class="public-link">
        <a href={PUBLIC_PATH}>Lihat anggaran dan realisasi desa tanpa masuk</a>
      </p>
    </Layout>
  );
}
