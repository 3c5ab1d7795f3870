import { z } from 'zod';
import { amountText, code } from '../shared/fields';
import type { EventsOf } from '../shared/schema-types';
import { regencyCommandSchemas as commands } from './commands';

/** Every regency fiscal-year event: its current schema version and data schema. */
export const regencyEventSchemas = {
  RegencyFiscalYearOpened: {
    version: 1,
    data: z.strictObject({ regencyCode: code, fiscalYear: z.number().int() }),
  },
  AllocationSet: { version: 1, data: commands.SetAllocation },
  AllocationRevised: {
    version: 1,
    data: commands.SetAllocation.extend({ previousAmount: amountText }),
  },
  DanaDesaStagesPlanned: {
    version: 1,
    data: z.strictObject({
      villageCode: code,
      source: code,
      villageStatus: z.string().min(1),
      stages: z.array(
        z.strictObject({
          stage: z.number().int().positive(),
          earmark: code,
          percent: z.string().min(1),
          amount: amountText,
        }),
      ),
    }),
  },
  TransferSent: { version: 1, data: commands.SendTransfer },
  ApbdesEvaluated: { version: 1, data: commands.RecordApbdesEvaluation },
};

export type RegencyEvent = EventsOf<typeof regencyEventSchemas>;
export type RegencyEventOf<T extends RegencyEvent['type']> = Extract<RegencyEvent, { type: T }>;
