import type { SignedInUser } from '../layout';
import { CsrfField, Layout } from '../layout';
import { TWO_FACTOR_PATH } from '../paths';
import { QrCode } from './qr-code';

export interface TwoFactorEnrollment {
  user: SignedInUser;
  csrfToken: string;
  /** The new secret, base32, as typed into an authenticator app. */
  secret: string;
  /** The otpauth:// URI the QR code carries. */
  otpauthUri: string;
  mustEnroll: boolean;
  /** The rule's Indonesian message, shown beside the code field. */
  codeError?: string;
}

/**
 * Enrollment: the secret as text and as a QR code (inline SVG: the CSP
 * allows no data: image), and a code from the app to confirm it. The
 * secret travels in a hidden field: it is shown on this page anyway and is
 * stored only once a code computed from it is given.
 */
export function TwoFactorPage({
  user,
  csrfToken,
  secret,
  otpauthUri,
  mustEnroll,
  codeError,
}: TwoFactorEnrollment) {
  return (
    <Layout user={user} csrfToken={csrfToken}>
      <h1>Verifikasi dua langkah</h1>
      {mustEnroll && (
        <p class="notice" role="status">
          Peran Anda wajib memakai verifikasi dua langkah. Aktifkan dulu sebelum membuka halaman
          lain.
        </p>
      )}
      <ol class="steps">
        <li>Pasang aplikasi autentikator (mis. FreeOTP, Google Authenticator) di ponsel Anda.</li>
        <li>Pindai kode QR ini, atau ketik kunci rahasia di bawahnya.</li>
        <li>Ketik kode enam angka yang ditampilkan aplikasi.</li>
      </ol>
      <div class="qr" role="img" aria-label="Kode QR untuk aplikasi autentikator">
        <QrCode text={otpauthUri} />
      </div>
      <p>
        Kunci rahasia: <code class="secret">{secret}</code>
      </p>
      <form method="post" action={TWO_FACTOR_PATH}>
        <CsrfField token={csrfToken} />
        <input type="hidden" name="secret" value={secret} />
        <label for="code">Kode verifikasi</label>
        <input
          type="text"
          id="code"
          name="code"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength={20}
          required
          aria-invalid={codeError ? 'true' : undefined}
          aria-describedby={codeError ? 'code-error' : undefined}
        />
        {codeError && (
          <p class="error" id="code-error" role="alert">
            {codeError}
          </p>
        )}
        <button type="submit">Aktifkan</button>
      </form>
    </Layout>
  );
}

/** For a user already enrolled: nothing to do here but an administrator can remove it. */
export function TwoFactorActivePage({
  user,
  csrfToken,
}: {
  user: SignedInUser;
  csrfToken: string;
}) {
  return (
    <Layout user={user} csrfToken={csrfToken}>
      <h1>Verifikasi dua langkah</h1>
      <p>
        Verifikasi dua langkah sudah aktif untuk akun Anda. Jika ponsel Anda hilang, minta
        administrator menghapusnya, lalu aktifkan lagi saat masuk berikutnya.
      </p>
    </Layout>
  );
}
