import { z } from 'zod';

/** Who acts: recorded on every event. */
export const actorSchema = z.object({
  id: z.string().min(1),
  role: z.string().min(1),
  displayName: z.string().min(1),
});
export type Actor = z.infer<typeof actorSchema>;

export interface CommandEnvelope<T extends string = string, P = unknown> {
  /** Client-chosen; a retry with the same id and content has no second effect. */
  commandId: string;
  type: T;
  payload: P;
  actor: Actor;
}

/** Where an imported event comes from: the file, its Siskeudes version, and the row it books. */
export const lineageSchema = z.object({
  source: z.literal('siskeudes'),
  fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
  siskeudesVersion: z.string().min(1),
  table: z.string().min(1),
  /** 1-based among the table's data rows in the file; 0 when a whole table made the event. */
  row: z.number().int().nonnegative(),
  naturalKey: z.string().min(1),
});
export type Lineage = z.infer<typeof lineageSchema>;

export const eventMetadataSchema = z.object({
  schemaVersion: z.number().int().positive(),
  commandId: z.string().min(1),
  commandFingerprint: z.string().min(1),
  actor: actorSchema,
  businessDate: z.iso.date().optional(),
  /** Only on imported events. */
  lineage: lineageSchema.optional(),
});
export type EventMetadata = z.infer<typeof eventMetadataSchema>;

export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
  metadata: EventMetadata;
}

/** What a command handler decides: an event without the metadata the decider stamps on. */
export type Fact<E extends DomainEvent> =
  E extends DomainEvent<infer T, infer D> ? { type: T; data: D; businessDate?: string } : never;
