import { randomBytes } from 'node:crypto';

const NONCE = /^[A-Za-z0-9_-]{22}$/;

/** A fresh name for the command a form page will send: a second post of that page is the same command. */
export const newNonce = (): string => randomBytes(16).toString('base64url');

/** The nonce a form posted back, or a fresh one when it is missing or malformed. */
export const postedNonce = (typed: string): string => (NONCE.test(typed) ? typed : newNonce());

/** The command id of a form's post: the user's, named by the page's nonce. */
export const webCommandId = (userId: string, nonce: string): string => `${userId}:web:${nonce}`;
