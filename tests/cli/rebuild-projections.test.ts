import { randomUUID } from 'node:crypto';
import { projectionList } from '../../projections/read-models/read-models';
import { openReadModels } from '../../src/composition/read-model-runtime';
import { rebuildProjections } from '../../src/cli/rebuild-projections-command';
import { seedDemo } from '../../src/demo/seed-demo';
import { openStore } from '../../src/composition/open-store';
import type { EventStore } from '../../src/eventstore/port';
import { tempDir } from '../support/temp-dir';

/** More events than one page of the engine's catch-up (4096), none a projection reads. */
const NOISE_EVENTS = 5_000;
const BATCH = 500;

async function appendNoise(store: EventStore): Promise<void> {
  for (let batch = 0; batch < NOISE_EVENTS / BATCH; batch += 1)
    await store.append(
      'noise-1',
      Array.from({ length: BATCH }, () => ({
        id: randomUUID(),
        type: 'NoiseRecorded',
        data: {},
        metadata: {},
      })),
      'any',
    );
}

/** Every read model's state, serialised as the engine saves it. */
function savedStates(store: EventStore, config: { store: 'embedded'; dataDir: string }) {
  const readModels = openReadModels(store, config);
  try {
    return projectionList(readModels.projections).map((projection) =>
      JSON.stringify(projection.serialize(readModels.engine.state(projection))),
    );
  } finally {
    readModels.close();
  }
}

describe('rebuildProjections', () => {
  const data = tempDir('kasdesa-rebuild-');
  const config = { store: 'embedded' as const, dataDir: data.dir };
  let store: EventStore;

  beforeAll(async () => {
    store = openStore(config);
    await appendNoise(store);
    await seedDemo(store, { villages: 2, fullYear: 1 });
  }, 120_000);

  afterAll(async () => {
    await store.close();
    data.remove();
  });

  it('saves the progress of an interrupted rebuild, and --resume ends where a fresh rebuild ends', async () => {
    const head = await store.headPosition();
    const controller = new AbortController();
    const pages: bigint[] = [];
    const interrupted = await rebuildProjections(store, config, {
      resume: false,
      signal: controller.signal,
      onPage(position) {
        pages.push(position);
        controller.abort();
      },
    });
    expect(interrupted.interrupted).toBe(true);
    expect(pages).toHaveLength(1);
    expect(pages[0]!).toBeLessThan(head);
    expect(interrupted.projections.map((p) => p.checkpoint)).toEqual(
      interrupted.projections.map(() => pages[0]),
    );

    const resumed = await rebuildProjections(store, config, {
      resume: true,
      signal: new AbortController().signal,
    });
    expect(resumed.interrupted).toBe(false);
    expect(resumed.projections.every((p) => p.checkpoint === head && p.caughtUp)).toBe(true);
    const afterResume = savedStates(store, config);

    const progress: bigint[] = [];
    await rebuildProjections(store, config, {
      resume: false,
      signal: new AbortController().signal,
      onPage: (position) => progress.push(position),
    });
    expect(progress.at(-1)).toBe(head);
    expect(savedStates(store, config)).toEqual(afterResume);
  }, 120_000);
});
