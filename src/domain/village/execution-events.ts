import { z } from 'zod';
import { amountText, businessDate, code, documentNumber, identifier, text } from '../shared/fields';
import { cashAccount, evidence, executionCommandSchemas as commands } from './execution-commands';

/** Execution events: what was received, paid, withheld, deposited, moved, reversed and closed. */
const withholding = z.strictObject({
  lineId: identifier,
  receiptNumber: documentNumber.optional(),
  tax: code,
  base: amountText,
  ratePercent: z.string().min(1),
  amount: amountText,
  pfkAccount: code,
  /** Present when the computed amount was overridden. */
  overrideReason: text.optional(),
});
export type Withholding = z.infer<typeof withholding>;

const paidLine = z.strictObject({
  lineId: identifier,
  source: code,
  account: code,
  amount: amountText,
  taxes: z.array(code),
  evidence: evidence.optional(),
});

const accountedLine = z.strictObject({
  lineId: identifier,
  source: code,
  account: code,
  advanced: amountText,
  spent: amountText,
  remainder: amountText,
  evidence: z.array(evidence.extend({ amount: amountText, taxes: z.array(code) })),
});

const balances = z.strictObject({ cashOnHand: amountText, bank: amountText });
const decision = z.strictObject({ sppId: documentNumber, date: businessDate });

export const executionEventSchemas = {
  RevenueReceived: { version: 1, data: commands.RecordReceipt },
  CashReceiptsDeposited: {
    version: 1,
    data: commands.DepositCashReceipts.extend({ amount: amountText }),
  },
  CashMutated: { version: 1, data: commands.RecordCashMutation },
  BankFeeCharged: {
    version: 1,
    data: commands.RecordBankFee.extend({ account: code, source: code }),
  },
  CashOnHandLimitExceeded: {
    version: 1,
    data: z.strictObject({
      entryId: documentNumber,
      date: businessDate,
      balance: amountText,
      limit: amountText,
    }),
  },
  PaymentRequestDrafted: {
    version: 1,
    data: commands.DraftPaymentRequest.extend({
      lines: z.array(paidLine),
      total: amountText,
    }),
  },
  PaymentRequestSubmitted: { version: 1, data: decision },
  PaymentRequestVerified: { version: 1, data: decision.extend({ verifiedBy: identifier }) },
  PaymentRequestReturned: { version: 1, data: decision.extend({ reasons: z.array(text).min(1) }) },
  PaymentRequestApproved: { version: 1, data: decision.extend({ approvedBy: identifier }) },
  PaymentRequestRejected: { version: 1, data: decision.extend({ reasons: z.array(text).min(1) }) },
  PaymentRequestPaid: {
    version: 1,
    data: z.strictObject({
      paymentId: documentNumber,
      sppId: documentNumber,
      kind: z.enum(['UM', 'LS', 'PBY']),
      date: businessDate,
      from: cashAccount,
      transferReference: documentNumber.optional(),
      lines: z.array(paidLine),
      withholdings: z.array(withholding),
      gross: amountText,
      withheld: amountText,
      net: amountText,
    }),
  },
  PanjarAccounted: {
    version: 1,
    data: z.strictObject({
      spjId: documentNumber,
      sppId: documentNumber,
      /** The panjar payment this SPJ accounts for. */
      paymentId: documentNumber,
      date: businessDate,
      returnTo: cashAccount,
      lines: z.array(accountedLine),
      withholdings: z.array(withholding),
      /** Unspent remainder plus the taxes the PKA withheld, handed back to the treasurer. */
      returned: amountText,
    }),
  },
  TaxDeposited: { version: 1, data: commands.DepositTax },
  EntryReversed: {
    version: 1,
    data: commands.ReverseEntry.extend({ entryType: z.string().min(1) }),
  },
  MonthClosed: {
    version: 1,
    data: commands.CloseMonth.extend({ booked: balances, difference: balances }),
  },
  FiscalYearClosed: {
    version: 1,
    data: commands.CloseFiscalYear.extend({
      balances,
      silpa: z.array(z.strictObject({ source: code, amount: amountText })),
      taxPayable: z.array(z.strictObject({ tax: code, amount: amountText })),
    }),
  },
};
