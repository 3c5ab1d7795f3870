import { DomainError } from '../../src/domain/shared/domain-error';
import type { RegionCommand } from '../../src/domain/regions/region-commands';
import { regionDecider, type RegionContext } from '../../src/domain/regions/region-decider';
import { regionCommandSchemas } from '../../src/domain/regions/region-commands';

const actor = { id: 'admin', role: 'administrator', displayName: 'Admin' };
const context: RegionContext = {
  regencyCode: '35.10',
  referenceCodes: new Set(['35.10.01', '35.10.01.2001']),
};

let counter = 0;
const register = (payload: object): RegionCommand =>
  ({
    commandId: `c-${(counter += 1)}`,
    type: 'RegisterRegion',
    payload: regionCommandSchemas.RegisterRegion.parse(payload),
    actor,
  }) as RegionCommand;

/** Decides each command on the state the earlier ones left; returns the last decision. */
function decideAll(commands: RegionCommand[]) {
  let state = regionDecider.initialState;
  let decision: ReturnType<typeof regionDecider.decide> = [];
  for (const command of commands) {
    decision = regionDecider.decide(command, state, context);
    if (decision instanceof DomainError) return { state, decision };
    state = decision.reduce(regionDecider.evolve, state);
  }
  return { state, decision };
}

const refusal = (decision: unknown) =>
  decision instanceof DomainError ? [decision.rule, decision.field, decision.value] : decision;

describe('the regions decider', () => {
  it('registers a new district, then a village in it, keeping both in order', () => {
    const { state, decision } = decideAll([
      register({ level: 'district', code: '35.10.09', name: 'Tegaldlimo' }),
      register({
        level: 'village',
        code: '35.10.09.2004',
        name: 'Kedungasri',
        centre: [-8.6, 114.3],
      }),
    ]);
    expect(decision).toHaveLength(1);
    expect(state.domain.regions.map((region) => region.code)).toEqual([
      '35.10.09',
      '35.10.09.2004',
    ]);
    expect(state.domain.regions[1]).toMatchObject({ name: 'Kedungasri', centre: [-8.6, 114.3] });
  });

  it('registers a village in a district the reference files hold', () => {
    const { decision } = decideAll([
      register({ level: 'village', code: '35.10.01.2009', name: 'Sarongan' }),
    ]);
    expect(decision).toMatchObject([{ type: 'RegionRegistered', data: { code: '35.10.01.2009' } }]);
  });

  it('refuses a code already registered or already in the reference data (conflict)', () => {
    const twice = decideAll([
      register({ level: 'district', code: '35.10.09', name: 'Tegaldlimo' }),
      register({ level: 'district', code: '35.10.09', name: 'Tegaldlimo lagi' }),
    ]);
    expect(refusal(twice.decision)).toEqual(['REGION_CODE_TAKEN', 'code', '35.10.09']);
    const inReference = decideAll([
      register({ level: 'village', code: '35.10.01.2001', name: 'Kandangan' }),
    ]);
    expect(refusal(inReference.decision)).toEqual(['REGION_CODE_TAKEN', 'code', '35.10.01.2001']);
  });

  it('refuses a village whose district nobody knows, and a code of another regency', () => {
    expect(
      refusal(
        decideAll([register({ level: 'village', code: '35.10.42.2001', name: 'X' })]).decision,
      ),
    ).toEqual(['REGION_DISTRICT_KNOWN', 'code', '35.10.42.2001']);
    expect(
      refusal(decideAll([register({ level: 'district', code: '35.99.09', name: 'X' })]).decision),
    ).toEqual(['REGION_IN_REGENCY', 'code', '35.99.09']);
  });

  it('accepts a closed WGS84 polygon and refuses an open ring or a latitude off the globe', () => {
    const ring = [
      [114.3, -8.6],
      [114.4, -8.6],
      [114.4, -8.5],
      [114.3, -8.6],
    ];
    const schema = regionCommandSchemas.RegisterRegion;
    const district = { level: 'district', code: '35.10.09', name: 'Tegaldlimo' };
    expect(
      schema.safeParse({ ...district, boundary: { type: 'Polygon', coordinates: [ring] } }).success,
    ).toBe(true);
    expect(
      schema.safeParse({
        ...district,
        boundary: { type: 'Polygon', coordinates: [ring.slice(0, 3).concat([[114.3, -8.7]])] },
      }).success,
    ).toBe(false);
    expect(schema.safeParse({ ...district, centre: [-91, 114] }).success).toBe(false);
    expect(schema.safeParse({ ...district, code: '35.10.9' }).success).toBe(false);
  });
});
