import type { Response } from 'express';
import { stringify } from 'safe-stable-stringify';
import type { CommandOutcome } from '../app/stream-handler';
import type { DomainEvent } from '../domain/shared/envelope';
import { toJsonValue } from './json-value';
import { markStream } from './request-context';

/**
 * Answers a command with its events. A repeated command (same Idempotency-Key
 * and content) gets the events it produced first, so the answer is the
 * original one, status and body; a header says it is a replay.
 */
export function sendCommandResult(
  res: Response,
  commandId: string,
  outcome: CommandOutcome<DomainEvent>,
  redact: (event: DomainEvent) => DomainEvent = (event) => event,
): void {
  const revision = outcome.events.at(-1)?.revision;
  markStream(res, outcome.streamId, revision);
  if (outcome.duplicate) res.setHeader('Idempotent-Replayed', 'true');
  // Sorted keys: a replay, decoded from the store, is byte-for-byte the first answer.
  const body = toJsonValue({
    streamId: outcome.streamId,
    commandId,
    revision: revision ?? -1n,
    position: outcome.position,
    events: outcome.events.map((event) => ({ ...redact(event), revision: event.revision })),
  });
  res.status(201).type('json').send(stringify(body));
}
