import {
  ANY,
  jsonEvent,
  NO_STREAM,
  STREAM_EXISTS,
  type AppendExpectedRevision,
  type Position,
  type RecordedEvent as ClientRecordedEvent,
} from '@eventstore/db-client';
import type { EventData, ExpectedRevision, JsonObject, RecordedEvent } from './port';

/** Always explicit: the client would otherwise default to "any". */
export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return expected;
}

/**
 * Our bigint position is EventStoreDB's commit position. Every event written
 * over gRPC is an implicitly committed prepare record, for which the server
 * reports commit = prepare = the record's log position (KurrentDB source,
 * Services/Storage/ReaderIndex/AllReader.cs); so a position rebuilds exactly.
 */
export function toClientPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

export function toProposedEvent(event: EventData) {
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
}

/** System events: `$`-prefixed types ($metadata, $>, $statsCollected…) or streams ($settings, $$x, $ce-…). */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

export function toRecordedEvent(event: ClientRecordedEvent): RecordedEvent {
  if (!event.position) {
    throw new Error(`Posisi peristiwa tidak diketahui / event ${event.id} came without a position`);
  }
  return {
    id: event.id,
    type: event.type,
    data: asJsonObject(event.data, event.id, 'data'),
    metadata:
      event.metadata === undefined ? {} : asJsonObject(event.metadata, event.id, 'metadata'),
    streamId: event.streamId,
    revision: event.revision,
    position: event.position.commit,
    recordedAt: event.created.toISOString(),
  };
}

function asJsonObject(value: unknown, id: string, field: string): JsonObject {
  if (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  ) {
    return value as JsonObject;
  }
  throw new Error(`Bukan objek JSON / ${field} of event ${id} is not a JSON object`);
}
