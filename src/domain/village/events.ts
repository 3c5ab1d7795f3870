import { z } from 'zod';
import { amountText, businessDate, code, documentNumber, identifier, text } from '../shared/fields';
import type { EventsOf } from '../shared/schema-types';
import { villageCommandSchemas as commands } from './commands';
import { executionEventSchemas } from './execution-events';
import { financingEventSchemas } from './financing-commands';
import { budgetLine } from './lines';
import { siskeudesImportEventSchemas } from './siskeudes-import';

const versionLabel = z.string().min(1);

const openingFigures = commands.ProposeOpeningCorrection.pick({
  openingBalances: true,
  silpa: true,
  taxPayable: true,
});

/** Every village fiscal-year event: its current schema version and data schema. */
export const villageEventSchemas = {
  VillageFiscalYearOpened: {
    version: 1,
    data: commands.OpenVillageFiscalYear.extend({
      villageCode: code,
      fiscalYear: z.number().int(),
      /** The previous year's closing this opening carries over, when the ledger holds it. */
      carriedFrom: z
        .strictObject({
          streamId: z.string().min(1),
          revision: z.number().int().nonnegative(),
          eventId: z.string().min(1),
        })
        .optional(),
    }),
  },
  RkpdesActivityPlanned: {
    version: 1,
    data: commands.PlanRkpdesActivity.extend({ bidangCode: code }),
  },
  ApbdesDraftStarted: { version: 1, data: z.strictObject({}) },
  ApbdesAmendmentStarted: {
    version: 1,
    data: commands.StartApbdesAmendment.extend({ basedOn: versionLabel }),
  },
  ApbdesLineDrafted: { version: 1, data: z.strictObject({ line: budgetLine }) },
  ApbdesLineRemoved: { version: 1, data: commands.RemoveApbdesLine },
  ApbdesSubmittedToBpd: { version: 1, data: commands.SubmitApbdesToBpd },
  ApbdesAgreedByBpd: { version: 1, data: commands.RecordBpdAgreement },
  ApbdesSubmittedForEvaluation: { version: 1, data: commands.SubmitApbdesForEvaluation },
  ApbdesEvaluationApproved: {
    version: 1,
    data: z.strictObject({ date: businessDate, reference: text }),
  },
  ApbdesCorrectionsRequested: {
    version: 1,
    data: z.strictObject({
      date: businessDate,
      reference: text,
      remarks: z.array(z.strictObject({ lineId: identifier, remark: text })).min(1),
    }),
  },
  ApbdesEnacted: {
    version: 1,
    data: commands.EnactApbdes.extend({
      label: versionLabel,
      sequence: z.number().int().positive(),
      kind: z.enum(['original', 'amendment']),
    }),
  },
  ApbdesElaborated: {
    version: 1,
    data: commands.ElaborateApbdes.extend({ label: versionLabel }),
  },
  EmergencyRecorded: { version: 1, data: commands.RecordEmergency },
  PerkadesChangeEnacted: {
    version: 1,
    data: commands.EnactPerkadesChange.extend({
      label: versionLabel,
      sequence: z.number().int().positive(),
      lines: z.array(budgetLine),
    }),
  },
  AllocationDifferenceRecorded: {
    version: 1,
    data: commands.RecordAllocationDifference.extend({ allocatedAmount: amountText }),
  },
  ...executionEventSchemas,
  ...financingEventSchemas,
  ActualSilpaRecorded: { version: 1, data: commands.RecordActualSilpa },
  OpeningCorrectionProposed: {
    version: 1,
    data: commands.ProposeOpeningCorrection.extend({ proposedBy: identifier }),
  },
  OpeningCorrectionReturned: {
    version: 1,
    data: z.strictObject({
      correctionId: documentNumber,
      date: businessDate,
      reasons: z.array(text).min(1),
    }),
  },
  /** The opening's figures before and after: the history keeps both. */
  OpeningCorrected: {
    version: 1,
    data: z.strictObject({
      correctionId: documentNumber,
      date: businessDate,
      reason: text,
      proposedBy: identifier,
      verifiedBy: identifier,
      before: openingFigures,
      after: openingFigures,
    }),
  },
  ...siskeudesImportEventSchemas,
};

export type VillageEvent = EventsOf<typeof villageEventSchemas>;
export type VillageEventOf<T extends VillageEvent['type']> = Extract<VillageEvent, { type: T }>;
