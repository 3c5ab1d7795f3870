import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { syncProgressBar } from '../../src/cli/sync-progress';
import { villageStreamId } from '../../src/domain/village/decider';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createMemoryStore } from '../../src/eventstore/memory';
import { syncNode, type SyncProgress, type SyncTransport } from '../../src/sync/node-sync';
import { VILLAGE, YEAR } from '../http/support';

const STREAM = villageStreamId(VILLAGE, YEAR);

/** A regency that takes every batch whole and has nothing to send down. */
const acceptingEverything: SyncTransport = {
  heads: async () => new Map(),
  push: async (batches) =>
    batches.map((batch) => ({
      kind: 'appended' as const,
      stream: batch.stream,
      acknowledged: batch.fromRevision + BigInt(batch.events.length) - 1n,
    })),
  pull: async () => [],
};

describe('a push’s progress', () => {
  test('is told after each request: streams finished of the node’s, events sent so far', async () => {
    const store = withHashChain(createMemoryStore());
    for (let n = 0; n < 1_200; n++)
      await store.append(
        STREAM,
        [{ id: randomUUID(), type: 'Noted', data: { n }, metadata: {} }],
        'any',
      );
    const told: SyncProgress[] = [];
    await syncNode({
      store,
      nodeId: randomUUID(),
      villageCode: VILLAGE,
      fiscalYears: [YEAR],
      transport: acceptingEverything,
      onProgress: (progress) => told.push(progress),
    });
    // Batches of 500 events (SYNC_BATCH_EVENTS_MAX): three requests for the one stream.
    expect(told).toEqual([
      { streamsDone: 0, streamsTotal: 1, eventsSent: 0 },
      { streamsDone: 0, streamsTotal: 1, eventsSent: 500 },
      { streamsDone: 0, streamsTotal: 1, eventsSent: 1_000 },
      { streamsDone: 1, streamsTotal: 1, eventsSent: 1_200 },
    ]);
  });

  test('without a terminal, the CLI prints a plain line at the start and at the end', async () => {
    const stream = new PassThrough();
    let written = '';
    stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
    const progress = syncProgressBar(stream as unknown as NodeJS.WriteStream);
    progress.update({ streamsDone: 0, streamsTotal: 2, eventsSent: 0 });
    progress.update({ streamsDone: 1, streamsTotal: 2, eventsSent: 500 });
    progress.update({ streamsDone: 2, streamsTotal: 2, eventsSent: 740 });
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(written.trim().split('\n')).toEqual([
      'sync push: 0/2 aliran / streams | 0 peristiwa terkirim / events sent',
      'sync push: 2/2 aliran / streams | 740 peristiwa terkirim / events sent',
    ]);
  });
});
