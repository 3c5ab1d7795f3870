import type { Response } from 'express';
import type { Session } from '../access/sessions';
import type { User } from '../access/state';
import { HttpProblem } from './problem';

export { actorOf } from '../access/state';

/** What a request learns on its way, kept in res.locals under typed accessors. */
export interface RequestContext {
  requestId: string;
  user?: User;
  session?: Session;
  /** How the session token came: a cookie request must carry the CSRF token. */
  via?: 'bearer' | 'cookie';
  stream?: string;
  revision?: string;
}

export function context(res: Response): RequestContext {
  return res.locals as RequestContext;
}

/** The authenticated user; the authenticate middleware guarantees one before any handler needing it. */
export function currentUser(res: Response): User {
  const user = context(res).user;
  if (!user) throw new HttpProblem('AUTHENTICATION_REQUIRED', 'Authorization', '');
  return user;
}

/** Puts the stream and its new revision on the response (ETag) and into the request log. */
export function markStream(res: Response, stream: string, revision: bigint | undefined): void {
  const text = revision === undefined ? '-1' : revision.toString();
  Object.assign(context(res), { stream, revision: text });
  res.setHeader('ETag', `"${text}"`);
}
