import { rupiah, toAmountText } from '../shared/money';
import type { ApbdesEvaluation } from '../village/commands';
import { stageKey, type RegencyState } from './state';

/** What one village's budget and receipt rules need from the regency stream. */
export interface VillageShare {
  /** Allocation per fund source. */
  allocations: ReadonlyMap<string, string>;
  /** Transferred so far, keyed `source|stage` as the village decider expects it (receipts may not exceed it). */
  transfers: ReadonlyMap<string, string>;
  /** The camat's APBDes evaluations of the village, oldest first: what ReceiveApbdesEvaluation takes in. */
  evaluations: readonly ApbdesEvaluation[];
}

export const NO_SHARE: VillageShare = {
  allocations: new Map(),
  transfers: new Map(),
  evaluations: [],
};

/** Every village's share of the regency year, in one pass over the regency state. */
export function villageShares(state: RegencyState): ReadonlyMap<string, VillageShare> {
  const shares = new Map<
    string,
    {
      allocations: Map<string, string>;
      transfers: Map<string, string>;
      evaluations: readonly ApbdesEvaluation[];
    }
  >();
  const shareOf = (villageCode: string) => {
    let share = shares.get(villageCode);
    if (!share) {
      share = { allocations: new Map(), transfers: new Map(), evaluations: [] };
      shares.set(villageCode, share);
    }
    return share;
  };
  for (const allocation of state.allocations.values())
    shareOf(allocation.villageCode).allocations.set(
      allocation.source,
      toAmountText(rupiah(allocation.amount)),
    );
  for (const [key, amount] of state.transferred) {
    const [village, source, stage] = key.split('|');
    if (village === undefined || source === undefined || stage === undefined) continue;
    // `transferred` also holds per-source totals; only the per-stage keys are the decider's.
    if (key === stageKey(village, source, Number.parseInt(stage, 10)))
      shareOf(village).transfers.set(`${source}|${stage}`, toAmountText(amount));
  }
  for (const [villageCode, evaluations] of state.evaluations)
    shareOf(villageCode).evaluations = evaluations.map(
      ({ villageCode: _, ...evaluation }) => evaluation,
    );
  return shares;
}
