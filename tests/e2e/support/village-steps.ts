import type { ReferenceData } from '../../../src/domain/reference/reference-data';

/** The four demo logins of a village, by the prefix the demo gives them. */
export type VillageLogin = 'bendahara' | 'pka' | 'sekdes' | 'kades';

/** `bendahara` + `35.99.01.2001` → `bendahara.01.2001`, the demo's username. */
export const demoUsername = (login: VillageLogin, villageCode: string) =>
  `${login}.${villageCode.split('.').slice(2).join('.')}`;

/** A village command and the demo login that may issue it. */
export interface VillageStep {
  login: VillageLogin;
  type: string;
  payload: Record<string, unknown>;
}

interface BudgetLineLike {
  kind: string;
  lineId: string;
  source: string;
  account: string;
  activityId?: string;
}

/** A spending line to pay from, and the revenue account its fund source is received on. */
export interface SpendingChoice {
  activityId: string;
  lineId: string;
  source: string;
  revenueAccount: string;
}

/**
 * The first spending line of a regency-allocated fund source that is not
 * Dana Desa (a receipt of Dana Desa must name a regency transfer) and that
 * the budget also receives as revenue.
 */
export function spendingChoice(
  lines: readonly BudgetLineLike[],
  reference: ReferenceData,
): SpendingChoice {
  const plain = (source: string) => {
    const flags = reference.fundSources.get(source);
    return flags !== undefined && flags.regencyAllocated && !flags.danaDesa;
  };
  for (const line of lines) {
    const revenue = lines.find((each) => each.kind === 'revenue' && each.source === line.source);
    if (line.kind === 'spending' && line.activityId && revenue && plain(line.source))
      return {
        activityId: line.activityId,
        lineId: line.lineId,
        source: line.source,
        revenueAccount: revenue.account,
      };
  }
  throw new Error('no spending line on a plain regency-allocated source');
}

/** A receipt (TBP) of the chosen source into the bank. */
export function receiptStep(
  receiptId: string,
  date: string,
  choice: SpendingChoice,
  amount: string,
): VillageStep {
  return {
    login: 'bendahara',
    type: 'RecordReceipt',
    payload: {
      receiptId,
      date,
      account: choice.revenueAccount,
      source: choice.source,
      amount,
      into: 'bank',
      payer: { name: 'RKUD Kabupaten' },
      description: `Penerimaan ${choice.source}`,
    },
  };
}

/** An LS SPP on the chosen line, drafted and submitted by the PKA, verified by the secretary, approved by the head. */
export function approvedSppSteps(
  sppId: string,
  date: string,
  choice: SpendingChoice,
  amount: string,
): VillageStep[] {
  const decision = { sppId, date, reasons: [] };
  return [
    {
      login: 'pka',
      type: 'DraftPaymentRequest',
      payload: {
        sppId,
        kind: 'LS',
        activityId: choice.activityId,
        date,
        description: `Pembayaran ${choice.lineId}`,
        progressReportReference: `LPK/${sppId}`,
        lines: [
          {
            lineId: choice.lineId,
            source: choice.source,
            amount,
            taxes: [],
            evidence: {
              receiptNumber: `KW/${sppId}`,
              receiptDate: date,
              payee: 'CV Karya Desa Mandiri',
              address: 'Jl. Raya Desa 12',
              bankAccount: '0011223344',
              bankName: 'Bank Jatim',
              npwp: '012345678901234',
            },
          },
        ],
      },
    },
    { login: 'pka', type: 'SubmitPaymentRequest', payload: { sppId, date } },
    {
      login: 'sekdes',
      type: 'VerifyPaymentRequest',
      payload: { ...decision, outcome: 'verified' },
    },
    {
      login: 'kades',
      type: 'ApprovePaymentRequest',
      payload: { ...decision, outcome: 'approved' },
    },
  ];
}

/** The treasurer pays an approved SPP by bank transfer. */
export function payStep(sppId: string, date: string): VillageStep {
  return {
    login: 'bendahara',
    type: 'PayPaymentRequest',
    payload: {
      paymentId: `PAY-${sppId}`,
      sppId,
      date,
      from: 'bank',
      transferReference: `CMS/${sppId}`,
      taxOverrides: [],
    },
  };
}
