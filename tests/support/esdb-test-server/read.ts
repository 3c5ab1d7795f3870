import { status } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { EventLog, LoggedEvent } from './event-log';
import { eventFilterOf } from './filter';
import { AllSubscription } from './subscription';
import {
  readEventResponse,
  rpcError,
  send,
  streamIdentifier,
  streamNameOf,
  type ReadCall,
} from './wire';

const { StreamOptions, AllOptions } = ReadReq.Options;

/** Streams.Read: a stream read, a `$all` read, or a subscription to `$all`. */
export function readHandler(log: EventLog, subscriptions: Set<AllSubscription>) {
  return (call: ReadCall): void => {
    const options = call.request.getOptions();
    const unsupported = options && unsupportedOption(options);
    if (!options || unsupported) {
      call.emit(
        'error',
        rpcError(
          status.UNIMPLEMENTED,
          `Test server does not implement ${unsupported ?? 'reads without options'}.`,
        ),
      );
      return;
    }
    if (options.hasSubscription()) {
      const subscription = new AllSubscription(call, log, options, () =>
        subscriptions.delete(subscription),
      );
      subscriptions.add(subscription);
      subscription.start();
      return;
    }
    void respond(call, options.hasStream() ? readStream(log, options) : readAll(log, options));
  };
}

/** What the adapter never asks for, refused rather than half-implemented. */
function unsupportedOption(options: ReadReq.Options): string | undefined {
  if (options.hasSubscription() && options.hasStream()) return 'stream subscriptions';
  if (options.getUuidOption()?.hasStructured()) return 'structured UUIDs';
  if (options.getResolveLinks()) return 'link resolution';
  return undefined;
}

async function respond(call: ReadCall, messages: ReadResp[]): Promise<void> {
  for (const message of messages) {
    if (!(await send(call, message))) return;
  }
  call.end();
}

function readStream(log: EventLog, options: ReadReq.Options): ReadResp[] {
  const streamOptions = options.getStream()!;
  const name = streamNameOf(streamOptions.getStreamIdentifier());
  const stored = log.stream(name);
  if (!stored) {
    const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name));
    return [new ReadResp().setStreamNotFound(notFound)];
  }
  const forwards = options.getReadDirection() === ReadReq.Options.ReadDirection.FORWARDS;
  const from = streamStart(streamOptions, forwards, stored.length);
  // Both directions include the event at the starting revision.
  const selected = forwards
    ? stored.filter((e) => e.revision >= from)
    : stored.filter((e) => e.revision <= from).reverse();
  return take(selected, options).map((e) => readEventResponse(e, false));
}

function streamStart(
  options: ReadReq.Options.StreamOptions,
  forwards: boolean,
  length: number,
): bigint {
  switch (options.getRevisionOptionCase()) {
    case StreamOptions.RevisionOptionCase.REVISION:
      return BigInt(options.getRevision());
    case StreamOptions.RevisionOptionCase.END:
      return forwards ? BigInt(length) : BigInt(length - 1);
    default:
      return forwards ? 0n : -1n;
  }
}

function readAll(log: EventLog, options: ReadReq.Options): ReadResp[] {
  const forwards = options.getReadDirection() === ReadReq.Options.ReadDirection.FORWARDS;
  const allOptions = options.getAll()!;
  const filter = eventFilterOf(options);
  const inRange = forwards ? forwardsFrom(allOptions) : backwardsFrom(allOptions);
  const ordered = forwards ? log.all() : [...log.all()].reverse();
  const selected = ordered.filter((e) => inRange(e) && filter.matches(e));
  return take(selected, options).map((e) => readEventResponse(e, true));
}

/**
 * Forwards, a position is inclusive: events whose (commit, prepare) is at or
 * after it. Backwards it is a post-position: events that end at or before it,
 * so the event starting at that position is excluded (AllReader.cs).
 */
function forwardsFrom(options: ReadReq.Options.AllOptions): (event: LoggedEvent) => boolean {
  switch (options.getAllOptionCase()) {
    case AllOptions.AllOptionCase.POSITION: {
      const { commit, prepare } = positionOf(options);
      return (e) => e.position > commit || (e.position === commit && e.position >= prepare);
    }
    case AllOptions.AllOptionCase.END:
      return () => false;
    default:
      return () => true;
  }
}

function backwardsFrom(options: ReadReq.Options.AllOptions): (event: LoggedEvent) => boolean {
  switch (options.getAllOptionCase()) {
    case AllOptions.AllOptionCase.POSITION: {
      const { commit, prepare } = positionOf(options);
      return (e) =>
        e.postPosition < commit || (e.postPosition === commit && e.postPosition <= prepare);
    }
    case AllOptions.AllOptionCase.START:
      return () => false;
    default:
      return () => true;
  }
}

function positionOf(options: ReadReq.Options.AllOptions): { commit: bigint; prepare: bigint } {
  const position = options.getPosition()!;
  return {
    commit: BigInt(position.getCommitPosition()),
    prepare: BigInt(position.getPreparePosition()),
  };
}

function take(events: LoggedEvent[], options: ReadReq.Options): LoggedEvent[] {
  const count = BigInt(options.getCount());
  return count >= BigInt(events.length) ? events : events.slice(0, Number(count));
}
