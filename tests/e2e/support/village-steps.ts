import type { ReferenceData } from '../../../src/domain/reference/reference-data';
import {
  approvalCommands,
  draftPaymentRequestCommand,
  payCommand,
  receiptCommand,
} from '../../../src/scenario/execution-commands';
import { scenarioSteps, type ScenarioStep } from '../../../src/scenario/scenario-step';

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
export const receiptStep = (
  villageCode: string,
  receiptId: string,
  date: string,
  choice: SpendingChoice,
  amount: string,
): ScenarioStep =>
  scenarioSteps('village', 'year', villageCode, [
    receiptCommand({
      receiptId,
      date,
      account: choice.revenueAccount,
      source: choice.source,
      amount,
      payer: 'RKUD Kabupaten',
    }),
  ])[0]!;

/** An LS SPP on the chosen line, drafted and submitted by the PKA, verified by the secretary, approved by the head. */
export const approvedSppSteps = (
  villageCode: string,
  sppId: string,
  date: string,
  choice: SpendingChoice,
  amount: string,
): ScenarioStep[] =>
  scenarioSteps('village', 'year', villageCode, [
    draftPaymentRequestCommand({
      sppId,
      kind: 'LS',
      activityId: choice.activityId,
      date,
      description: `Pembayaran ${choice.lineId}`,
      lines: [{ lineId: choice.lineId, source: choice.source, amount }],
    }),
    ...approvalCommands(sppId, date),
  ]);

/** The treasurer pays an approved SPP by bank transfer. */
export const payStep = (villageCode: string, sppId: string, date: string): ScenarioStep =>
  scenarioSteps('village', 'year', villageCode, [payCommand(sppId, date, 'bank')])[0]!;
