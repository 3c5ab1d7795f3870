import { commandDraft, type CommandDraft } from './scenario-step';

/** The commands of a village's execution (and the regency's transfers), one builder per command. */

type CashAccount = 'cashOnHand' | 'bank';

export interface Transfer {
  villageCode: string;
  source: string;
  stage: number;
  amount: string;
  date: string;
  reference: string;
}

export const transferCommand = (
  { villageCode, source, stage, amount, date, reference }: Transfer,
  key = `transfer-${villageCode}-${source}-${stage}`,
) => commandDraft('SendTransfer', key, { villageCode, source, stage, amount, date, reference });

export interface Receipt {
  receiptId: string;
  date: string;
  account: string;
  source: string;
  amount: string;
  into?: CashAccount;
  payer: string;
  description?: string;
  /** The regency transfer the receipt answers (required for Dana Desa). */
  transfer?: { stage: number; reference: string };
}

export const receiptCommand = (receipt: Receipt): CommandDraft =>
  commandDraft('RecordReceipt', receipt.receiptId, {
    receiptId: receipt.receiptId,
    date: receipt.date,
    account: receipt.account,
    source: receipt.source,
    amount: receipt.amount,
    into: receipt.into ?? 'bank',
    payer: { name: receipt.payer },
    description: receipt.description ?? `Penerimaan ${receipt.source}`,
    ...(receipt.transfer ? { transfer: receipt.transfer } : {}),
  });

/** Who a piece of evidence is from: the payee and where the money goes. */
export interface Payee {
  payee: string;
  address: string;
  bankAccount: string;
  bankName: string;
  npwp: string;
}

const VILLAGE_CONTRACTOR: Payee = {
  payee: 'CV Karya Desa Mandiri',
  address: 'Jl. Raya Desa 12',
  bankAccount: '0011223344',
  bankName: 'Bank Jatim',
  npwp: '012345678901234',
};

/** A piece of evidence (kuitansi, nota) of a payee. */
export const evidence = (
  receiptNumber: string,
  receiptDate: string,
  payee = VILLAGE_CONTRACTOR,
) => ({
  receiptNumber,
  receiptDate,
  ...payee,
});

export interface PaymentRequestLine {
  lineId: string;
  source: string;
  amount: string;
  taxes?: string[];
  /** The line's evidence (not for a panjar); one kuitansi of the SPP unless given. */
  evidence?: ReturnType<typeof evidence>;
}

export interface PaymentRequest {
  sppId: string;
  kind: 'UM' | 'LS' | 'PBY';
  /** None for a pembiayaan (PBY) SPP. */
  activityId?: string;
  date: string;
  description?: string;
  lines: PaymentRequestLine[];
}

/** An SPP drafted by the PKA: UM (panjar) lines carry no evidence, LS and PBY lines one piece each. */
export const draftPaymentRequestCommand = (spp: PaymentRequest): CommandDraft =>
  commandDraft('DraftPaymentRequest', `${spp.sppId}-draft`, {
    sppId: spp.sppId,
    kind: spp.kind,
    ...(spp.activityId === undefined ? {} : { activityId: spp.activityId }),
    date: spp.date,
    description: spp.description ?? `Pembayaran ${spp.activityId ?? spp.lines[0]?.lineId}`,
    progressReportReference: `LPK/${spp.sppId}`,
    lines: spp.lines.map((line) => ({
      lineId: line.lineId,
      source: line.source,
      amount: line.amount,
      taxes: line.taxes ?? [],
      ...(spp.kind === 'UM'
        ? {}
        : { evidence: line.evidence ?? evidence(`KW/${spp.sppId}`, spp.date) }),
    })),
  });

/** Submitted by the PKA, verified by the secretary, approved by the head. */
export const approvalCommands = (sppId: string, date: string): CommandDraft[] => [
  commandDraft('SubmitPaymentRequest', `${sppId}-submit`, { sppId, date }),
  commandDraft('VerifyPaymentRequest', `${sppId}-verify`, {
    sppId,
    date,
    outcome: 'verified',
    reasons: [],
  }),
  commandDraft('ApprovePaymentRequest', `${sppId}-approve`, {
    sppId,
    date,
    outcome: 'approved',
    reasons: [],
  }),
];

export const cashMutationCommand = (
  mutationId: string,
  date: string,
  from: CashAccount,
  amount: string,
  description: string,
): CommandDraft =>
  commandDraft('RecordCashMutation', mutationId, {
    mutationId,
    date,
    from,
    to: from === 'bank' ? 'cashOnHand' : 'bank',
    amount,
    description,
  });

/** The treasurer pays an approved SPP: by bank transfer, or from cash on hand. */
export const payCommand = (
  sppId: string,
  date: string,
  from: CashAccount,
  paymentId = `PAY-${sppId}`,
  {
    transferReference = `CMS/${sppId}`,
    taxOverrides = [],
  }: { transferReference?: string; taxOverrides?: object[] } = {},
): CommandDraft =>
  commandDraft('PayPaymentRequest', `${sppId}-pay`, {
    paymentId,
    sppId,
    date,
    from,
    ...(from === 'bank' ? { transferReference } : {}),
    taxOverrides,
  });

/** One SPP from draft to payment; a panjar is first drawn from the bank into cash on hand. */
export function paidPaymentRequestCommands(spp: PaymentRequest, total: string): CommandDraft[] {
  const panjar = spp.kind === 'UM';
  return [
    draftPaymentRequestCommand(spp),
    ...approvalCommands(spp.sppId, spp.date),
    ...(panjar
      ? [
          cashMutationCommand(
            `MUT-${spp.sppId}`,
            spp.date,
            'bank',
            total,
            `Tarik tunai panjar ${spp.sppId}`,
          ),
        ]
      : []),
    payCommand(spp.sppId, spp.date, panjar ? 'cashOnHand' : 'bank'),
  ];
}

/** The panjar accounted (SPJ): one nota per line of what was spent (none if nothing), the rest returned. */
export const accountPanjarCommand = (
  sppId: string,
  date: string,
  lines: { lineId: string; spent: string | undefined; taxes: string[] }[],
  returnTo: CashAccount = 'bank',
  spjId = `SPJ-${sppId}`,
): CommandDraft =>
  commandDraft('AccountPanjar', `${sppId}-spj`, {
    spjId,
    sppId,
    date,
    returnTo,
    lines: lines.map(({ lineId, spent, taxes }) => ({
      lineId,
      evidence:
        spent === undefined ? [] : [{ ...evidence(`NOTA/${spjId}`, date), amount: spent, taxes }],
    })),
    taxOverrides: [],
  });

export const bankFeeCommand = (
  feeId: string,
  date: string,
  amount: string,
  lineId: string,
  statementReference: string,
): CommandDraft =>
  commandDraft('RecordBankFee', feeId, { feeId, date, amount, lineId, statementReference });

export interface TaxDeposit {
  depositId: string;
  tax: string;
  date: string;
  amount: string;
  billingCode: string;
  ntpn: string;
  from?: CashAccount;
}

export const depositTaxCommand = ({ from = 'bank', ...deposit }: TaxDeposit): CommandDraft =>
  commandDraft('DepositTax', deposit.depositId, { ...deposit, from });

export const reverseEntryCommand = (
  reversalId: string,
  entryId: string,
  date: string,
  reason: string,
): CommandDraft => commandDraft('ReverseEntry', reversalId, { reversalId, entryId, date, reason });

/** The month closed on the treasurer's cash count and the bank statement. */
export const closeMonthCommand = (
  month: string,
  date: string,
  cashCount: string,
  bankBalance: string,
): CommandDraft =>
  commandDraft('CloseMonth', `close-${month}`, { month, date, cashCount, bankBalance });

export const closeYearCommand = (date: string): CommandDraft =>
  commandDraft('CloseFiscalYear', 'close-year', { date });
