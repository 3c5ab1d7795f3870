import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  streamNameFilter,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type Position,
} from '@eventstore/db-client';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb-test-server';

/** The test server as the raw client sees it: the protocol facts the adapter relies on. */
describe('EventStoreDB gRPC test server', () => {
  let server: EsdbTestServer;
  let client: EventStoreDBClient;

  beforeEach(async () => {
    server = await startEsdbTestServer();
    client = EventStoreDBClient.connectionString(server.url);
  });
  afterEach(async () => {
    await client.dispose();
    await server.stop();
  });

  const happened = () =>
    jsonEvent({ id: randomUUID(), type: 'Happened', data: { at: randomUUID() } });

  async function collect(read: AsyncIterable<AllStreamResolvedEvent>): Promise<Position[]> {
    const positions: Position[] = [];
    for await (const resolved of read) if (resolved.event) positions.push(resolved.event.position);
    return positions;
  }

  test('reports a wrong expected version with expected and current revision', async () => {
    await client.appendToStream('s', [happened(), happened()]);
    const error = await client
      .appendToStream('s', happened(), { expectedRevision: 0n })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedVersionError);
    expect(error).toMatchObject({ streamName: 's', expectedVersion: 0n, actualVersion: 1n });
  });

  test('commit and prepare positions are equal; $all forwards is inclusive, backwards exclusive', async () => {
    await client.appendToStream('s', [happened(), happened(), happened()]);
    const all = await collect(client.readAll({ direction: FORWARDS }));
    expect(all.every((p) => p.commit === p.prepare)).toBe(true);
    const middle = all[1]!;
    expect(await collect(client.readAll({ fromPosition: middle }))).toEqual(all.slice(1));
    expect(await collect(client.readAll({ fromPosition: middle, direction: BACKWARDS }))).toEqual([
      all[0],
    ]);
  });

  test('a filtered $all subscription is exclusive of its start, sends checkpoints and caught-up', async () => {
    await client.appendToStream('noise', Array.from({ length: 40 }, happened));
    await client.appendToStream('desa-1', [happened(), happened()]);
    const [start] = await collect(client.readAll({ maxCount: 1 }));
    const checkpoints: Position[] = [];
    const subscription = client.subscribeToAll({
      fromPosition: start!,
      filter: streamNameFilter({
        prefixes: ['desa-'],
        maxSearchWindow: 10,
        checkpointReached: (_s, p) => void checkpoints.push(p),
      }),
    });
    const caughtUp = new Promise<void>((resolve) => subscription.once('caughtUp', resolve));
    const received: string[] = [];
    subscription.on('data', (resolved: AllStreamResolvedEvent) =>
      received.push(resolved.event!.streamId),
    );
    await caughtUp;
    await subscription.unsubscribe();
    expect(received).toEqual(['desa-1', 'desa-1']);
    // 41 events considered after the start, a checkpoint every 10.
    expect(checkpoints).toHaveLength(4);
  });

  test('answers gossip, so esdb+discover:// connects to it as a one-node cluster', async () => {
    const discovering = EventStoreDBClient.connectionString(
      server.url.replace('esdb://', 'esdb+discover://'),
    );
    try {
      const result = await discovering.appendToStream('s', happened());
      expect(result.nextExpectedRevision).toBe(0n);
    } finally {
      await discovering.dispose();
    }
  });
});
