import type { EventSpec, EventsOf } from '../shared/schema-types';
import { regionCommandSchemas } from './region-commands';

/** Facts of a regency's regions stream: districts and villages added to its reference data. */
export const regionEventSchemas = {
  RegionRegistered: { version: 1, data: regionCommandSchemas.RegisterRegion },
} satisfies Record<string, EventSpec>;

export type RegionEvent = EventsOf<typeof regionEventSchemas>;
