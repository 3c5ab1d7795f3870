import { factBuilder, type CoreDecider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { withIdempotency } from '../shared/idempotency';
import { PersistentMap } from '../shared/persistent-map';
import { isWithinRegion, regionParent } from '../shared/region-codes';
import type { RegionCommand, RegisteredRegion } from './region-commands';
import { regionEventSchemas, type RegionEvent } from './region-events';

/** The regions registered so far, in the order they were registered. */
export interface RegionState {
  regions: readonly RegisteredRegion[];
  byCode: PersistentMap<RegisteredRegion>;
}

/**
 * What the reference files of the regency hold, over all its fiscal years:
 * a code there can never be registered, and a village may lie in a district
 * known from either side.
 */
export interface RegionContext {
  regencyCode: string;
  referenceCodes: ReadonlySet<string>;
}

export const initialRegionState: RegionState = { regions: [], byCode: PersistentMap.empty() };

const fact = factBuilder<RegionEvent>();

/**
 * A code is registered once and never where the reference already has it:
 * a registration only adds to the reference data, so no event ever changes
 * what an earlier report said a code was.
 */
function registerRegion(
  { payload }: Extract<RegionCommand, { type: 'RegisterRegion' }>,
  state: RegionState,
  { regencyCode, referenceCodes }: RegionContext,
) {
  if (!isWithinRegion(payload.code, regencyCode))
    return new DomainError('REGION_IN_REGENCY', 'code', payload.code);
  if (state.byCode.has(payload.code) || referenceCodes.has(payload.code))
    return new DomainError('REGION_CODE_TAKEN', 'code', payload.code);
  const parent = regionParent(payload.code) ?? '';
  if (
    payload.level === 'village' &&
    state.byCode.get(parent)?.level !== 'district' &&
    !referenceCodes.has(parent)
  )
    return new DomainError('REGION_DISTRICT_KNOWN', 'code', payload.code);
  return [fact('RegionRegistered', payload)];
}

const core: CoreDecider<RegionCommand, RegionState, RegionEvent, RegionContext> = {
  initialState: initialRegionState,
  handlers: { RegisterRegion: registerRegion },
  evolvers: {
    RegionRegistered: (state, { data }) => ({
      regions: [...state.regions, data],
      byCode: state.byCode.set(data.code, data),
    }),
  },
  events: regionEventSchemas,
};

/** Pure decisions of a regency's regions stream. */
export const regionDecider = withIdempotency(core);

/**
 * Its own stream, not the access stream: every process and the ledger read the
 * regions at start and after each registration, and should not load users,
 * password hashes and two-factor secrets to do it; and the regions outlive
 * any user.
 */
export function regionStreamId(regencyCode: string): string {
  return `regions-${regencyCode}`;
}
