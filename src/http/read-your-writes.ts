import type { Request } from 'express';
import type { ReadModels } from '../reports/state-reader';
import { LimitExceededError, READ_YOUR_WRITES_TIMEOUT_MS } from '../limits';
import { HttpProblem } from './problem';

const POSITION = /^\d{1,19}$/;

/** The `?after=` of a report request: a command response's `position`, or undefined. */
export function afterPositionOf(req: Pick<Request, 'query'>): bigint | undefined {
  const raw = req.query.after;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !POSITION.test(raw))
    throw new HttpProblem('AFTER_POSITION_MALFORMED', 'after', String(raw));
  return BigInt(raw);
}

/**
 * Read-your-writes for report endpoints: with `?after=<position>`, waits
 * (bounded) until every projection has seen that event, so a report asked
 * for right after a command shows it. Past the timeout, or while too many
 * others wait already, 503 with Retry-After; either way no waiter stays behind.
 */
export async function awaitReadModels(
  req: Pick<Request, 'query'>,
  engine: Pick<ReadModels, 'waitForPosition'>,
  timeoutMs: number = READ_YOUR_WRITES_TIMEOUT_MS,
): Promise<void> {
  const position = afterPositionOf(req);
  if (position === undefined) return;
  const expiry = AbortSignal.timeout(timeoutMs);
  try {
    await engine.waitForPosition(position, expiry);
  } catch (error) {
    if (!expiry.aborted && !(error instanceof LimitExceededError)) throw error;
    throw new HttpProblem('PROJECTIONS_BEHIND', 'after', position.toString(), {
      headers: { 'Retry-After': '1' },
    });
  }
}
