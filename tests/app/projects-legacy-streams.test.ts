import { randomUUID } from 'node:crypto';
import { projectOutputsProjection } from '../../projections/read-models/project-outputs';
import { duplicatesStreamId } from '../../src/domain/projects/duplicate-decider';
import { duplicateEvidence } from '../../src/domain/projects/duplicates';
import { DEFAULT_MONITORING_POLICY } from '../../src/domain/projects/policy';
import { projectStreamId } from '../../src/domain/projects/project-decider';
import { createMemoryStore } from '../../src/eventstore/memory';
import type { EventStore } from '../../src/eventstore/port';
import { writerOf } from '../../src/sync/stream-writer';
import { jpegWithExif } from '../support/jpeg-with-exif';
import { regencyAsphalt, villageRoad, projectServiceOver } from '../support/project-fixtures';
import { REGENCY, VILLAGE } from '../support/village-fixtures';

const actor = { id: 'bpkad', role: 'regencyFinance', displayName: 'BPKAD' };
const ROAD = villageRoad({ villageCode: VILLAGE });
const ASPHALT = regencyAsphalt(VILLAGE);
const SUSPICION = `${ASPHALT.projectId}~${ROAD.projectId}`;

/** An event as the code before this one stored it: every project's facts on `project-{id}`. */
const stored = (type: string, data: object) => ({
  id: randomUUID(),
  type,
  data: data as Record<string, unknown>,
  metadata: { schemaVersion: 1, commandId: randomUUID(), commandFingerprint: 'f', actor },
});

/** The road, then the asphalt with its suspicion on its own stream, as stored before suspicions moved. */
async function legacyStore(): Promise<EventStore> {
  const store = createMemoryStore();
  await store.append(
    projectStreamId(ROAD.projectId),
    [stored('ProjectRegistered', ROAD)],
    'no_stream',
  );
  const evidence = duplicateEvidence(ASPHALT, ROAD, DEFAULT_MONITORING_POLICY.duplicates);
  expect(evidence).toBeDefined();
  await store.append(
    projectStreamId(ASPHALT.projectId),
    [
      stored('ProjectRegistered', ASPHALT),
      stored('DuplicateSuspected', { suspicionId: SUSPICION, evidence }),
    ],
    'no_stream',
  );
  return store;
}

describe('project streams stored before village projects had their own names', () => {
  it('stay readable: the suspicion on a project stream is shown, decided on the regency stream, and not raised again', async () => {
    const store = await legacyStore();
    const projects = projectServiceOver(store);
    expect((await projects.get(ROAD.projectId))?.suspicions).toEqual([
      expect.objectContaining({ suspicionId: SUSPICION, status: 'open' }),
    ]);
    expect(writerOf(projectStreamId(ROAD.projectId))).toEqual({ kind: 'regency' });

    const scan = await projects.scan(actor, 'scan-1');
    expect(scan).toEqual({ checked: 2, suspected: [] });
    await projects.handle(actor, 'clear', 'ClearDuplicateSuspicion', {
      projectId: ROAD.projectId,
      suspicionId: SUSPICION,
      reason: 'Ruas berbeda, dicek di lapangan',
    });
    const decided = await store.readStream(duplicatesStreamId(REGENCY));
    expect(decided.map((event) => event.type)).toEqual(['DuplicateSuspicionCleared']);
    expect((await projects.get(ROAD.projectId))?.suspicions[0]?.status).toBe('cleared');

    // Progress of an older project goes on the stream it was registered on.
    const executor = { id: 'tpk', role: 'activityExecutor', displayName: 'TPK' };
    const report = { reportDate: '2025-04-20', percent: 0, realisedVolume: '0' };
    const outcome = await projects.report(
      executor,
      'report',
      { ...report, workers: 3, workingDays: 1, projectId: ROAD.projectId },
      [{ bytes: jpegWithExif() }],
    );
    expect(outcome.streamId).toBe(projectStreamId(ROAD.projectId));

    const projection = projectOutputsProjection();
    let state = projection.initialState();
    for (const recorded of await store.readAll({ maxCount: 1_000 }))
      state = projection.apply(state, recorded);
    expect(state.suspicions[SUSPICION]).toMatchObject({
      status: 'cleared',
      later: { projectId: ASPHALT.projectId },
      earlier: { projectId: ROAD.projectId },
    });
    expect(state.projects[ROAD.projectId]?.reports).toEqual([
      expect.objectContaining({ reportDate: '2025-04-20', percent: 0, photos: 1 }),
    ]);
  });
});
