import { createPrivateKey, createPublicKey, hash, randomBytes, sign, verify } from 'node:crypto';

const SECRET_BYTES = 32;
/** PKCS#8 DER header of an ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A node's secret: 256 random bits, shown once at registration. */
export function newNodeSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

/**
 * What the regency keeps of a secret. A plain SHA-256 suffices, as for session
 * tokens: the secret is 256 random bits, not a password a person chose, so
 * there is nothing to guess and no slow hash to pay on every batch.
 */
export function secretDigest(secret: string): string {
  return hash('sha256', secret, 'hex');
}

/**
 * The node's file-signing key, derived from its secret under its own label so
 * the bearer secret a request carries is not itself the signing seed.
 */
function signingPrivateKey(secret: string) {
  const seed = Buffer.from(hash('sha256', `kasdesa-node-file-signing:${secret}`, 'hex'), 'hex');
  return createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

/** The public half, recorded at registration: verifying a file needs nothing secret. */
export function signingPublicKey(secret: string): string {
  return createPublicKey(signingPrivateKey(secret))
    .export({ type: 'spki', format: 'der' })
    .toString('base64url');
}

export function signWithNodeSecret(secret: string, bytes: Buffer): string {
  return sign(null, bytes, signingPrivateKey(secret)).toString('base64url');
}

export function verifyNodeSignature(publicKey: string, bytes: Buffer, signature: string): boolean {
  try {
    const key = createPublicKey({
      key: Buffer.from(publicKey, 'base64url'),
      format: 'der',
      type: 'spki',
    });
    return verify(null, bytes, key, Buffer.from(signature, 'base64url'));
  } catch {
    // A malformed key or signature verifies nothing.
    return false;
  }
}
