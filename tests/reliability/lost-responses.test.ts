import { Random } from '../support/simulation/prng';
import { sendCommand, type HttpAnswer } from '../support/simulation/http-client';
import { VILLAGES } from '../support/simulation/scenario';
import { StoreChecker } from '../support/simulation/store-checker';
import { userKey } from '../support/simulation/users';
import { Workload, type PlannedCommand } from '../support/simulation/workload';
import { startDroppingProxy, type DroppingProxy } from './support/dropping-proxy';
import { startReliabilityServer, type ReliabilityServer } from './support/reliability-server';

const SEED = 20_250_917;
const CLIENTS = 8;
const COMMANDS_PER_CLIENT = 30;
const MAX_ATTEMPTS = 50;

interface Delivery {
  planned: PlannedCommand;
  commandId: string;
  final: HttpAnswer;
  attempts: number;
  replayed: boolean;
}

/**
 * Sends one command until an answer arrives, always with the same
 * Idempotency-Key and body. Every other attempt (seeded) also hangs up right
 * after sending, so the server may or may not have run it.
 */
async function deliver(
  server: ReliabilityServer,
  proxy: DroppingProxy,
  random: Random,
  planned: PlannedCommand,
): Promise<Delivery> {
  const user = server.users.get(userKey(planned.village, planned.role))!;
  const token = server.token(planned.village, planned.role);
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      const final = await sendCommand(proxy.baseUrl, token, planned, {
        abortAfterSend: random.chance(0.25),
      });
      const replayed = final.headers['idempotent-replayed'] === 'true';
      return {
        planned,
        commandId: `${user.userId}:${planned.raw.commandId}`,
        final,
        attempts: attempt,
        replayed,
      };
    } catch {
      // The answer was lost: send the very same request again.
    }
  }
  throw new Error(`${planned.raw.commandId}: no answer after ${MAX_ATTEMPTS} attempts`);
}

describe('lost responses: retries with the same Idempotency-Key apply each command exactly once', () => {
  let server: ReliabilityServer;
  let proxy: DroppingProxy;
  let deliveries: Delivery[];

  beforeAll(async () => {
    const random = new Random(SEED);
    server = await startReliabilityServer(VILLAGES);
    proxy = await startDroppingProxy(server.baseUrl, random.fork(), 0.4);
    const workload = new Workload(random.fork(), VILLAGES);
    const client = async (own: Random) => {
      const done: Delivery[] = [];
      for (let i = 0; i < COMMANDS_PER_CLIENT; i++) {
        const delivery = await deliver(server, proxy, own, workload.next());
        if (delivery.final.status === 201) workload.accepted(delivery.planned);
        done.push(delivery);
      }
      return done;
    };
    deliveries = (
      await Promise.all(Array.from({ length: CLIENTS }, () => client(random.fork())))
    ).flat();
  }, 300_000);

  afterAll(async () => {
    await proxy.close();
    await server.close();
  });

  it('lost some answers after the server had run the command, and the retries were answered as replays', () => {
    expect(proxy.dropped()).toBeGreaterThan(10);
    expect(deliveries.filter((d) => d.replayed).length).toBeGreaterThan(5);
    expect(deliveries.filter((d) => d.final.status === 201).length).toBeGreaterThan(
      CLIENTS * COMMANDS_PER_CLIENT * 0.5,
    );
  });

  it('stores each accepted command once, exactly the events its answer names, and nothing for a refused one', async () => {
    const events = await server.store.readAll({ maxCount: 1_000_000 });
    const byCommand = new Map<string, string[]>();
    for (const event of events) {
      const id = String(event.metadata.commandId);
      byCommand.set(id, [...(byCommand.get(id) ?? []), `${event.streamId}@${event.revision}`]);
    }
    for (const delivery of deliveries) {
      const answered =
        delivery.final.status === 201
          ? (delivery.final.body!.events as { revision: string }[]).map(
              (e) => `${delivery.final.body!.streamId}@${e.revision}`,
            )
          : [];
      expect({
        command: delivery.commandId,
        stored: byCommand.get(delivery.commandId) ?? [],
      }).toEqual({ command: delivery.commandId, stored: answered });
    }
  });

  it('keeps every ledger invariant and every hash chain', async () => {
    const checker = new StoreChecker(server.store);
    await checker.check(0);
    expect(checker.violations).toEqual([]);
  });
});
