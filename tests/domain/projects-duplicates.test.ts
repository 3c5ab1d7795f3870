import distance from '@turf/distance';
import pointToLineDistance from '@turf/point-to-line-distance';
import fc from 'fast-check';
import type { LineString } from 'geojson';
import { DomainError } from '../../src/domain/shared/domain-error';
import {
  FootprintIndex,
  duplicateEvidence,
  type ProjectFootprint,
} from '../../src/domain/projects/duplicates';
import { DEFAULT_MONITORING_POLICY } from '../../src/domain/projects/policy';
import {
  projectCommandSchemas,
  type ProjectCommand,
} from '../../src/domain/projects/project-commands';
import {
  duplicateDecider,
  type DuplicateCommand,
  type DuplicateEvent,
  type DuplicatesContext,
} from '../../src/domain/projects/duplicate-decider';
import type { SuspicionStatus } from '../../src/domain/projects/project-decider';
import { CENTRE_POSITION, offset, roadEast, villageRoad } from '../support/project-fixtures';

const thresholds = DEFAULT_MONITORING_POLICY.duplicates;
type Lonlat = [number, number];

const footprint = (overrides: Partial<ProjectFootprint>): ProjectFootprint => {
  const { projectId, villageCode, fiscalYear, channel, title, budget, outputFamily, geometry } =
    villageRoad();
  return {
    projectId,
    villageCode,
    fiscalYear,
    channel,
    title,
    budget,
    outputFamily,
    geometry,
    ...overrides,
  };
};

const pointAt = (coordinates: Lonlat) => ({ type: 'Point' as const, coordinates });
const line = (from: Lonlat, metres: number, bearing: number) => ({
  type: 'LineString' as const,
  coordinates: [from, offset(from, metres, bearing)],
});

describe('comparing two projects', () => {
  const well = footprint({
    projectId: 'sumur-a',
    outputFamily: 'water',
    geometry: pointAt(CENTRE_POSITION),
  });

  it('suspects points within 50 m and not beyond', () => {
    const near = footprint({
      projectId: 'sumur-b',
      outputFamily: 'water',
      geometry: pointAt(offset(CENTRE_POSITION, 45)),
    });
    const far = footprint({
      projectId: 'sumur-c',
      outputFamily: 'water',
      geometry: pointAt(offset(CENTRE_POSITION, 55)),
    });
    expect(duplicateEvidence(near, well, thresholds)).toMatchObject({
      kind: 'near',
      distanceMetres: '45.0',
      thresholdMetres: '50.0',
      project: { projectId: 'sumur-b' },
      other: { projectId: 'sumur-a', budget: villageRoad().budget },
    });
    expect(duplicateEvidence(far, well, thresholds)).toBeUndefined();
  });

  it('compares only the same output family within a year either side', () => {
    const near = pointAt(offset(CENTRE_POSITION, 10));
    const school = footprint({ projectId: 'b', outputFamily: 'building', geometry: near });
    const twoYearsOn = footprint({
      projectId: 'c',
      outputFamily: 'water',
      fiscalYear: 2027,
      geometry: near,
    });
    const nextYear = footprint({
      projectId: 'd',
      outputFamily: 'water',
      fiscalYear: 2026,
      geometry: near,
    });
    expect(duplicateEvidence(school, well, thresholds)).toBeUndefined();
    expect(duplicateEvidence(twoYearsOn, well, thresholds)).toBeUndefined();
    expect(duplicateEvidence(nextYear, well, thresholds)).toBeDefined();
  });

  it('suspects a road asphalted over a stretch of another (≥ 20 % within 25 m), not one crossing it', () => {
    const road = footprint({ projectId: 'rabat', geometry: roadEast(CENTRE_POSITION, 1_000) });
    const asphalt = footprint({
      projectId: 'aspal',
      channel: 'apbd',
      budget: [{ fundSource: 'APBD', amount: '400000000.00' }],
      geometry: line(offset(offset(CENTRE_POSITION, 600), 10, 0), 300, 90),
    });
    const crossing = footprint({
      projectId: 'silang',
      geometry: line(offset(offset(CENTRE_POSITION, 500), 500, 0), 1_000, 180),
    });
    const evidence = duplicateEvidence(asphalt, road, thresholds);
    expect(evidence).toMatchObject({
      kind: 'overlap',
      distanceMetres: '10.0',
      other: { channel: 'apbdes' },
    });
    expect(Number(evidence?.overlapPercent)).toBeGreaterThan(90);
    expect(duplicateEvidence(crossing, road, thresholds)).toBeUndefined();
  });

  it('suspects a point inside an area of the same family', () => {
    const square = [0, 90, 180, 270].map((bearing) => offset(CENTRE_POSITION, 100, bearing + 45));
    const field = footprint({
      projectId: 'lapangan',
      outputFamily: 'building',
      geometry: { type: 'Polygon', coordinates: [[...square, square[0] as Lonlat]] },
    });
    const stage = footprint({
      projectId: 'panggung',
      outputFamily: 'building',
      geometry: pointAt(CENTRE_POSITION),
    });
    expect(duplicateEvidence(stage, field, thresholds)).toMatchObject({
      kind: 'near',
      distanceMetres: '0.0',
    });
  });
});

describe("the regency's duplicates stream", () => {
  const actor = { id: 'bpkad', role: 'regencyFinance', displayName: 'BPKAD' };
  let counter = 0;
  const command = (type: ProjectCommand['type'], payload: object) =>
    ({
      commandId: `c-${(counter += 1)}`,
      type,
      payload: projectCommandSchemas[type].parse(payload),
      actor,
    }) as DuplicateCommand;
  const road = footprint({ projectId: 'rabat-2025', villageCode: '35.10.09.2005' });
  const asphalt = footprint({
    projectId: 'aspal-2025',
    channel: 'apbd',
    budget: [{ fundSource: 'APBD', amount: '400000000.00' }],
  });
  const context = (elsewhere: Record<string, SuspicionStatus> = {}): DuplicatesContext => ({
    policy: DEFAULT_MONITORING_POLICY,
    project: asphalt,
    neighbours: [road, footprint({ projectId: 'sumur', outputFamily: 'water' })],
    statusElsewhere: (suspicionId) => elsewhere[suspicionId],
  });

  function decideAll(commands: DuplicateCommand[], given = context()) {
    let state = duplicateDecider.initialState;
    let decision: DuplicateEvent[] | DomainError = [];
    for (const next of commands) {
      decision = duplicateDecider.decide(next, state, given);
      if (decision instanceof DomainError) return { state, decision };
      state = decision.reduce(duplicateDecider.evolve, state);
    }
    return { state, decision };
  }

  const check = () => command('CheckDuplicates', { projectId: 'aspal-2025' });
  const decide = (
    type: 'ClearDuplicateSuspicion' | 'ConfirmDuplicateSuspicion',
    suspicionId = 'aspal-2025~rabat-2025',
    projectId = 'aspal-2025',
  ) => command(type, { projectId, suspicionId, reason: 'Ruas berbeda, dicek di lapangan' });

  it('records each suspect earlier neighbour with the evidence of both sides, once', () => {
    const { decision } = decideAll([check()]);
    expect((decision as DuplicateEvent[]).map((event) => event.type)).toEqual([
      'DuplicateSuspected',
    ]);
    expect((decision as DuplicateEvent[])[0]?.data).toMatchObject({
      suspicionId: 'aspal-2025~rabat-2025',
      evidence: {
        kind: 'overlap',
        overlapPercent: '100.0',
        project: { channel: 'apbd', budget: [{ fundSource: 'APBD' }] },
        other: { villageCode: '35.10.09.2005', budget: [{ fundSource: 'DDS' }] },
      },
    });
    expect(decideAll([check(), check()]).decision).toEqual([]);
  });

  it('records nothing a project stream already suspected, and refuses an unregistered project', () => {
    const legacy = context({ 'aspal-2025~rabat-2025': 'open' });
    expect(decideAll([check()], legacy).decision).toEqual([]);
    const { project: _project, ...unknown } = context();
    expect(decideAll([check()], unknown).decision).toMatchObject({ rule: 'PROJECT_KNOWN' });
  });

  it('lets regency finance clear or confirm an open suspicion once, with a reason', () => {
    const cleared = decideAll([check(), decide('ClearDuplicateSuspicion')]);
    expect(cleared.state.domain.statuses.get('aspal-2025~rabat-2025')).toBe('cleared');
    const twice = decideAll([
      check(),
      decide('ClearDuplicateSuspicion'),
      decide('ConfirmDuplicateSuspicion'),
    ]);
    expect(twice.decision).toMatchObject({ rule: 'SUSPICION_OPEN', field: 'suspicionId' });
    const confirmed = decideAll([
      check(),
      decide('ConfirmDuplicateSuspicion', undefined, 'rabat-2025'),
    ]);
    expect(confirmed.state.domain.statuses.get('aspal-2025~rabat-2025')).toBe('confirmed');
    const unknown = decideAll([check(), decide('ClearDuplicateSuspicion', 'aspal-2025~lain')]);
    expect(unknown.decision).toMatchObject({ rule: 'SUSPICION_KNOWN', value: 'aspal-2025~lain' });
    const otherProject = decideAll([
      check(),
      decide('ClearDuplicateSuspicion', undefined, 'sumur'),
    ]);
    expect(otherProject.decision).toMatchObject({ rule: 'SUSPICION_KNOWN' });
  });

  it('decides a suspicion a project stream recorded before suspicions moved here', () => {
    const legacy = context({ 'aspal-2025~rabat-2025': 'open' });
    const cleared = decideAll([decide('ClearDuplicateSuspicion')], legacy);
    expect((cleared.decision as DuplicateEvent[]).map((event) => event.type)).toEqual([
      'DuplicateSuspicionCleared',
    ]);
    const settled = context({ 'aspal-2025~rabat-2025': 'confirmed' });
    expect(decideAll([decide('ClearDuplicateSuspicion')], settled).decision).toMatchObject({
      rule: 'SUSPICION_OPEN',
    });
  });
});

/** A project somewhere in a 20 km square around the centre: a point or a road of 100–1000 m. */
const scattered = fc.record({
  east: fc.double({ min: 0, max: 20_000, noNaN: true }),
  north: fc.double({ min: 0, max: 20_000, noNaN: true }),
  bearing: fc.double({ min: 0, max: 360, noNaN: true }),
  metres: fc.double({ min: 100, max: 1_000, noNaN: true }),
  isLine: fc.boolean(),
  family: fc.constantFrom('road' as const, 'water' as const),
  fiscalYear: fc.integer({ min: 2024, max: 2026 }),
  /** A planted twin: how far it is moved (within the threshold) and how much of the road it repeats. */
  twin: fc.option(
    fc.record({
      shift: fc.double({ min: 0, max: 0.8, noNaN: true }),
      share: fc.double({ min: 0.3, max: 1, noNaN: true }),
      bearing: fc.double({ min: 0, max: 360, noNaN: true }),
      yearStep: fc.integer({ min: -1, max: 1 }),
    }),
  ),
});

/** Positions of a point, or 200 interpolated along a straight road: a measure independent of the sampler under test. */
function densePositions({ geometry }: ProjectFootprint): Lonlat[] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  const [from, to] = geometry.coordinates as [Lonlat, Lonlat];
  return Array.from({ length: 201 }, (_, i): Lonlat => [
    from[0] + ((to[0] - from[0]) * i) / 200,
    from[1] + ((to[1] - from[1]) * i) / 200,
  ]);
}

/** The closest any dense position of `from` comes to `to`, metres. */
function denseNearest(from: ProjectFootprint, to: ProjectFootprint): number {
  return Math.min(
    ...densePositions(from).map((position) =>
      to.geometry.type === 'Point'
        ? distance(position, to.geometry.coordinates, { units: 'meters' })
        : pointToLineDistance(position, to.geometry as LineString, { units: 'meters' }),
    ),
  );
}

describe('scanning a regency for duplicates (property)', () => {
  it('finds every planted duplicate, and reports no pair farther apart than the threshold', () => {
    fc.assert(
      fc.property(fc.array(scattered, { minLength: 1, maxLength: 16 }), (specs) => {
        const projects: ProjectFootprint[] = [];
        const planted: [string, string][] = [];
        specs.forEach((spec, index) => {
          const start = offset(offset(CENTRE_POSITION, spec.east, 90), spec.north, 0);
          const id = `p-${index}`;
          const geometry = spec.isLine ? line(start, spec.metres, spec.bearing) : pointAt(start);
          const base = { projectId: id, outputFamily: spec.family, fiscalYear: spec.fiscalYear };
          projects.push(footprint({ ...base, geometry }));
          if (!spec.twin) return;
          const { shift, share, bearing, yearStep } = spec.twin;
          const moved = spec.isLine
            ? line(
                offset(start, shift * thresholds.lineBufferMetres, spec.bearing + 90),
                spec.metres * share,
                spec.bearing,
              )
            : pointAt(offset(start, shift * thresholds.pointMetres, bearing));
          const twinId = `t-${index}`;
          projects.push(
            footprint({
              ...base,
              projectId: twinId,
              fiscalYear: spec.fiscalYear + yearStep,
              geometry: moved,
            }),
          );
          planted.push([id, twinId]);
        });
        const index = new FootprintIndex(thresholds);
        index.load(projects);
        const found = index.suspectPairs();
        const keys = new Set(
          found.map((e) => [e.project.projectId, e.other.projectId].sort().join('|')),
        );
        for (const pair of planted) expect(keys).toContain([...pair].sort().join('|'));

        const byId = new Map(projects.map((p) => [p.projectId, p]));
        for (const evidence of found) {
          const a = byId.get(evidence.project.projectId);
          const b = byId.get(evidence.other.projectId);
          if (!a || !b) throw new Error('an evidence names an unknown project');
          expect(a.outputFamily).toBe(b.outputFamily);
          expect(Math.abs(a.fiscalYear - b.fiscalYear)).toBeLessThanOrEqual(1);
          const measured = Math.min(denseNearest(a, b), denseNearest(b, a));
          const threshold =
            evidence.kind === 'overlap' ? thresholds.lineBufferMetres : thresholds.pointMetres;
          expect(measured).toBeLessThanOrEqual(threshold + 0.05);
        }

        // The index misses nothing a comparison of every pair would find.
        const brute = projects.flatMap((a, i) =>
          projects
            .slice(i + 1)
            .flatMap((b) =>
              duplicateEvidence(a, b, thresholds)
                ? [[a.projectId, b.projectId].sort().join('|')]
                : [],
            ),
        );
        expect([...keys].sort()).toEqual(brute.sort());
      }),
      { numRuns: 40 },
    );
  });
});
