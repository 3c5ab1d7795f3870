import {
  ErrorType,
  isCommandError,
  MaxAppendSizeExceededError,
  StreamNotFoundError as ClientStreamNotFoundError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { StoreUnavailableError, StreamNotFoundError, WrongExpectedRevisionError } from './errors';
import type { ExpectedRevision } from './port';

/** Client errors that mean "the node cannot be used right now", not "your request was wrong". */
const UNAVAILABLE: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.CANCELLED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
]);

export interface ErrorContext {
  stream?: string;
  expected?: ExpectedRevision;
}

/** Turns an error of @eventstore/db-client into one of ours; others pass through unchanged. */
export function toStoreError(error: unknown, context: ErrorContext = {}): unknown {
  if (
    error instanceof WrongExpectedVersionError &&
    context.stream !== undefined &&
    context.expected !== undefined
  ) {
    return new WrongExpectedRevisionError(context.stream, context.expected, error.actualVersion);
  }
  if (error instanceof ClientStreamNotFoundError) {
    return new StreamNotFoundError(context.stream ?? error.streamName);
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new Error(
      `Penambahan terlalu besar / the append exceeds the server's maximum append size (${error.maxAppendSize} bytes)`,
      { cause: error },
    );
  }
  if (isUnavailable(error)) {
    const message = 'EventStoreDB tidak dapat dihubungi / EventStoreDB is unavailable';
    return new StoreUnavailableError(message, { cause: error });
  }
  return error;
}

function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (isCommandError(error)) return UNAVAILABLE.has(error.type);
  return error.message.startsWith('Failed to discover');
}
