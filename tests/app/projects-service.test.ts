import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { ProjectReadSide } from '../../src/app/project-read-side';
import { DEFAULT_MONITORING_POLICY } from '../../src/domain/projects/policy';
import { MemoryBlobStore } from '../../src/eventstore/blob-store';
import { createMemoryStore } from '../../src/eventstore/memory';
import { jpegWithExif } from '../support/jpeg-with-exif';
import { villageRoad, projectServiceOver } from '../support/project-fixtures';
import { VILLAGE } from '../support/village-fixtures';

describe('the projects service and its read side', () => {
  it('folds each event once when callers catch up at the same moment', async () => {
    const store = createMemoryStore();
    const projects = projectServiceOver(store);
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

  it('removes after a refused report only the photos no report names', async () => {
    const store = createMemoryStore();
    const reference = new ReferenceCatalog();
    const blobs = new MemoryBlobStore();
    const projects = projectServiceOver(store, { reference, blobs });
    const actor = { id: 'tpk', role: 'activityExecutor', displayName: 'TPK' };
    const road = villageRoad({ villageCode: VILLAGE });
    await projects.handle(actor, 'a', 'RegisterVillageProject', road);
    const fields = { projectId: road.projectId, realisedVolume: '0', workers: 3, workingDays: 1 };
    const named = jpegWithExif({}, 1);
    const fresh = jpegWithExif({}, 2);
    await projects.report(actor, 'b', { ...fields, reportDate: '2025-04-20', percent: 60 }, [
      { bytes: named },
    ]);
    // A folder restored without this photo: the refused report below stores it again, and it must stay.
    const [namedHash] = [...(await projects.get(road.projectId))!.photos.map((p) => p.sha256)];
    await blobs.remove(namedHash!);

    const refused = projects.report(
      actor,
      'c',
      { ...fields, reportDate: '2025-04-21', percent: 10 },
      [{ bytes: named }, { bytes: fresh }],
    );
    await expect(refused).rejects.toMatchObject({ rule: 'PROGRESS_NOT_DECREASING' });
    expect(await blobs.get(namedHash!)).toBeDefined();
    expect(blobs.size).toBe(1);
  });
});
