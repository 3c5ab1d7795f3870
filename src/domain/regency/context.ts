import type { ReferenceData } from '../reference/reference-data';

/** What a regency decision needs besides its own state; the app supplies it. */
export interface RegencyContext {
  regencyCode: string;
  fiscalYear: number;
  reference: ReferenceData;
}
