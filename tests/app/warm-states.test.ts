import { createLedger } from '../../src/app/ledger';
import { warmVillageStates } from '../../src/app/warm-states';
import { villageStreamId } from '../../src/domain/village/decider';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createMemoryStore } from '../../src/eventstore/memory';
import type { EventStore, ReadStreamOptions } from '../../src/eventstore/port';
import { statesWarmed } from '../../src/http/readiness';
import { STATE_CACHE_STREAMS_MAX } from '../../src/limits';
import { ReferenceCatalog } from '../../src/app/load-reference-data';
import { activity, openYear, REGENCY, VILLAGE, YEAR } from '../support/village-fixtures';

const STREAM = villageStreamId(VILLAGE, YEAR);

/** The warm-up over the regency's default reference data, as the server starts it. */
const warm = (ledger: Parameters<typeof warmVillageStates>[0], store: EventStore, limit?: number) =>
  warmVillageStates(ledger, store, new ReferenceCatalog(), REGENCY, limit);

/** The store, with the revision each read of STREAM started from. */
function watchedReads(store: EventStore) {
  const readsFrom: bigint[] = [];
  const watched: EventStore = {
    ...store,
    readStream(stream: string, options?: ReadStreamOptions) {
      if (stream === STREAM) readsFrom.push(options?.fromRevision ?? 0n);
      return store.readStream(stream, options);
    },
  };
  return { watched, readsFrom };
}

describe('warming the command states at start', () => {
  let store: EventStore;
  beforeEach(async () => {
    store = withHashChain(createMemoryStore());
    const writer = createLedger({ store });
    await writer.executeVillageCommand(VILLAGE, YEAR, openYear());
    await writer.executeVillageCommand(VILLAGE, YEAR, activity('road', '02.03.10', 'DDS'));
  });

  it('folds each village year stream with events once, so a later command reads only what follows', async () => {
    const { watched, readsFrom } = watchedReads(store);
    const ledger = createLedger({ store: watched });
    const { progress, finished } = warm(ledger, watched);
    await finished;
    expect(progress).toEqual({ done: true, streams: 1, failed: 0 });
    expect(readsFrom).toEqual([0n]);
    const head = (await store.streamRevision(STREAM))!;
    await ledger.executeVillageCommand(VILLAGE, YEAR, activity('well', '02.03.11', 'DDS'));
    expect(readsFrom).toEqual([0n, head + 1n]);
  });

  it('stops at its limit and refuses one the state cache could not hold', async () => {
    const ledger = createLedger({ store });
    const none = warm(ledger, store, 0);
    await none.finished;
    expect(none.progress).toEqual({ done: true, streams: 0, failed: 0 });
    expect(() => warm(ledger, store, STATE_CACHE_STREAMS_MAX + 1)).toThrow(/would evict/);
  });

  it('holds back readiness until it is done, then names what it warmed', async () => {
    const ledger = createLedger({ store });
    const { progress, finished } = warm(ledger, store);
    const check = statesWarmed(progress);
    await expect(check.check()).rejects.toThrow(/warming/);
    await finished;
    await expect(check.check()).resolves.toBe('1 streams warm, 0 failed');
  });

  it('counts a stream that cannot be loaded as failed and goes on', async () => {
    const ledger = createLedger({ store });
    const broken = { ...ledger, loadVillage: () => Promise.reject(new Error('impossible event')) };
    const { progress, finished } = warm(broken, store);
    await finished;
    expect(progress).toEqual({ done: true, streams: 0, failed: 1 });
  });
});
