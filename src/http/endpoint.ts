import express, { type IRouter, type RequestHandler } from 'express';
import type { z } from 'zod';
import { DomainError, type BilingualText } from '../domain/shared/domain-error';
import { parseCommand } from '../domain/shared/parse-command';
import { HttpProblem } from './problem';

/** `villageNode`: no user session; the endpoint's guard checks a village node's own credential. */
export type EndpointAccess = 'public' | 'authenticated' | 'villageNode' | readonly string[];

/**
 * One API operation, described once: express mounts it, the OpenAPI document
 * and the docs page list it from the same description.
 */
export interface Endpoint {
  method: 'get' | 'post';
  /** Express path under /api/v1, e.g. `/villages/:villageCode/years/:fiscalYear`. */
  path: string;
  tag: string;
  summary: string;
  /** Who may call it: the docs page and OpenAPI show it; the handler enforces it. */
  access: EndpointAccess;
  body?: z.ZodType;
  /** The body's own limit when it may exceed the API's (bytes, counted after gzip is inflated). */
  bodyLimit?: number;
  /** A multipart upload instead of a JSON body: the form field that carries the file. */
  uploadField?: string;
  response?: z.ZodType;
  /** The media type of a file answered instead of JSON (a download); OpenAPI lists it as binary. */
  download?: string;
  status: number;
  /** Reads answer with an ETag; writes accept If-Match and Idempotency-Key. */
  concurrency?: 'read' | 'write';
  /** Scope and role checks, run before the body is read so a refusal does not depend on it. */
  guard?: RequestHandler;
  handler: RequestHandler;
  /** Path parameters that take one of a fixed list of values (OpenAPI enums). */
  pathValues?: Readonly<Record<string, readonly string[]>>;
  /** Query parameters, as the OpenAPI document lists them. */
  query?: readonly QueryParameterDoc[];
  /** Open to a user who must still enroll in two-factor sign-in (enrollment, session, logout). */
  duringEnrollment?: boolean;
}

/** A query parameter as documented: what it means, the values allowed, which operations use it. */
export interface QueryParameterDoc {
  name: string;
  required: boolean;
  description: BilingualText;
  allowed: string;
  usedBy: string;
  schema: z.ZodType;
}

/** JSON bodies only; the limit keeps a huge body from reaching the parser's memory. */
export function jsonBody(limit: number | string): RequestHandler[] {
  return [
    express.json({ limit, strict: true }),
    (req, _res, next) => {
      if (req.body === undefined)
        throw new HttpProblem('MEDIA_TYPE', 'content-type', req.headers['content-type'] ?? '');
      next();
    },
  ];
}

export interface RouteOptions {
  authenticate: RequestHandler;
  /** Authentication that lets a user who must enroll in two-factor sign-in through. */
  authenticateDuringEnrollment: RequestHandler;
  bodyLimit: number | string;
}

/**
 * The endpoints as routes of `router` (an app or a router) under `base`.
 * Authentication runs before the body is read, so an anonymous caller
 * learns nothing from a body error.
 */
export function routeEndpoints(
  router: IRouter,
  base: string,
  endpoints: readonly Endpoint[],
  options: RouteOptions,
): void {
  const body = jsonBody(options.bodyLimit);
  for (const endpoint of endpoints) {
    const chain: RequestHandler[] = [
      ...(endpoint.access === 'public' || endpoint.access === 'villageNode'
        ? []
        : [
            endpoint.duringEnrollment ? options.authenticateDuringEnrollment : options.authenticate,
          ]),
      ...(endpoint.guard ? [endpoint.guard] : []),
      ...(endpoint.body ? (endpoint.bodyLimit ? jsonBody(endpoint.bodyLimit) : body) : []),
      endpoint.handler,
    ];
    router[endpoint.method](`${base}${endpoint.path}`, ...chain);
  }
}

const BODY_CHECK_ACTOR = { id: 'http', role: 'http', displayName: 'http' };

/**
 * Validates a request body with its endpoint's zod schema the way ledger
 * commands are validated, so every malformed body is the same COMMAND_SCHEMA
 * refusal naming the field (`payload.…`) and the value.
 */
export function parseBody<T>(name: string, schema: z.ZodType<T>, body: unknown): T {
  const parsed = parseCommand(
    { [name]: schema },
    { commandId: name, type: name, payload: body, actor: BODY_CHECK_ACTOR },
  );
  if (parsed instanceof DomainError) throw parsed;
  return parsed.payload as T;
}
