import type { RegencyState } from '../domain/regency/state';
import { NO_SHARE, villageShares, type VillageShare } from '../domain/regency/village-shares';

/** Regency states are immutable: each one's shares are worked out once, not per village command. */
const sharesByState = new WeakMap<RegencyState, ReadonlyMap<string, VillageShare>>();

export function villageShareOf(state: RegencyState, villageCode: string): VillageShare {
  let shares = sharesByState.get(state);
  if (!shares) {
    shares = villageShares(state);
    sharesByState.set(state, shares);
  }
  return shares.get(villageCode) ?? NO_SHARE;
}
