import { ZERO, type Rupiah } from '../shared/money';
import { PersistentMap } from '../shared/persistent-map';
import type { RegencyEventOf } from './events';

export type Allocation = RegencyEventOf<'AllocationSet'>['data'];
export type StagePlan = RegencyEventOf<'DanaDesaStagesPlanned'>['data'];
export type RegencyEvaluation = RegencyEventOf<'ApbdesEvaluated'>['data'];

/** The regency fiscal year: allocations, Dana Desa stage plans and transfers per village. */
export interface RegencyState {
  opened: RegencyEventOf<'RegencyFiscalYearOpened'>['data'] | undefined;
  /** Keyed by allocationKey(village, source). */
  allocations: PersistentMap<Allocation>;
  /** Keyed by allocationKey(village, source). */
  stagePlans: PersistentMap<StagePlan>;
  /** Totals keyed by allocationKey(village, source) and stageKey(village, source, stage). */
  transferred: PersistentMap<Rupiah>;
  /** The camat's APBDes evaluations per village code, oldest first. */
  evaluations: PersistentMap<readonly RegencyEvaluation[]>;
}

export const initialRegencyState: RegencyState = {
  opened: undefined,
  allocations: PersistentMap.empty(),
  stagePlans: PersistentMap.empty(),
  transferred: PersistentMap.empty(),
  evaluations: PersistentMap.empty(),
};

export function allocationKey(villageCode: string, source: string): string {
  return `${villageCode}|${source}`;
}

export function stageKey(villageCode: string, source: string, stage: number): string {
  return `${villageCode}|${source}|${stage}`;
}

export function transferredTo(state: RegencyState, key: string): Rupiah {
  return state.transferred.get(key) ?? ZERO;
}
