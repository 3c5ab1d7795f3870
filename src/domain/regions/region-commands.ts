import { z } from 'zod';
import { villageStatusSchema } from '../reference/row-schemas';
import { regionCodeSchema } from '../shared/region-codes';
import type { CommandsOf } from '../shared/schema-types';
import { REGION_BOUNDARY_POSITIONS_MAX } from '../../limits';

const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

/** GeoJSON order (RFC 7946): longitude first, WGS84. */
const position = z.tuple([longitude, latitude]);

/** A closed ring: at least four positions, the last equal to the first (RFC 7946 §3.1.6). */
const linearRing = z
  .array(position)
  .min(4)
  .max(REGION_BOUNDARY_POSITIONS_MAX)
  .refine((ring) => {
    const [first, last] = [ring[0], ring.at(-1)];
    return (
      first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1]
    );
  }, 'expected a closed ring: the last position equal to the first');

/** A GeoJSON Polygon in WGS84: the outer ring, then any holes. */
export const boundarySchema = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(linearRing).min(1).max(REGION_BOUNDARY_POSITIONS_MAX),
});

/** The centre as people read it off a map: `[latitude, longitude]`, WGS84. */
export const centreSchema = z.tuple([latitude, longitude]);

const regionName = z.string().trim().min(1).max(100);

/** Payload schema of every command of a regency's regions stream. */
export const regionCommandSchemas = {
  RegisterRegion: z.discriminatedUnion('level', [
    z.strictObject({
      level: z.literal('district'),
      code: regionCodeSchema('district'),
      name: regionName,
      centre: centreSchema.optional(),
      boundary: boundarySchema.optional(),
    }),
    z.strictObject({
      level: z.literal('village'),
      code: regionCodeSchema('village'),
      name: regionName,
      /** Absent: the Dana Desa stage split of villages without a status row applies. */
      status: villageStatusSchema.optional(),
      centre: centreSchema.optional(),
      boundary: boundarySchema.optional(),
    }),
  ]),
};

export type RegionCommand = CommandsOf<typeof regionCommandSchemas>;
export type RegisteredRegion = z.infer<typeof regionCommandSchemas.RegisterRegion>;
