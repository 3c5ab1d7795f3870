import { z } from 'zod';

const metres = z.number().positive().max(100_000);
const percentStep = z.number().int().min(0).max(100);

/**
 * The regency's monitoring policy: which progress steps need photos, how
 * near a project must lie to its village, how duplicates are told apart and
 * whether payments wait for progress. Regency configuration, because
 * regencies set these in their own Perbup (docs/domain.md, "Project monitoring").
 */
export const monitoringPolicySchema = z.strictObject({
  /** A report reaching one of these percentages (0 = the first report) must carry a photo. */
  photoSteps: z.array(percentStep).max(101).default([0, 50, 100]),
  /** Off by default: a later tranche's SPP needs this much progress when set. */
  disbursementGate: z
    .union([z.literal('off'), z.strictObject({ percent: percentStep })])
    .default('off'),
  /** Off by default: when on, an open duplicate suspicion stops every SPP of its later project. */
  suspicionBlocksPayment: z.boolean().default(false),
  /** How far outside a known village boundary a position may lie (GPS error, a road to the border). */
  villageMarginMetres: metres.default(500),
  /** How far from a known village centre (no boundary) a position may lie. */
  villageCentreRadiusMetres: metres.default(5_000),
  /** A line may be this much longer or shorter than its stated volume in metres … */
  lineLengthTolerancePercent: z.number().min(0).max(100).default(30),
  /** … and never less than this, for short works drawn by hand. */
  lineLengthSlackMetres: metres.default(25),
  /** A photo taken farther than this from the project is flagged. */
  photoDistanceMaxMetres: metres.default(500),
  /** A photo taken this many days or more before its report is flagged. */
  photoAgeMaxDays: z.number().int().min(0).max(3_650).default(14),
  duplicates: z
    .strictObject({
      /** Points (and anything against a point or an area) this close are suspect. */
      pointMetres: metres.default(50),
      /** Lines are compared within a buffer this wide … */
      lineBufferMetres: metres.default(25),
      /** … and are suspect when this share of either lies within the other's buffer. */
      lineOverlapPercent: z.number().min(0).max(100).default(20),
      /** Lines are sampled this often along their length. */
      lineSampleMetres: metres.default(5),
      /** Projects this many fiscal years apart are still compared. */
      yearWindow: z.number().int().min(0).max(10).default(1),
    })
    .default({
      pointMetres: 50,
      lineBufferMetres: 25,
      lineOverlapPercent: 20,
      lineSampleMetres: 5,
      yearWindow: 1,
    }),
});

export type MonitoringPolicy = z.infer<typeof monitoringPolicySchema>;
export type DuplicateThresholds = MonitoringPolicy['duplicates'];

export const DEFAULT_MONITORING_POLICY: MonitoringPolicy = monitoringPolicySchema.parse({});
