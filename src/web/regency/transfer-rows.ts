import { rupiah, toAmountText } from '../../domain/shared/money';
import type { Transfer } from '../../../projections/read-models/fund-flow';
import type { FundFlowReport } from '../../reports/fund-flow/fund-flow-report';

/**
 * How the regency's transfers and a village's receipts of a stage compare:
 * the fund-flow report's mismatch, named by what is missing.
 */
export type Reconciliation = 'matched' | 'amountDiffers' | 'notReceived' | 'notSent';

export interface TransferRow {
  villageCode: string;
  villageName: string;
  source: string;
  stage: number;
  transferred: string;
  /** What the village recorded receiving on the stage; null when it has no ledger for the year. */
  received: string | null;
  transfers: readonly Transfer[];
  reconciliation: Reconciliation;
}

function reconciliationOf(transferred: string, received: string): Reconciliation {
  if (rupiah(transferred).isZero()) return 'notSent';
  if (rupiah(received).isZero()) return 'notReceived';
  return 'amountDiffers';
}

/**
 * Per village, source and stage: what the regency sent beside what the
 * village recorded receiving, from the regency fund-flow report (its
 * per-stage mismatches); stages where both are nothing are left out.
 */
export function transferRows(flow: FundFlowReport): TransferRow[] {
  return flow.districts.flatMap((district) =>
    district.villages.flatMap((village) =>
      village.sources.flatMap((source) => {
        const mismatches = source.village?.mismatches ?? [];
        const stages = [
          ...new Set([
            ...source.stages.map((stage) => stage.stage),
            ...mismatches.map((m) => m.stage),
          ]),
        ].sort((a, b) => a - b);
        return stages.flatMap((stage): TransferRow[] => {
          const transferred = source.stages.find((s) => s.stage === stage)?.transferred ?? '0.00';
          const mismatch = mismatches.find((m) => m.stage === stage);
          const received = source.village
            ? (mismatch?.received ?? toAmountText(rupiah(transferred)))
            : null;
          if (rupiah(transferred).isZero() && rupiah(received ?? '0').isZero()) return [];
          return [
            {
              villageCode: village.villageCode,
              villageName: village.villageName,
              source: source.source,
              stage,
              transferred,
              received,
              transfers: source.transfers.filter((transfer) => transfer.stage === stage),
              reconciliation:
                received === null
                  ? 'notReceived'
                  : mismatch
                    ? reconciliationOf(mismatch.transferred, mismatch.received)
                    : 'matched',
            },
          ];
        });
      }),
    ),
  );
}
