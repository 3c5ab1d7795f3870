import { status, type sendUnaryData, type ServerReadableStream } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendOutcome, EventLog, Expected, ProposedEvent } from './event-log';
import { rpcError, streamNameOf, uuidOf } from './wire';

/** EventStoreDB's default MaxAppendSize: 1 MiB over all proposed messages of one append. */
export const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;

type AppendCall = ServerReadableStream<AppendReq, AppendResp>;

/**
 * Streams.Append: the first message carries the options, every further one a
 * proposed event. Nothing is written until the client half-closes, and then
 * all events are written at once or none.
 */
export function appendHandler(log: EventLog, maxAppendSize: number) {
  return (call: AppendCall, callback: sendUnaryData<AppendResp>): void => {
    let options: AppendReq.Options | undefined;
    const proposed: ProposedEvent[] = [];
    let size = 0;
    let failed = false;
    const fail = (error: ReturnType<typeof rpcError>) => {
      if (failed) return;
      failed = true;
      callback(error);
    };

    call.on('data', (request: AppendReq) => {
      if (failed) return;
      if (request.hasOptions()) {
        options = request.getOptions();
        return;
      }
      const message = request.getProposedMessage();
      if (!options || !message)
        return fail(rpcError(status.INVALID_ARGUMENT, 'Options must come first.'));
      size += message.serializeBinary().length;
      if (size > maxAppendSize) return fail(appendTooLarge(maxAppendSize));
      if (uuidOf(message.getId()) === undefined) {
        return fail(rpcError(status.INVALID_ARGUMENT, 'Event id missing or not a string UUID.'));
      }
      const event = proposedEvent(message);
      if (typeof event === 'string') return fail(missingMetadata(event));
      proposed.push(event);
    });
    call.on('end', () => {
      if (failed) return;
      if (!options) return fail(rpcError(status.INVALID_ARGUMENT, 'Options were not sent.'));
      const expected = expectedOf(options);
      const outcome = log.append(streamNameOf(options.getStreamIdentifier()), expected, proposed);
      callback(null, appendResponse(outcome, expected));
    });
    call.on('error', () => fail(rpcError(status.CANCELLED, 'Append cancelled.')));
  };
}

/** The event, or the name of the required metadata key it lacks. */
function proposedEvent(message: AppendReq.ProposedMessage): ProposedEvent | string {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (type === undefined) return 'type';
  if (contentType === undefined) return 'content-type';
  return {
    id: uuidOf(message.getId())!,
    type,
    contentType,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

function expectedOf(options: AppendReq.Options): Expected {
  switch (options.getExpectedStreamRevisionCase()) {
    case AppendReq.Options.ExpectedStreamRevisionCase.REVISION:
      return BigInt(options.getRevision());
    case AppendReq.Options.ExpectedStreamRevisionCase.NO_STREAM:
      return 'no_stream';
    case AppendReq.Options.ExpectedStreamRevisionCase.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return 'any';
  }
}

function appendResponse(outcome: AppendOutcome, expected: Expected): AppendResp {
  if (outcome.ok) {
    const position = new AppendResp.Position()
      .setCommitPosition(outcome.position.toString())
      .setPreparePosition(outcome.position.toString());
    const success = new AppendResp.Success().setPosition(position);
    if (outcome.currentRevision < 0n) success.setNoStream(new Empty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    return new AppendResp().setSuccess(success);
  }
  return new AppendResp().setWrongExpectedVersion(wrongExpectedVersion(outcome.current, expected));
}

function wrongExpectedVersion(
  current: bigint | undefined,
  expected: Expected,
): AppendResp.WrongExpectedVersion {
  const details = new AppendResp.WrongExpectedVersion();
  if (current === undefined) details.setCurrentNoStream(new Empty());
  else details.setCurrentRevision(current.toString());
  if (expected === 'any') details.setExpectedAny(new Empty());
  else if (expected === 'no_stream') details.setExpectedNoStream(new Empty());
  else if (expected === 'stream_exists') details.setExpectedStreamExists(new Empty());
  else details.setExpectedRevision(expected.toString());
  return details;
}

function appendTooLarge(maxAppendSize: number) {
  return rpcError(status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, {
    exception: 'maximum-append-size-exceeded',
    'maximum-append-size': String(maxAppendSize),
  });
}

function missingMetadata(key: string) {
  return rpcError(status.INVALID_ARGUMENT, `Required metadata property ${key} is missing.`, {
    exception: 'missing-required-metadata-property',
    'required-metadata-properties': key,
  });
}
