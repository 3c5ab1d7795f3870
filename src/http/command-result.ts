import type { Response } from 'express';
import { stringify } from 'safe-stable-stringify';
import type { CommandOutcome } from '../app/stream-handler';
import type { DomainEvent } from '../domain/shared/envelope';
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
  // Events are plain JSON (the store keeps them as JSON text), so only the
  // revisions and the position need turning into text. Sorted keys: a replay,
  // decoded from the store, is byte-for-byte the first answer.
  const body = {
    streamId: outcome.streamId,
    commandId,
    revision: (revision ?? -1n).toString(),
    position: outcome.position.toString(),
    events: outcome.events.map((event) => ({
      ...redact(event),
      revision: event.revision.toString(),
    })),
  };
  sendJsonText(res, 201, stringify(body));
}

/**
 * The JSON text as the whole answer, with the headers express's `send`
 * would give it, written straight to node's response: `send` adds a type
 * lookup, a Buffer copy of the text and a freshness check (meaningless for
 * a POST) to every command.
 */
function sendJsonText(res: Response, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
