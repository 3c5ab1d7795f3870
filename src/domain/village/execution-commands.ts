import { z } from 'zod';
import {
  businessDate,
  code,
  documentNumber,
  identifier,
  nonNegativeAmount,
  positiveAmount,
  text,
} from '../shared/fields';

/** Payload schemas of the execution commands: receipts, SPP, payments, taxes, cash, closing. */
export const cashAccount = z.enum(['cashOnHand', 'bank']);
export type CashAccount = z.infer<typeof cashAccount>;

const distinct = (values: string[]) => new Set(values).size === values.length;

/** Tax kinds withheld on a line or a piece of evidence, named as in the tax policy. */
const taxKinds = z.array(code).refine(distinct, { message: 'each tax once' }).default([]);

/** Bukti: the receipt or invoice behind a payment (Ta_SPPBukti / Ta_SPJBukti). */
export const evidence = z.strictObject({
  receiptNumber: documentNumber,
  receiptDate: businessDate,
  payee: text,
  address: text,
  bankAccount: z.string().min(1).max(50).optional(),
  bankName: text.optional(),
  npwp: z
    .string()
    .regex(/^\d{15,16}$/, 'expected the 15- or 16-digit NPWP')
    .optional(),
});

const paymentRequestLine = z.strictObject({
  lineId: identifier,
  source: code,
  amount: positiveAmount,
  taxes: taxKinds,
  evidence: evidence.optional(),
});

const taxOverride = z.strictObject({
  lineId: identifier,
  /** On an SPJ: the evidence the override applies to. */
  receiptNumber: documentNumber.optional(),
  tax: code,
  amount: nonNegativeAmount,
  reason: text,
});

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month such as "2025-03"');

export const executionCommandSchemas = {
  RecordReceipt: z.strictObject({
    receiptId: documentNumber,
    date: businessDate,
    account: code,
    source: code,
    amount: positiveAmount,
    into: cashAccount,
    payer: z.strictObject({ name: text, address: text.optional() }),
    description: text,
    /** The regency transfer a transfer receipt answers (SP2D and stage). */
    transfer: z
      .strictObject({ stage: z.number().int().positive(), reference: documentNumber })
      .optional(),
  }),
  DepositCashReceipts: z.strictObject({
    stsId: documentNumber,
    date: businessDate,
    receiptIds: z.array(documentNumber).min(1).refine(distinct, { message: 'each receipt once' }),
  }),
  RecordCashMutation: z
    .strictObject({
      mutationId: documentNumber,
      date: businessDate,
      from: cashAccount,
      to: cashAccount,
      amount: positiveAmount,
      description: text,
    })
    .refine((mutation) => mutation.from !== mutation.to, {
      path: ['to'],
      message: 'a mutation moves money between the two accounts',
    }),
  RecordBankInterest: z.strictObject({
    receiptId: documentNumber,
    date: businessDate,
    amount: positiveAmount,
    bankName: text,
    statementReference: documentNumber,
  }),
  RecordBankFee: z.strictObject({
    feeId: documentNumber,
    date: businessDate,
    amount: positiveAmount,
    lineId: identifier,
    statementReference: documentNumber,
  }),
  DraftPaymentRequest: z.strictObject({
    sppId: documentNumber,
    kind: z.enum(['UM', 'LS', 'PBY']),
    /** The activity paid for; none on a pembiayaan SPP. */
    activityId: identifier.optional(),
    date: businessDate,
    description: text,
    progressReportReference: documentNumber,
    lines: z
      .array(paymentRequestLine)
      .min(1)
      .refine((lines) => distinct(lines.map((line) => line.lineId)), {
        message: 'each budget line once',
      }),
  }),
  SubmitPaymentRequest: z.strictObject({ sppId: documentNumber, date: businessDate }),
  VerifyPaymentRequest: z.strictObject({
    sppId: documentNumber,
    date: businessDate,
    outcome: z.enum(['verified', 'returned']),
    reasons: z.array(text),
  }),
  ApprovePaymentRequest: z.strictObject({
    sppId: documentNumber,
    date: businessDate,
    outcome: z.enum(['approved', 'rejected']),
    reasons: z.array(text),
  }),
  PayPaymentRequest: z
    .strictObject({
      paymentId: documentNumber,
      sppId: documentNumber,
      date: businessDate,
      from: cashAccount,
      transferReference: documentNumber.optional(),
      taxOverrides: z.array(taxOverride).default([]),
    })
    .refine((payment) => payment.from === 'cashOnHand' || payment.transferReference, {
      path: ['transferReference'],
      message: 'a bank transfer needs its reference',
    }),
  AccountPanjar: z.strictObject({
    spjId: documentNumber,
    sppId: documentNumber,
    date: businessDate,
    returnTo: cashAccount,
    lines: z.array(
      z.strictObject({
        lineId: identifier,
        evidence: z.array(evidence.extend({ amount: positiveAmount, taxes: taxKinds })),
      }),
    ),
    taxOverrides: z.array(taxOverride).default([]),
  }),
  DepositTax: z.strictObject({
    depositId: documentNumber,
    tax: code,
    date: businessDate,
    amount: positiveAmount,
    from: cashAccount,
    /** Absent on a deposit imported from Siskeudes: Ta_Pajak keeps the NTPN, not the billing code. */
    billingCode: z
      .string()
      .regex(/^\d{15}$/, 'expected the 15-digit billing code')
      .optional(),
    ntpn: z.string().regex(/^[0-9A-Z]{16}$/, 'expected the 16-character NTPN'),
  }),
  ReverseEntry: z.strictObject({
    reversalId: documentNumber,
    entryId: documentNumber,
    date: businessDate,
    reason: text,
  }),
  CloseMonth: z.strictObject({
    month,
    date: businessDate,
    cashCount: nonNegativeAmount,
    bankBalance: nonNegativeAmount,
    note: text.optional(),
  }),
  CloseFiscalYear: z.strictObject({ date: businessDate }),
};
