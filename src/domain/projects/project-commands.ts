import { z } from 'zod';
import { centreSchema } from '../regions/region-commands';
import { businessDate, code, positiveAmount, quantityText, text } from '../shared/fields';
import { regionCodeSchema } from '../shared/region-codes';
import type { CommandsOf } from '../shared/schema-types';
import { PROJECT_BUDGET_SOURCES_MAX, PROJECT_PHOTOS_PER_REPORT_MAX } from '../../limits';
import { projectGeometrySchema } from './geometry';

/** Lowercase letters, digits and dashes: a project id is part of its stream's id. */
export const projectIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'expected lowercase letters, digits and dashes, e.g. "jalan-dusun-krajan-2025"',
  );

/** Output families compared for duplicates: a road is never a duplicate of a well. */
export const OUTPUT_FAMILIES = [
  'road',
  'drainage',
  'irrigation',
  'bridge',
  'building',
  'water',
  'sanitation',
  'other',
] as const;

/** Units of a project's volume; metres and kilometres are checked against a line's length. */
export const PROJECT_UNITS = ['m', 'km', 'm2', 'm3', 'ha', 'unit', 'titik', 'paket'] as const;
export const LENGTH_UNIT_METRES: Partial<Record<(typeof PROJECT_UNITS)[number], number>> = {
  m: 1,
  km: 1_000,
};

/** Who pays and who registers: a village's APBDes, or the regency's APBD or a DPRD aspiration fund. */
export const PROJECT_CHANNELS = ['apbdes', 'apbd', 'aspiration'] as const;
export type ProjectChannel = (typeof PROJECT_CHANNELS)[number];

/** Swakelola through the TPK, or a provider (penyedia) by tender or direct purchase. */
export const PROCUREMENT_METHODS = ['swakelola', 'penyedia'] as const;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 as 64 lowercase hex digits');
const percent = z.number().min(0).max(100);
const realisedVolume = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,4})?$/, 'expected a quantity such as "0", "12" or "2.5"');
const count = z.number().int().min(0).max(100_000);

const project = {
  projectId: projectIdSchema,
  /** The village the object lies in, whoever pays for it. */
  villageCode: regionCodeSchema('village'),
  fiscalYear: z.number().int().min(2000).max(2100),
  kegiatanCode: code,
  title: text,
  outputType: code,
  outputFamily: z.enum(OUTPUT_FAMILIES),
  volume: quantityText,
  unit: z.enum(PROJECT_UNITS),
  geometry: projectGeometrySchema,
  location: z.strictObject({
    dusun: z.string().trim().min(1).max(100),
    rt: z.string().trim().min(1).max(20).optional(),
  }),
  budget: z
    .array(z.strictObject({ fundSource: code, amount: positiveAmount }))
    .min(1)
    .max(PROJECT_BUDGET_SOURCES_MAX),
  implementer: text,
  procurementMethod: z.enum(PROCUREMENT_METHODS),
  plannedStart: businessDate,
  plannedEnd: businessDate,
};

/**
 * What the server read from one uploaded photo: its content hash and, when
 * the EXIF has them, the local time and position it was taken at. Never
 * typed by the client: the upload endpoint fills it in.
 */
export const photoEvidenceSchema = z.strictObject({
  sha256,
  /** The camera's local time, `YYYY-MM-DDTHH:mm:ss`, as EXIF DateTimeOriginal records it. */
  takenAt: z.iso.datetime({ local: true }).optional(),
  position: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).optional(),
});
export type PhotoEvidence = z.infer<typeof photoEvidenceSchema>;

const progress = {
  projectId: projectIdSchema,
  reportDate: businessDate,
  percent,
  realisedVolume,
  workers: count,
  workingDays: count,
  photos: z.array(photoEvidenceSchema).max(PROJECT_PHOTOS_PER_REPORT_MAX).default([]),
};

const reason = z.string().trim().min(10).max(500);

/** Payload schema of every project command: a project's own stream's, and the regency's duplicates stream's. */
export const projectCommandSchemas = {
  /** A village's APBDes activity output, registered by the village. */
  RegisterVillageProject: z.strictObject({ ...project, channel: z.literal('apbdes') }),
  /** An APBD or aspiration project in a village, registered by the regency so both sides are compared. */
  RegisterRegencyProject: z.strictObject({
    ...project,
    channel: z.enum(['apbd', 'aspiration']),
  }),
  ReportProgress: z.strictObject(progress),
  /** The only way progress goes down: a wrong earlier report, with the reason. */
  CorrectProgress: z.strictObject({
    projectId: projectIdSchema,
    reportDate: businessDate,
    percent,
    realisedVolume,
    reason,
  }),
  /**
   * Compares a registered project again with those registered before it: a
   * regency-wide scan catches two projects registered at the same moment, and
   * pairs a changed policy now makes suspect.
   */
  CheckDuplicates: z.strictObject({ projectId: projectIdSchema }),
  ClearDuplicateSuspicion: z.strictObject({
    projectId: projectIdSchema,
    suspicionId: z.string().min(1).max(100),
    reason,
  }),
  ConfirmDuplicateSuspicion: z.strictObject({
    projectId: projectIdSchema,
    suspicionId: z.string().min(1).max(100),
    reason,
  }),
};

export type ProjectCommand = CommandsOf<typeof projectCommandSchemas>;
export type RegisterProjectPayload = z.infer<
  | typeof projectCommandSchemas.RegisterVillageProject
  | typeof projectCommandSchemas.RegisterRegencyProject
>;

/** A village's known whereabouts, from the registered regions. */
export interface VillageArea {
  centre?: z.infer<typeof centreSchema>;
  boundary?: { type: 'Polygon'; coordinates: number[][][] };
}
