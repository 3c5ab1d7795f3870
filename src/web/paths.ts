/** Where each area of the web UI lives: one place, so links and routes agree. */
export const LOGIN_PATH = '/masuk';
export const LOGOUT_PATH = '/keluar';
export const HOME_PATH = '/beranda';
export const REPORTS_PATH = '/laporan';
export const FORMS_PATH = '/perintah';
/** Two-factor enrollment: the only page a user the policy requires it of reaches until enrolled. */
export const TWO_FACTOR_PATH = '/akun/dua-langkah';

/** The form that issues a command, its fields filled from `prefill` (e.g. the SPP to pay). */
export function commandFormPath(type: string, prefill: Record<string, string> = {}): string {
  const query = new URLSearchParams(prefill).toString();
  return `${FORMS_PATH}/${type}${query ? `?${query}` : ''}`;
}
