import type { z } from 'zod';
import type { CommandEnvelope, DomainEvent } from './envelope';

/** An event type's current schema version and data schema. */
export interface EventSpec {
  version: number;
  data: z.ZodType;
}

export type CommandsOf<M extends Record<string, z.ZodType>> = {
  [K in keyof M & string]: CommandEnvelope<K, z.infer<M[K]>>;
}[keyof M & string];

export type EventsOf<M extends Record<string, EventSpec>> = {
  [K in keyof M & string]: DomainEvent<K, z.infer<M[K]['data']>>;
}[keyof M & string];
