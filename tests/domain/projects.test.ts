import { DomainError } from '../../src/domain/shared/domain-error';
import {
  DEFAULT_MONITORING_POLICY,
  monitoringPolicySchema,
} from '../../src/domain/projects/policy';
import { projectCommandSchemas } from '../../src/domain/projects/project-commands';
import {
  projectDecider,
  type ProjectContext,
  type ProjectStreamCommand as ProjectCommand,
} from '../../src/domain/projects/project-decider';
import type { ProjectEvent } from '../../src/domain/projects/project-events';
import {
  CENTRE_POSITION,
  VILLAGE_CENTRE,
  offset,
  roadEast,
  villageRoad,
} from '../support/project-fixtures';

const actor = { id: 'tpk', role: 'activityExecutor', displayName: 'Pelaksana' };
const context: ProjectContext = {
  policy: DEFAULT_MONITORING_POLICY,
  villageKnown: true,
  villageArea: { centre: VILLAGE_CENTRE },
  idTakenElsewhere: false,
};

let counter = 0;
function command<T extends ProjectCommand['type']>(type: T, payload: object): ProjectCommand {
  return {
    commandId: `c-${(counter += 1)}`,
    type,
    payload: projectCommandSchemas[type].parse(payload),
    actor,
  } as ProjectCommand;
}

const register = (overrides: object = {}) =>
  command('RegisterVillageProject', { ...villageRoad(), ...overrides });

const photo = (sha: string, extra: object = {}) => ({ sha256: sha.repeat(64), ...extra });

const report = (percent: number, reportDate: string, photos: object[] = [photo('a')]) =>
  command('ReportProgress', {
    projectId: 'rabat-krajan-2025',
    reportDate,
    percent,
    realisedVolume: String((250 * percent) / 100),
    workers: 12,
    workingDays: 5,
    photos,
  });

/** Decides each command on the state the earlier ones left; returns the events and the last decision. */
function decideAll(commands: ProjectCommand[], given: ProjectContext = context) {
  let state = projectDecider.initialState;
  let decision: ProjectEvent[] | DomainError = [];
  const events: ProjectEvent[] = [];
  for (const next of commands) {
    decision = projectDecider.decide(next, state, given);
    if (decision instanceof DomainError) return { state, decision, events };
    events.push(...decision);
    state = decision.reduce(projectDecider.evolve, state);
  }
  return { state, decision, events };
}

const refusal = (decision: unknown) =>
  decision instanceof DomainError ? [decision.rule, decision.field, decision.value] : decision;

describe('registering a project', () => {
  it('records the project as given, with volumes and amounts as text', () => {
    const { decision } = decideAll([register()]);
    expect(decision).toEqual([
      expect.objectContaining({
        type: 'ProjectRegistered',
        data: expect.objectContaining({ volume: '250', unit: 'm', budget: villageRoad().budget }),
      }),
    ]);
  });

  it('refuses a second registration of the same id (PROJECT_ID_TAKEN)', () => {
    const { decision } = decideAll([register(), register({ title: 'Lain' })]);
    expect(refusal(decision)).toEqual(['PROJECT_ID_TAKEN', 'projectId', 'rabat-krajan-2025']);
  });

  it('refuses an id another stream registered (a village project and a regency one share no stream)', () => {
    const { decision } = decideAll([register()], { ...context, idTakenElsewhere: true });
    expect(refusal(decision)).toEqual(['PROJECT_ID_TAKEN', 'projectId', 'rabat-krajan-2025']);
  });

  it('refuses a village the regency does not know (REGION_KNOWN)', () => {
    const { decision } = decideAll([register()], { ...context, villageKnown: false });
    expect(refusal(decision)).toEqual(['REGION_KNOWN', 'villageCode', '35.10.09.2004']);
  });

  it('refuses a planned end before the planned start (PROJECT_PERIOD)', () => {
    const { decision } = decideAll([register({ plannedEnd: '2025-03-31' })]);
    expect(refusal(decision)).toEqual(['PROJECT_PERIOD', 'plannedEnd', '2025-03-31']);
  });

  it('refuses coordinates out of range and unclosed rings at the schema', () => {
    const outOfRange = projectCommandSchemas.RegisterVillageProject.safeParse(
      villageRoad({ geometry: { type: 'Point', coordinates: [114.31, -95] } }),
    );
    expect(outOfRange.success).toBe(false);
    const openRing = projectCommandSchemas.RegisterVillageProject.safeParse(
      villageRoad({
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              CENTRE_POSITION,
              offset(CENTRE_POSITION, 50),
              offset(CENTRE_POSITION, 50, 0),
              offset(CENTRE_POSITION, 10, 0),
            ],
          ] as [number, number][][],
        },
      }),
    );
    expect(openRing.success).toBe(false);
  });

  it('refuses a position far from the village centre, naming the position and the distance (PROJECT_NEAR_VILLAGE)', () => {
    const far = offset(CENTRE_POSITION, 8_000, 0) as [number, number];
    const { decision } = decideAll([
      register({ geometry: { type: 'Point', coordinates: far }, unit: 'unit', volume: '1' }),
    ]);
    expect(refusal(decision)).toEqual([
      'PROJECT_NEAR_VILLAGE',
      'geometry.coordinates',
      `[${far.join(', ')}]`,
    ]);
    expect((decision as DomainError).messages.id).toMatch(
      /8000 m dari pusat desa 35\.10\.09\.2004/,
    );
  });

  it('catches latitude and longitude swapped when the centre is known', () => {
    const swapped: [number, number] = [VILLAGE_CENTRE[0], VILLAGE_CENTRE[1] - 180];
    const { decision } = decideAll([
      register({ geometry: { type: 'Point', coordinates: swapped }, unit: 'unit', volume: '1' }),
    ]);
    expect(refusal(decision)).toEqual(expect.arrayContaining(['PROJECT_NEAR_VILLAGE']));
  });

  it('uses the boundary when known: inside or within the margin passes, beyond it is refused', () => {
    const corners = [0, 90, 180, 270].map((bearing) =>
      offset(CENTRE_POSITION, 1_000, bearing + 45),
    );
    const boundary = { type: 'Polygon' as const, coordinates: [[...corners, corners[0] ?? []]] };
    const withBoundary = { ...context, villageArea: { boundary } };
    const justOutside = offset(CENTRE_POSITION, 707 + 300, 0) as [number, number];
    const farOutside = offset(CENTRE_POSITION, 707 + 800, 0) as [number, number];
    const point = (coordinates: [number, number]) =>
      register({ geometry: { type: 'Point', coordinates }, unit: 'unit', volume: '1' });
    expect(decideAll([point(justOutside)], withBoundary).decision).not.toBeInstanceOf(DomainError);
    const { decision } = decideAll([point(farOutside)], withBoundary);
    expect(refusal(decision)).toEqual(expect.arrayContaining(['PROJECT_NEAR_VILLAGE']));
    expect((decision as DomainError).messages.en).toMatch(/m outside the boundary/);
  });

  it('accepts any position when the village has neither centre nor boundary', () => {
    const far = offset(CENTRE_POSITION, 50_000) as [number, number];
    const { decision } = decideAll(
      [register({ geometry: { type: 'Point', coordinates: far }, unit: 'unit', volume: '1' })],
      { ...context, villageArea: undefined },
    );
    expect(decision).not.toBeInstanceOf(DomainError);
  });

  it('checks a line against its volume in metres within the tolerance (PROJECT_LINE_LENGTH)', () => {
    expect(
      decideAll([register({ geometry: roadEast(CENTRE_POSITION, 300) })]).decision,
    ).not.toBeInstanceOf(DomainError);
    const { decision } = decideAll([register({ geometry: roadEast(CENTRE_POSITION, 2_000) })]);
    expect(refusal(decision)).toEqual(['PROJECT_LINE_LENGTH', 'volume', '250 m']);
    expect((decision as DomainError).messages.id).toMatch(
      /garis yang digambar 2000 m, volume 250 m/,
    );
    const inKilometres = decideAll([
      register({ geometry: roadEast(CENTRE_POSITION, 2_000), volume: '2', unit: 'km' }),
    ]);
    expect(inKilometres.decision).not.toBeInstanceOf(DomainError);
  });

  it('lets a short line differ by the slack, and sums the segments of a multi-line', () => {
    expect(
      decideAll([register({ volume: '10', geometry: roadEast(CENTRE_POSITION, 30) })]).decision,
    ).not.toBeInstanceOf(DomainError);
    const segments = {
      type: 'MultiLineString' as const,
      coordinates: [
        roadEast(CENTRE_POSITION, 125).coordinates,
        roadEast(offset(CENTRE_POSITION, 300, 0), 125).coordinates,
      ],
    };
    expect(decideAll([register({ geometry: segments })]).decision).not.toBeInstanceOf(DomainError);
    const { decision } = decideAll([register({ geometry: segments, volume: '600' })]);
    expect(refusal(decision)).toEqual(['PROJECT_LINE_LENGTH', 'volume', '600 m']);
  });
});

describe('reporting progress', () => {
  it('flags photos taken far away, long before, after the report, or without EXIF', () => {
    const { decision } = decideAll([
      register(),
      report(0, '2025-04-20', [
        photo('a', { takenAt: '2025-04-19T09:00:00', position: CENTRE_POSITION }),
        photo('b', { takenAt: '2025-03-01T09:00:00', position: offset(CENTRE_POSITION, 3_000, 0) }),
        photo('c', { takenAt: '2025-04-22T09:00:00' }),
        photo('d'),
      ]),
    ]);
    const photos = (decision as Extract<ProjectEvent, { type: 'ProgressReported' }>[])[0]?.data
      .photos;
    expect(photos?.map((p) => p.flags)).toEqual([
      [],
      ['far', 'old'],
      ['no-position', 'after-report'],
      ['no-position', 'no-time'],
    ]);
    expect(photos?.[0]?.distanceMetres).toBe('0.0');
    expect(Number(photos?.[1]?.distanceMetres)).toBeGreaterThan(2_900);
  });

  it('flags a photo already shown with an earlier report of the project', () => {
    const same = photo('e', { takenAt: '2025-04-19T09:00:00', position: CENTRE_POSITION });
    const { decision } = decideAll([
      register(),
      report(0, '2025-04-20', [same]),
      report(50, '2025-05-20', [
        same,
        photo('f', { takenAt: '2025-05-19T09:00:00', position: CENTRE_POSITION }),
      ]),
    ]);
    const photos = (decision as Extract<ProjectEvent, { type: 'ProgressReported' }>[])[0]?.data
      .photos;
    expect(photos?.map((p) => p.flags)).toEqual([['old', 'reused'], []]);
  });

  it('refuses a report before registration (PROJECT_KNOWN)', () => {
    expect(refusal(decideAll([report(0, '2025-04-20')]).decision)).toEqual([
      'PROJECT_KNOWN',
      'projectId',
      'rabat-krajan-2025',
    ]);
  });

  it('never lets the percent go down (PROGRESS_NOT_DECREASING), and keeps reports in date order', () => {
    const down = decideAll([
      register(),
      report(0, '2025-04-20'),
      report(60, '2025-05-10'),
      report(55, '2025-05-20'),
    ]);
    expect(refusal(down.decision)).toEqual(['PROGRESS_NOT_DECREASING', 'percent', '55']);
    expect((down.decision as DomainError).messages.id).toContain('kemajuan terakhir 60 %');
    const earlier = decideAll([register(), report(0, '2025-04-20'), report(20, '2025-04-19', [])]);
    expect(refusal(earlier.decision)).toEqual(['PROGRESS_DATE_ORDER', 'reportDate', '2025-04-19']);
  });

  it('requires a photo at 0 %, on reaching 50 % and at 100 % by default (PROGRESS_PHOTOS_REQUIRED)', () => {
    expect(refusal(decideAll([register(), report(0, '2025-04-20', [])]).decision)).toEqual([
      'PROGRESS_PHOTOS_REQUIRED',
      'photos',
      '0',
    ]);
    const between = decideAll([register(), report(0, '2025-04-20'), report(30, '2025-05-01', [])]);
    expect(between.decision).not.toBeInstanceOf(DomainError);
    const jump = decideAll([register(), report(0, '2025-04-20'), report(100, '2025-06-01', [])]);
    expect(refusal(jump.decision)).toEqual(['PROGRESS_PHOTOS_REQUIRED', 'photos', '0']);
    expect((jump.decision as DomainError).messages.id).toContain('tahap 50, 100 %');
  });

  it('follows a regency policy with other photo steps', () => {
    const policy = monitoringPolicySchema.parse({ photoSteps: [100] });
    const { decision } = decideAll(
      [register(), report(0, '2025-04-20', []), report(80, '2025-05-20', [])],
      {
        ...context,
        policy,
      },
    );
    expect(decision).not.toBeInstanceOf(DomainError);
  });
});

describe('correcting progress', () => {
  const correct = (percent: number, reportDate = '2025-05-12') =>
    command('CorrectProgress', {
      projectId: 'rabat-krajan-2025',
      reportDate,
      percent,
      realisedVolume: '100',
      reason: 'Salah ketik pada laporan 10 Mei: 40 bukan 60',
    });

  it('lowers the progress with its reason, after which reports continue from the corrected percent', () => {
    const { decision, state } = decideAll([
      register(),
      report(0, '2025-04-20'),
      report(60, '2025-05-10'),
      correct(40),
    ]);
    expect(decision).toEqual([
      expect.objectContaining({
        type: 'ProgressCorrected',
        data: expect.objectContaining({ percent: 40, previousPercent: 60 }),
      }),
    ]);
    expect(state.domain.percent).toBe(40);
    const after = decideAll([
      register(),
      report(0, '2025-04-20'),
      report(60, '2025-05-10'),
      correct(40),
      report(45, '2025-05-20', []),
    ]);
    expect(after.decision).not.toBeInstanceOf(DomainError);
    expect(after.state.domain.percent).toBe(45);
  });

  it('refuses a correction before any report (PROGRESS_REPORTED), and one without a reason', () => {
    expect(refusal(decideAll([register(), correct(10)]).decision)).toEqual([
      'PROGRESS_REPORTED',
      'projectId',
      'rabat-krajan-2025',
    ]);
    expect(
      projectCommandSchemas.CorrectProgress.safeParse({
        projectId: 'rabat-krajan-2025',
        reportDate: '2025-05-12',
        percent: 40,
        realisedVolume: '100',
        reason: '',
      }).success,
    ).toBe(false);
  });

  it('keeps corrections in date order too', () => {
    const { decision } = decideAll([register(), report(0, '2025-04-20'), correct(0, '2025-04-01')]);
    expect(refusal(decision)).toEqual(['PROGRESS_DATE_ORDER', 'reportDate', '2025-04-01']);
  });
});
