import * as OTPAuth from 'otpauth';

/** RFC 6238 as authenticator apps expect it: SHA-1, six digits, 30 s steps. */
const TOTP_SETTINGS = { algorithm: 'SHA1', digits: 6, period: 30 } as const;
/** Codes one step early or late are accepted: a phone's clock drifts, typing takes time. */
const TOTP_WINDOW_STEPS = 1;
const TOTP_SECRET_BYTES = 20;
const TOTP_ISSUER = 'Kasdesa';

/** Whether `text` is a base32 secret as generateSecret writes them (upper case, no padding). */
export function isSecret(text: string): boolean {
  return /^[A-Z2-7]{16,128}$/.test(text);
}

/** A new random shared secret, base32 as typed into an authenticator app. */
export function generateSecret(): string {
  return new OTPAuth.Secret({ size: TOTP_SECRET_BYTES }).base32;
}

function totpOf(secret: string, label = ''): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: TOTP_ISSUER,
    label,
    ...TOTP_SETTINGS,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/**
 * The time step (30 s periods since the epoch) whose code `code` is, within
 * the window around `now`; undefined for a wrong or malformed code. The
 * caller keeps the step so the same code is not accepted twice.
 */
export function verifyCode(secret: string, code: string, now: Date): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token) || !isSecret(secret)) return undefined;
  const timestamp = now.getTime();
  const delta = totpOf(secret).validate({ token, timestamp, window: TOTP_WINDOW_STEPS });
  return delta === null
    ? undefined
    : OTPAuth.TOTP.counter({ period: TOTP_SETTINGS.period, timestamp }) + delta;
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function otpauthUri(secret: string, username: string): string {
  return totpOf(secret, username).toString();
}
