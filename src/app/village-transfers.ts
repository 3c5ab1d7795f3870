import { stageKey, type RegencyState } from '../domain/regency/state';
import { toAmountText } from '../domain/shared/money';

/**
 * What the regency has transferred to one village, keyed `source|stage` as
 * the village decider expects it (receipts may not exceed it).
 */
export function transfersForVillage(
  state: RegencyState,
  villageCode: string,
): ReadonlyMap<string, string> {
  const result = new Map<string, string>();
  for (const [key, amount] of state.transferred) {
    const [village, source, stage] = key.split('|');
    if (village !== villageCode || source === undefined || stage === undefined) continue;
    if (key === stageKey(village, source, Number.parseInt(stage, 10))) {
      result.set(`${source}|${stage}`, toAmountText(amount));
    }
  }
  return result;
}
