import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { User } from '../access/state';
import type { ExpectedRevision } from '../eventstore/port';
import { HttpProblem } from './problem';

/** `"12"` is revision 12; `"-1"` a stream with no events yet (EventStoreDB's NoStream); `*` any existing stream. */
const ETAG = /^"(-1|\d{1,19})"$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,60}$/;

/** The revision a write expects (If-Match), or undefined: then conflicts are re-decided. */
export function expectedRevisionOf(req: Request): ExpectedRevision | undefined {
  const header = req.headers['if-match'];
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '*') return 'stream_exists';
  const match = ETAG.exec(value);
  if (!match) throw new HttpProblem('IF_MATCH_MALFORMED', 'If-Match', header);
  return match[1] === '-1' ? 'no_stream' : BigInt(match[1]!);
}

/** Whether a GET's If-None-Match names the current ETag (answered 304). */
export function notModified(req: Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  return (
    header !== undefined && header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
  );
}

/**
 * The command id of a write: the Idempotency-Key (plain or as a quoted
 * structured-field string) scoped to the user, so the stream's own
 * idempotency answers a retry with the original outcome and a reuse with
 * other content with COMMAND_ID_CONFLICT. Without a key, a fresh id.
 */
export function commandIdFor(req: Request, user: User): string {
  const header = req.get('Idempotency-Key');
  if (header === undefined) return `${user.userId}:${randomUUID()}`;
  const key = header.replace(/^"(.*)"$/, '$1');
  if (!IDEMPOTENCY_KEY.test(key))
    throw new HttpProblem('IDEMPOTENCY_KEY_MALFORMED', 'Idempotency-Key', header);
  return `${user.userId}:${key}`;
}
