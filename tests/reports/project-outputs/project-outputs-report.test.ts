import type { ProjectOutput, ReportedStep } from '../../../projections/read-models/project-outputs';
import { ReferenceCatalog } from '../../../src/app/load-reference-data';
import {
  expectedPercent,
  projectOutputsReport,
} from '../../../src/reports/project-outputs/project-outputs-report';
import { projectOutputsTables } from '../../../src/reports/project-outputs/project-outputs-tables';
import { villageRoad } from '../../support/project-fixtures';

const REFERENCE = new ReferenceCatalog().get(2025, '35.10');
const KANDANGAN = '35.10.01.2001';
const SAMBIREJO = '35.10.02.2001';

const step = (reportDate: string, percent: number, realisedVolume: string, photos = 1) => ({
  reportDate,
  percent,
  realisedVolume,
  photos,
  flaggedPhotos: 0,
});

function output(
  overrides: Parameters<typeof villageRoad>[0],
  reports: ReportedStep[] = [],
  openSuspicions: string[] = [],
): ProjectOutput {
  return { project: { ...villageRoad(overrides), channel: 'apbdes' }, reports, openSuspicions };
}

/** On 20 May 2025: a road half built on time, a hall never reported, an old drain overdue, next year's well. */
const STATE = {
  projects: {
    road: output(
      { projectId: 'road', villageCode: KANDANGAN },
      [step('2025-04-20', 0, '0'), { ...step('2025-05-20', 50, '125', 2), flaggedPhotos: 1 }],
      ['road~asphalt'],
    ),
    hall: output({
      projectId: 'hall',
      villageCode: SAMBIREJO,
      outputType: 'balai-desa',
      volume: '1',
      unit: 'unit',
    }),
    drain: output(
      {
        projectId: 'drain',
        villageCode: KANDANGAN,
        volume: '100',
        plannedStart: '2025-02-01',
        plannedEnd: '2025-03-31',
      },
      [step('2025-02-10', 0, '0'), step('2025-03-10', 60, '60'), step('2025-06-01', 100, '100')],
    ),
    well: output({ projectId: 'well', villageCode: KANDANGAN, fiscalYear: 2026 }),
  },
  suspicions: {},
};

describe('the output realisation report', () => {
  const report = projectOutputsReport(STATE, REFERENCE, '2025-05-20');
  const byId = new Map(report.projects.map((row) => [row.projectId, row]));

  it('sets each project’s realised volume beside the planned one, as of the date asked', () => {
    expect(report.projects.map((row) => row.projectId)).toEqual(['drain', 'road', 'hall']);
    expect(byId.get('road')).toMatchObject({
      villageName: 'Kandangan',
      plannedVolume: '250',
      realisedVolume: '125',
      volumePercent: '50.00',
      percent: 50,
      expectedPercent: 54,
      budget: '187500000.00',
      lastReportDate: '2025-05-20',
      missingPhotoSteps: [],
      flaggedPhotos: 1,
      openSuspicions: 1,
    });
    // The drain's 1 June report is after the date asked: it does not count yet.
    expect(byId.get('drain')).toMatchObject({ realisedVolume: '60', percent: 60 });
    expect(byId.get('hall')).toMatchObject({ realisedVolume: '0', percent: null });
  });

  it('sums planned and realised volume per output type and unit', () => {
    expect(report.byOutputType).toEqual([
      {
        outputType: 'balai-desa',
        unit: 'unit',
        projects: 1,
        plannedVolume: '1',
        realisedVolume: '0',
        volumePercent: '0.00',
      },
      {
        outputType: 'rabat-beton',
        unit: 'm',
        projects: 2,
        plannedVolume: '350',
        realisedVolume: '185',
        volumePercent: '52.86',
      },
    ]);
  });

  it('lists the projects behind schedule and those whose due photo steps have no photo', () => {
    expect(report.behindSchedule.map((row) => [row.projectId, row.reason])).toEqual([
      ['drain', 'overdue'],
      ['hall', 'not-reported'],
    ]);
    expect(report.photosMissing.map((row) => [row.projectId, row.missingPhotoSteps])).toEqual([
      ['drain', [100]],
      ['hall', [0, 50]],
    ]);
  });

  it('lists the projects with an open duplicate suspicion', () => {
    expect(report.suspected.map((row) => row.projectId)).toEqual(['road']);
  });

  it('narrows to one district', () => {
    const district = projectOutputsReport(STATE, REFERENCE, '2025-05-20', '35.10.02');
    expect(district.projects.map((row) => row.projectId)).toEqual(['hall']);
    expect(district.district).toEqual({ code: '35.10.02', name: 'Bangorejo' });
  });

  it('lays the five lists out as sheets', () => {
    const tables = projectOutputsTables(report);
    expect(tables.map((table) => [table.name, table.rows.length])).toEqual([
      ['Realisasi Keluaran', 3],
      ['Per Jenis Keluaran', 2],
      ['Terlambat', 2],
      ['Foto Belum Ada', 2],
      ['Dugaan Duplikasi', 1],
    ]);
    expect(tables[2]!.rows[1]!.cells).toMatchObject({
      project: 'Rabat beton jalan Dusun Krajan [hall]',
      reason: 'Belum ada laporan kemajuan',
      photoSteps: '0, 50',
    });
  });

  it('expects progress along a straight line from planned start to planned end', () => {
    expect(expectedPercent('2025-04-01', '2025-06-30', '2025-03-31')).toBe(0);
    expect(expectedPercent('2025-04-01', '2025-06-30', '2025-04-01')).toBe(0);
    expect(expectedPercent('2025-04-01', '2025-06-30', '2025-05-16')).toBe(50);
    expect(expectedPercent('2025-04-01', '2025-06-30', '2025-06-30')).toBe(100);
    expect(expectedPercent('2025-04-01', '2025-04-01', '2025-04-01')).toBe(100);
  });
});
