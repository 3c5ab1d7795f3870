import { z } from 'zod';
import {
  businessDate,
  code,
  documentNumber,
  identifier,
  positiveAmount,
  text,
} from '../shared/fields';
import { cashAccount } from './execution-commands';

/** The document behind a financing entry: the Perdes, sale deed or transfer slip it rests on. */
const financingEvidence = z.strictObject({
  documentNumber,
  documentDate: businessDate,
  description: text,
});

const financingEntry = {
  financingId: documentNumber,
  date: businessDate,
  /** The APBDes financing line realised. */
  lineId: identifier,
  account: code,
  source: code,
  amount: positiveAmount,
  evidence: financingEvidence,
};

/** Financing receipts (6.1.x other than SiLPA) and expenditures (6.2.x), booked directly. */
export const financingCommandSchemas = {
  RecordFinancingReceipt: z.strictObject({ ...financingEntry, into: cashAccount }),
  RecordFinancingExpenditure: z.strictObject({ ...financingEntry, from: cashAccount }),
};

export const financingEventSchemas = {
  FinancingReceiptRecorded: { version: 1, data: financingCommandSchemas.RecordFinancingReceipt },
  FinancingExpenditureRecorded: {
    version: 1,
    data: financingCommandSchemas.RecordFinancingExpenditure,
  },
};
