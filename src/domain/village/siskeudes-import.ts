import { z } from 'zod';
import type { AreaEvolvers } from '../shared/decider';
import { amountText } from '../shared/fields';
import type { VillageEvent } from './events';
import type { VillageState } from './state';

/**
 * The batch record of a Siskeudes import: which file, which version, when and
 * (in its metadata's actor) by whom. It changes no figure; the imported
 * events after it do, each naming the row it books.
 */
export const siskeudesImportEventSchemas = {
  SiskeudesImportRecorded: {
    version: 1,
    data: z.strictObject({
      fileName: z.string().min(1).max(255),
      fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
      siskeudesVersion: z.string().min(1),
      /** The village's Kd_Desa in the file. */
      kdDesa: z.string().min(1),
      importedAt: z.iso.datetime(),
      /** Imported events, flags included: the year's opening before this record, the rest after it. */
      eventCount: z.number().int().nonnegative(),
      rowCounts: z.record(z.string(), z.number().int().nonnegative()),
    }),
  },
  /**
   * The import's check of itself, last in its append: the Laporan Realisasi of
   * the imported events against the realisation worked out from the Siskeudes
   * tables alone, per account. No figure changes; a difference is listed.
   */
  SiskeudesReconciliationRecorded: {
    version: 1,
    data: z.strictObject({
      fileSha256: z.string().regex(/^[0-9a-f]{64}$/),
      reconciled: z.boolean(),
      differences: z.array(
        z.strictObject({
          section: z.enum(['revenue', 'spending', 'financingReceipts', 'financingExpenditures']),
          kegiatan: z.string().min(1).optional(),
          account: z.string().min(1),
          figure: z.enum(['budget', 'realised']),
          siskeudes: amountText,
          kasdesa: amountText,
          difference: amountText,
        }),
      ),
      uncounted: z.array(
        z.strictObject({ table: z.string().min(1), rows: z.number().int().positive() }),
      ),
    }),
  },
  /**
   * Imported history Kasdesa's rules would refuse as a new transaction (an
   * overspent line, an unbalanced budget, cash spent before it came in): the
   * events just before it, of the same command, are booked as Siskeudes has
   * them, and this flags them with every rule they break and why.
   */
  ImportedHistoryFlagged: {
    version: 1,
    data: z.strictObject({
      /** The command whose events are flagged, and the Siskeudes row it books. */
      commandType: z.string().min(1),
      table: z.string().min(1),
      row: z.number().int().nonnegative(),
      naturalKey: z.string().min(1),
      exceptions: z
        .array(
          z.strictObject({
            rule: z.string().min(1),
            field: z.string(),
            value: z.string(),
            messages: z.strictObject({ id: z.string().min(1), en: z.string().min(1) }),
          }),
        )
        .min(1),
    }),
  },
};

export const siskeudesImportEvolvers: AreaEvolvers<
  VillageEvent,
  VillageState,
  'SiskeudesImportRecorded' | 'SiskeudesReconciliationRecorded' | 'ImportedHistoryFlagged'
> = {
  SiskeudesImportRecorded: (state) => state,
  SiskeudesReconciliationRecorded: (state) => state,
  ImportedHistoryFlagged: (state) => state,
};
