import { z } from 'zod';
import { DomainError } from './domain-error';
import { actorSchema, type CommandEnvelope } from './envelope';

const envelopeSchema = z.object({
  commandId: z.string().min(1).max(100),
  type: z.string().min(1),
  payload: z.unknown(),
  actor: actorSchema,
});

/** Validates an untrusted command at the boundary; a malformed one is a COMMAND_SCHEMA error. */
export function parseCommand<M extends Record<string, z.ZodType>>(
  schemas: M,
  raw: unknown,
): CommandEnvelope | DomainError {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return schemaError(envelope.error, raw);
  const schema = Object.hasOwn(schemas, envelope.data.type)
    ? schemas[envelope.data.type]
    : undefined;
  if (!schema) return new DomainError('COMMAND_SCHEMA', 'type', envelope.data.type);
  const payload = schema.safeParse(envelope.data.payload);
  if (!payload.success) return schemaError(payload.error, envelope.data.payload, 'payload');
  return { ...envelope.data, payload: payload.data };
}

function schemaError(error: z.ZodError, input: unknown, prefix?: string): DomainError {
  const issue = error.issues[0];
  const path = issue?.path ?? [];
  const field = [prefix, ...path.map(String)].filter(Boolean).join('.') || '(root)';
  const value = valueAt(input, path);
  const detail = issue?.message ?? 'invalid';
  return new DomainError(
    'COMMAND_SCHEMA',
    field,
    value === undefined ? '' : String(JSON.stringify(value)),
    {
      id: detail,
      en: detail,
    },
  );
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      current !== null && typeof current === 'object'
        ? (current as Record<PropertyKey, unknown>)[key]
        : undefined,
    input,
  );
}
