import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { monitoringPolicySchema } from '../../src/domain/projects/policy';
import type { RegisterProjectPayload } from '../../src/domain/projects/project-commands';
import { createMemoryStore } from '../../src/eventstore/memory';
import type { EventStore } from '../../src/eventstore/port';
import { monitoringReport } from '../../src/reports/monitoring/monitoring-report';
import { monitoringTables } from '../../src/reports/monitoring/monitoring-tables';
import { renderCsv } from '../../src/reports/render/csv';
import { emptyStreamStates } from '../../projections/engine/stream-states';
import { projectAt, type Clocks } from '../../projections/engine/two-clocks';
import {
  projectOutputsProjection,
  villageOpenSuspicions,
} from '../../projections/read-models/project-outputs';
import { jpegWithExif } from '../support/jpeg-with-exif';
import { villageRoad, projectServiceOver } from '../support/project-fixtures';
import { reference } from '../support/village-fixtures';

const KANDANGAN = '35.10.01.2001';
const SAMBIREJO = '35.10.02.2001';
const AS_OF = '2025-08-01';
const ACTOR = { id: 'bpkad', role: 'regencyFinance', displayName: 'BPKAD' };

/**
 * Four roads drawn on the same line, registered in this order:
 * P1 the regency's APBD asphalt in Kandangan (2025, never reported),
 * P2 Kandangan's Dana Desa road (2025, 100 % with a photo on 20 June),
 * P3 a Sambirejo road (2025, starting after the report date),
 * P4 Kandangan's road of 2026. Every later one is suspected of every
 * earlier one; P3~P1 is then cleared.
 */
async function fourRoads(): Promise<EventStore> {
  const store = createMemoryStore();
  const catalog = new ReferenceCatalog();
  const projects = projectServiceOver(store, {
    reference: catalog,
    policy: monitoringPolicySchema.parse({ photoSteps: [] }),
  });
  const register = (overrides: Partial<RegisterProjectPayload> & { projectId: string }) =>
    projects.handle(
      ACTOR,
      `register-${overrides.projectId}`,
      overrides.channel === 'apbd' ? 'RegisterRegencyProject' : 'RegisterVillageProject',
      villageRoad({ villageCode: KANDANGAN, ...overrides }),
    );
  await register({ projectId: 'p1-aspal', channel: 'apbd' });
  await register({ projectId: 'p2-rabat' });
  await register({
    projectId: 'p3-sambirejo',
    villageCode: SAMBIREJO,
    plannedStart: '2025-09-01',
    plannedEnd: '2025-12-15',
  });
  await register({
    projectId: 'p4-rabat-2026',
    fiscalYear: 2026,
    plannedStart: '2026-04-01',
    plannedEnd: '2026-06-30',
  });
  const fields = { reportDate: '2025-06-20', percent: 100, realisedVolume: '250' };
  await projects.report(
    ACTOR,
    'report-p2',
    { ...fields, projectId: 'p2-rabat', workers: 6, workingDays: 40 },
    [{ bytes: jpegWithExif() }],
  );
  await projects.handle(ACTOR, 'clear', 'ClearDuplicateSuspicion', {
    projectId: 'p3-sambirejo',
    suspicionId: 'p3-sambirejo~p1-aspal',
    reason: 'Ruas berbeda, hanya berdampingan di peta',
  });
  return store;
}

async function reportAt(store: EventStore, clocks: Clocks = {}, asOf = AS_OF) {
  const projects = await projectAt(store, projectOutputsProjection(), clocks);
  return {
    projects,
    report: monitoringReport(emptyStreamStates(), reference, asOf, undefined, undefined, projects),
  };
}

const rowOf = (report: Awaited<ReturnType<typeof reportAt>>['report'], villageCode: string) =>
  report.districts.flatMap((d) => d.villages).find((v) => v.identity.villageCode === villageCode)!;

describe("the regency monitoring report's project columns", () => {
  let store: EventStore;
  beforeAll(async () => {
    store = await fourRoads();
  });

  it('counts per village the projects of the year, those behind schedule or without photos, and open suspicions', async () => {
    const { report } = await reportAt(store);
    // Kandangan: P1 (ended 30 June unreported, no photo) and P2; open P2~P1, P3~P2, P4~P1, P4~P2.
    expect(rowOf(report, KANDANGAN).projects).toEqual({
      registered: 2,
      behindSchedule: 1,
      withoutPhotos: 1,
      openSuspicions: 4,
    });
    // Sambirejo: P3 not started yet; open P3~P2 and P4~P3 (P3~P1 cleared).
    expect(rowOf(report, SAMBIREJO).projects).toEqual({
      registered: 1,
      behindSchedule: 0,
      withoutPhotos: 0,
      openSuspicions: 2,
    });
    expect(rowOf(report, '35.10.01.2002').projects).toEqual({
      registered: 0,
      behindSchedule: 0,
      withoutPhotos: 0,
      openSuspicions: 0,
    });
  });

  it('reads progress as of the business date: before its report P2 had no photo either', async () => {
    const { report } = await reportAt(store, { asOf: '2025-06-19' }, '2025-06-19');
    expect(rowOf(report, KANDANGAN).projects).toMatchObject({
      behindSchedule: 0,
      withoutPhotos: 2,
    });
  });

  it("shows the counts in the district's sheet, hence in its csv and xlsx", async () => {
    const { report } = await reportAt(store);
    const sheet = monitoringTables(report).find((table) => table.name === 'Pesanggaran')!;
    const csv = renderCsv(sheet).split(/\r?\n/);
    const header = csv.find((line) => line.includes('Dugaan Duplikasi Terbuka'))!;
    expect(header.split(',').slice(-5)).toEqual([
      'Proyek Fisik',
      'Proyek Terlambat',
      'Proyek Tanpa Foto',
      'Dugaan Duplikasi Terbuka',
      'Pengecualian Impor',
    ]);
    const kandangan = csv.find((line) => line.includes(KANDANGAN))!;
    expect(kandangan.split(',').slice(-5)).toEqual(['2', '1', '1', '4', '0']);
  });

  it("lists a village's open suspicions for its year page, later and earlier project", async () => {
    const { projects } = await reportAt(store);
    const listed = villageOpenSuspicions(projects, KANDANGAN, 2025);
    expect(listed.map((s) => s.suspicionId)).toEqual([
      'p2-rabat~p1-aspal',
      'p3-sambirejo~p2-rabat',
      'p4-rabat-2026~p1-aspal',
      'p4-rabat-2026~p2-rabat',
    ]);
    expect(listed[1]).toMatchObject({
      kind: 'overlap',
      later: { projectId: 'p3-sambirejo', villageCode: SAMBIREJO, fiscalYear: 2025 },
      earlier: { projectId: 'p2-rabat', villageCode: KANDANGAN, channel: 'apbdes' },
    });
    expect(villageOpenSuspicions(projects, SAMBIREJO, 2025).map((s) => s.suspicionId)).toEqual([
      'p3-sambirejo~p2-rabat',
      'p4-rabat-2026~p3-sambirejo',
    ]);
  });
});
