import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { AccessError, ACCESS_RULES } from '../access/access-rules';
import { DomainError, type BilingualText } from '../domain/shared/domain-error';
import { RULES, type RuleKind } from '../domain/shared/rules';
import { StoreUnavailableError, WrongExpectedRevisionError } from '../eventstore/errors';
import { HTTP_RULES, type HttpRuleId } from './http-rules';

/** An RFC 9457 problem before it is sent: the rule, the field and the value it names. */
export interface Problem {
  status: number;
  rule: string;
  title: BilingualText;
  field: string;
  value: string;
  messages: BilingualText;
  headers?: Record<string, string>;
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

function describe(
  rule: string,
  title: BilingualText,
  field: string,
  value: string,
  detail?: BilingualText,
) {
  const suffix = (text: string | undefined) => (text ? ` (${text})` : '');
  return {
    id: `[${rule}] ${title.id}: ${field} = "${value}"${suffix(detail?.id)}`,
    en: `[${rule}] ${title.en}: ${field} = "${value}"${suffix(detail?.en)}`,
  };
}

/** A refusal raised by the HTTP layer (authentication, scope, headers, body). */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  readonly problem: Problem;

  constructor(
    rule: HttpRuleId,
    field: string,
    value: string,
    options: { detail?: BilingualText; headers?: Record<string, string> } = {},
  ) {
    const { status, ...title } = HTTP_RULES[rule];
    const messages = describe(rule, title, field, value, options.detail);
    super(messages.en);
    this.problem = { status, rule, title, field, value, messages, headers: options.headers };
  }
}

/** A rule's kind decides its status: a conflict with the stream's state, or an invalid request. */
export const RULE_KIND_STATUS: Record<RuleKind, number> = { conflict: 409, invalid: 422 };

function fromRuleError(error: DomainError | AccessError): Problem {
  const { kind, ...title } =
    error instanceof DomainError ? RULES[error.rule] : ACCESS_RULES[error.rule];
  return {
    status: RULE_KIND_STATUS[kind],
    rule: error.rule,
    title,
    field: error.field,
    value: error.value,
    messages: error.messages,
  };
}

/** body-parser's errors carry a status and a type such as "entity.too.large". */
function bodyParserProblem(error: { status: number; type?: string }, req: Request): HttpProblem {
  const length = req.headers['content-length'] ?? '';
  if (error.status === 413) return new HttpProblem('BODY_TOO_LARGE', 'content-length', length);
  if (error.status === 415)
    return new HttpProblem('MEDIA_TYPE', 'content-type', req.headers['content-type'] ?? '');
  return new HttpProblem('BODY_MALFORMED', 'body', error.type ?? 'unparseable');
}

function isClientHttpError(error: unknown): error is { status: number; type?: string } {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function concurrencyProblem(error: WrongExpectedRevisionError, req: Request): HttpProblem {
  const actual = error.actual === 'no_stream' ? '-1' : error.actual.toString();
  return req.headers['if-match'] !== undefined
    ? new HttpProblem('PRECONDITION_FAILED', 'If-Match', req.headers['if-match'], {
        headers: { ETag: `"${actual}"` },
      })
    : new HttpProblem('CONCURRENT_WRITES', 'stream', error.stream);
}

/** The problem an error is answered with; undefined for errors that are the server's fault. */
export function problemFor(error: unknown, req: Request): Problem | undefined {
  if (error instanceof HttpProblem) return error.problem;
  if (error instanceof DomainError || error instanceof AccessError) return fromRuleError(error);
  if (error instanceof WrongExpectedRevisionError) return concurrencyProblem(error, req).problem;
  if (error instanceof StoreUnavailableError)
    return new HttpProblem('STORE_UNAVAILABLE', 'store', error.name, {
      headers: { 'Retry-After': '5' },
    }).problem;
  if (isClientHttpError(error)) return bodyParserProblem(error, req).problem;
  return undefined;
}

export function sendProblem(res: Response, req: Request, problem: Problem): void {
  for (const [name, value] of Object.entries(problem.headers ?? {})) res.setHeader(name, value);
  res
    .status(problem.status)
    .type(PROBLEM_MEDIA_TYPE)
    .send(
      JSON.stringify({
        type: `urn:kasdesa:problem:${problem.rule}`,
        title: `${problem.title.id} / ${problem.title.en}`,
        status: problem.status,
        detail: `${problem.messages.id} / ${problem.messages.en}`,
        instance: req.originalUrl,
        rule: problem.rule,
        field: problem.field,
        value: problem.value,
        messages: problem.messages,
        requestId: res.locals.requestId,
      }),
    );
}

/** Unknown routes: a 404 problem naming the method and path. */
export const routeNotFound: RequestHandler = (req) => {
  throw new HttpProblem('ROUTE_UNKNOWN', req.method, req.path);
};

/** The last middleware: every error becomes a problem+json; only the server's own faults are 500. */
export function problemHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const problem = problemFor(error, req);
    if (problem) return sendProblem(res, req, problem);
    log.error({ err: error, requestId: res.locals.requestId }, 'unexpected error');
    sendProblem(
      res,
      req,
      new HttpProblem('INTERNAL', 'requestId', String(res.locals.requestId)).problem,
    );
  };
}
