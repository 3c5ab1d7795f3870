import type { BilingualText } from '../../domain/shared/domain-error';
import { villageStreamId } from '../../domain/village/decider';
import { StreamNotFoundError } from '../../eventstore/errors';
import type { EventStore } from '../../eventstore/port';

/** One imported Siskeudes row booked although Kasdesa's rules would refuse it as a new transaction. */
export interface ImportedException {
  commandType: string;
  table: string;
  row: number;
  naturalKey: string;
  /** The business date of the flagged events, when they have one. */
  date?: string;
  exceptions: { rule: string; field: string; value: string; messages: BilingualText }[];
}

type Flag = Omit<ImportedException, 'date'>;

/** The flagged exceptions among a village-year's events, in stream order. */
export function flaggedExceptions(
  events: Iterable<{ type: string; data: unknown; metadata: Record<string, unknown> }>,
): ImportedException[] {
  return [...events]
    .filter((event) => event.type === 'ImportedHistoryFlagged')
    .map((event) => {
      const date = event.metadata.businessDate;
      return { ...(event.data as Flag), ...(typeof date === 'string' ? { date } : {}) };
    });
}

/** A village-year's flagged exceptions as stored: what an auditor or the regency lists. */
export async function villageYearExceptions(
  store: EventStore,
  villageCode: string,
  fiscalYear: number,
): Promise<ImportedException[]> {
  try {
    return flaggedExceptions(await store.readStream(villageStreamId(villageCode, fiscalYear)));
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}
