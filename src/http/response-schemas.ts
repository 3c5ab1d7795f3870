import { z } from 'zod';

/** Revisions are decimal text: they are bigints and may pass 2^53. */
const revisionText = z.string().regex(/^-?\d+$/);

export const recordedEventSchema = z.object({
  type: z.string(),
  revision: revisionText,
  data: z.record(z.string(), z.unknown()),
  metadata: z.record(z.string(), z.unknown()),
});

export const commandResultSchema = z.object({
  streamId: z.string(),
  commandId: z.string(),
  /** The stream's revision after the command: the new ETag. */
  revision: revisionText,
  /** Global position of the command's last event: pass it as `?after=` to a report to see this write. */
  position: revisionText,
  events: z.array(recordedEventSchema),
});

export const streamStateSchema = z.object({
  streamId: z.string(),
  revision: revisionText,
  state: z.record(z.string(), z.unknown()),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string(),
  rule: z.string(),
  field: z.string(),
  value: z.string(),
  messages: z.object({ id: z.string(), en: z.string() }),
  requestId: z.string().optional(),
});
