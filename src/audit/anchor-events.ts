import { z } from 'zod';
import type { EventSpec } from '../domain/shared/schema-types';

/** The stream where a regency's anchors are kept. */
export function auditStreamId(regencyCode: string): string {
  return `audit-${regencyCode}`;
}

export const AUDIT_STREAM_PREFIX = 'audit-';

const headSchema = z.object({
  stream: z.string().min(1),
  revision: z.string().regex(/^\d+$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AnchoredHead = z.infer<typeof headSchema>;

export const anchorEventSchemas = {
  StreamHeadsAnchored: {
    version: 1,
    data: z.object({
      /** Covered streams: every stream whose id starts with one of these. */
      streamPrefixes: z.array(z.string()),
      heads: z.array(headSchema),
    }),
  },
} satisfies Record<string, EventSpec>;

export type StreamHeadsAnchored = z.infer<
  (typeof anchorEventSchemas)['StreamHeadsAnchored']['data']
>;
