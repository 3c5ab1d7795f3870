import { z } from 'zod';
import type { Endpoint } from './endpoint';
import { PROBLEM_MEDIA_TYPE } from './problem';
import { problemSchema } from './response-schemas';

type JsonSchema = Record<string, unknown>;

/** Request bodies are described as clients send them (before transforms such as amount canonicalisation). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const pathParameters = (path: string) => [...path.matchAll(/:(\w+)/g)].map((match) => match[1]!);

function headerParameter(name: string, description: string) {
  return { name, in: 'header', required: false, schema: { type: 'string' }, description };
}

const CONCURRENCY_HEADERS = {
  read: [headerParameter('If-None-Match', 'ETag seen before; 304 when unchanged')],
  write: [
    headerParameter(
      'If-Match',
      'revisi yang dibaca / the revision read, e.g. "12"; 412 when the stream moved on',
    ),
    headerParameter('Idempotency-Key', 'same key and body → the original answer; other body → 409'),
  ],
};

function operation(endpoint: Endpoint) {
  const problem = {
    description: 'problem',
    content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  return {
    operationId: `${endpoint.method}${endpoint.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    description: `Akses / access: ${Array.isArray(endpoint.access) ? endpoint.access.join(', ') || '(nobody yet)' : endpoint.access}`,
    security:
      endpoint.access === 'public'
        ? []
        : endpoint.access === 'villageNode'
          ? [{ bearer: [] }]
          : [{ bearer: [] }, { sessionCookie: [] }],
    parameters: [
      ...pathParameters(endpoint.path).map((name) => ({
        name,
        in: 'path',
        required: true,
        schema: endpoint.pathValues?.[name]
          ? { type: 'string', enum: endpoint.pathValues[name] }
          : { type: 'string' },
      })),
      ...(endpoint.query ?? []).map((parameter) => ({
        name: parameter.name,
        in: 'query',
        required: parameter.required,
        description: `${parameter.description.id} / ${parameter.description.en}; ${parameter.allowed} (${parameter.usedBy})`,
        schema: jsonSchema(parameter.schema, 'input'),
      })),
      ...(endpoint.concurrency ? CONCURRENCY_HEADERS[endpoint.concurrency] : []),
    ],
    ...(endpoint.body && {
      requestBody: {
        required: true,
        content: { 'application/json': { schema: jsonSchema(endpoint.body, 'input') } },
      },
    }),
    ...(endpoint.uploadField && {
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: [endpoint.uploadField],
              properties: { [endpoint.uploadField]: { type: 'string', format: 'binary' } },
            },
          },
        },
      },
    }),
    responses: {
      [endpoint.status]: {
        description: 'OK',
        ...(endpoint.response && {
          content: { 'application/json': { schema: jsonSchema(endpoint.response, 'output') } },
        }),
        ...(endpoint.download && {
          content: { [endpoint.download]: { schema: { type: 'string', format: 'binary' } } },
        }),
      },
      '4XX': problem,
      '5XX': problem,
    },
  };
}

/** OpenAPI 3.1 from the endpoint list and its zod schemas: nothing is described twice. */
export function openApiDocument(endpoints: readonly Endpoint[], base: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of endpoints) {
    const path = `${base}${openApiPath(endpoint.path)}`;
    paths[path] = { ...paths[path], [endpoint.method]: operation(endpoint) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kasdesa API',
      version: '1',
      description: 'Buku kas desa berbasis peristiwa / event-sourced village finance ledger',
    },
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'kasdesa_session' },
      },
    },
  };
}
