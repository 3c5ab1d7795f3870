import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { ProjectReadSide } from '../../src/app/project-read-side';
import { createProjectService } from '../../src/app/project-service';
import { createRegionService } from '../../src/app/region-service';
import { DEFAULT_MONITORING_POLICY } from '../../src/domain/projects/policy';
import { MemoryBlobStore } from '../../src/eventstore/blob-store';
import { createMemoryStore } from '../../src/eventstore/memory';
import { jpegWithExif } from '../support/jpeg-with-exif';
import { villageRoad } from '../support/project-fixtures';
import { REGENCY, VILLAGE } from '../support/village-fixtures';

describe('the projects read side', () => {
  it('folds each event once when callers catch up at the same moment', async () => {
    const store = createMemoryStore();
    const reference = new ReferenceCatalog();
    const projects = createProjectService({
      store,
      blobs: new MemoryBlobStore(),
      reference,
      regions: createRegionService({ store, regencyCode: REGENCY, reference }),
    });
    const actor = { id: 'tpk', role: 'activityExecutor', displayName: 'TPK' };
    const road = villageRoad({ villageCode: VILLAGE });
    await projects.handle(actor, 'a', 'RegisterVillageProject', road);
    const report = {
      reportDate: '2025-04-20',
      percent: 0,
      realisedVolume: '0',
      workers: 3,
      workingDays: 1,
    };
    await projects.report(actor, 'b', { ...report, projectId: road.projectId }, [
      { bytes: jpegWithExif() },
    ]);

    const readSide = new ProjectReadSide(store, DEFAULT_MONITORING_POLICY.duplicates);
    await Promise.all([readSide.catchUp(), readSide.catchUp(), readSide.catchUp()]);
    expect(readSide.get(road.projectId)?.photos).toHaveLength(1);
    expect(readSide.registrationOrder()).toEqual([road.projectId]);
    expect(readSide.neighbours({ ...road, projectId: 'other' }).map((p) => p.projectId)).toEqual([
      road.projectId,
    ]);
  });
});
