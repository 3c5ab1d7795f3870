import { z } from 'zod';
import { code, positiveAmount } from '../shared/fields';
import type { EventSpec, EventsOf } from '../shared/schema-types';
import {
  PROJECT_CHANNELS,
  photoEvidenceSchema,
  projectCommandSchemas,
  projectIdSchema,
} from './project-commands';

/** Why a photo deserves a second look; flagged, never refused (docs/domain.md, "Project monitoring"). */
export const PHOTO_FLAGS = [
  'far',
  'old',
  'after-report',
  'no-time',
  'no-position',
  'reused',
] as const;
export type PhotoFlag = (typeof PHOTO_FLAGS)[number];

const registered = projectCommandSchemas.RegisterVillageProject.extend({
  channel: z.enum(PROJECT_CHANNELS),
});
export type RegisteredProject = z.infer<typeof registered>;

const reportFields = projectCommandSchemas.ReportProgress.omit({
  projectId: true,
  photos: true,
}).shape;
const correctionFields = projectCommandSchemas.CorrectProgress.omit({ projectId: true }).shape;

const decimalText = z.string().regex(/^\d+(\.\d+)?$/);

/** One side of a suspected pair: where, when and from which money. */
const suspectSide = z.strictObject({
  projectId: projectIdSchema,
  villageCode: z.string(),
  fiscalYear: z.number().int(),
  channel: z.enum(PROJECT_CHANNELS),
  title: z.string(),
  budget: z.array(z.strictObject({ fundSource: code, amount: positiveAmount })),
});

export const duplicateEvidenceSchema = z.strictObject({
  /** `near`: points or areas within the distance; `overlap`: lines sharing a stretch. */
  kind: z.enum(['near', 'overlap']),
  /** The closest the two come, metres with one decimal. */
  distanceMetres: decimalText,
  /** For lines: the larger share of either lying within the other's buffer, percent with one decimal. */
  overlapPercent: decimalText.optional(),
  thresholdMetres: decimalText,
  project: suspectSide,
  other: suspectSide,
});
export type DuplicateEvidence = z.infer<typeof duplicateEvidenceSchema>;

/**
 * Facts of one project's stream; the three suspicion facts are now recorded on
 * the regency's duplicates stream (duplicate-decider.ts), and stay here for
 * the project streams that recorded them before.
 */
export const projectEventSchemas = {
  ProjectRegistered: { version: 1, data: registered },
  ProgressReported: {
    version: 1,
    data: z.strictObject({
      ...reportFields,
      photos: z.array(
        photoEvidenceSchema.extend({
          /** From the photo's EXIF position to the project, metres with one decimal. */
          distanceMetres: decimalText.optional(),
          flags: z.array(z.enum(PHOTO_FLAGS)),
        }),
      ),
    }),
  },
  ProgressCorrected: {
    version: 1,
    data: z.strictObject({ ...correctionFields, previousPercent: z.number() }),
  },
  DuplicateSuspected: {
    version: 1,
    data: z.strictObject({ suspicionId: z.string(), evidence: duplicateEvidenceSchema }),
  },
  DuplicateSuspicionCleared: {
    version: 1,
    data: z.strictObject({ suspicionId: z.string(), reason: z.string() }),
  },
  DuplicateSuspicionConfirmed: {
    version: 1,
    data: z.strictObject({ suspicionId: z.string(), reason: z.string() }),
  },
} satisfies Record<string, EventSpec>;

export type ProjectEvent = EventsOf<typeof projectEventSchemas>;
export type ReportedPhoto = z.infer<
  typeof projectEventSchemas.ProgressReported.data
>['photos'][number];
