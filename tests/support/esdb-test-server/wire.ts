import {
  Metadata,
  status,
  type ServerErrorResponse,
  type ServerWritableStream,
} from '@grpc/grpc-js';
import { Empty, StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { LoggedEvent } from './event-log';

export type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

export function streamNameOf(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Uint8Array.from(Buffer.from(name, 'utf8')));
}

export function uuidOf(id: UUID | undefined): string | undefined {
  return id?.hasString() ? id.getString() : undefined;
}

/** A stored event as Streams.Read sends it; `$all` reads carry the commit position, stream reads do not. */
export function readEventResponse(event: LoggedEvent, withCommitPosition: boolean): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.id))
    .setStreamIdentifier(streamIdentifier(event.streamName))
    .setStreamRevision(event.revision.toString())
    .setPreparePosition(event.position.toString())
    .setCommitPosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.createdTicks.toString());
  const read = new ReadResp.ReadEvent().setEvent(recorded);
  if (withCommitPosition) read.setCommitPosition(event.position.toString());
  else read.setNoPosition(new Empty());
  return new ReadResp().setEvent(read);
}

/**
 * An RPC error shaped like the server's: a status code plus the `exception`
 * trailer the client maps to its typed errors.
 */
export function rpcError(
  code: status,
  details: string,
  trailers: Record<string, string> = {},
): ServerErrorResponse {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(trailers)) metadata.set(key, value);
  return Object.assign(new Error(details), { code, details, metadata });
}

/** Writes with backpressure; resolves false when the client went away. */
export async function send(call: ReadCall, message: ReadResp): Promise<boolean> {
  if (call.cancelled || call.destroyed) return false;
  if (call.write(message)) return true;
  return new Promise((resolve) => {
    const done = (open: boolean) => {
      call.off('drain', onDrain);
      call.off('cancelled', onGone);
      call.off('close', onGone);
      resolve(open);
    };
    const onDrain = () => done(true);
    const onGone = () => done(false);
    call.once('drain', onDrain);
    call.once('cancelled', onGone);
    call.once('close', onGone);
  });
}
