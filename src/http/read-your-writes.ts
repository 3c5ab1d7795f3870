import type { Request } from 'express';
import type { ProjectionEngine } from '../../projections/engine/projection-engine';
import { HttpProblem } from './problem';

/** How long a report request waits for the read models to reach a command's position. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 2_000;

const POSITION = /^\d{1,19}$/;

/** The `?after=` of a report request: a command response's `position`, or undefined. */
export function afterPositionOf(req: Request): bigint | undefined {
  const raw = req.query.after;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !POSITION.test(raw))
    throw new HttpProblem('AFTER_POSITION_MALFORMED', 'after', String(raw));
  return BigInt(raw);
}

/**
 * Read-your-writes for report endpoints: with `?after=<position>`, waits
 * (bounded) until every projection has seen that event, so a report asked
 * for right after a command shows it; past the bound, 503 with Retry-After.
 */
export async function awaitReadModels(
  req: Request,
  engine: Pick<ProjectionEngine, 'waitForPosition'>,
  timeoutMs: number = READ_YOUR_WRITES_TIMEOUT_MS,
): Promise<void> {
  const position = afterPositionOf(req);
  if (position === undefined) return;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const reached = await Promise.race([engine.waitForPosition(position).then(() => true), expired]);
  clearTimeout(timer);
  if (!reached)
    throw new HttpProblem('PROJECTIONS_BEHIND', 'after', position.toString(), {
      headers: { 'Retry-After': '1' },
    });
}
