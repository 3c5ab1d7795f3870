import { createLedger, type Ledger } from '../../src/app/ledger';
import { withHashChain } from '../../src/eventstore/chained-store';
import { WrongExpectedRevisionError } from '../../src/eventstore/errors';
import { createMemoryStore } from '../../src/eventstore/memory';
import type { EventStore } from '../../src/eventstore/port';
import { DomainError } from '../../src/domain/shared/domain-error';
import { command } from '../support/decider-specification';
import {
  activity,
  allocateDanaDesa,
  enactedSmallBudget,
  openYear,
  VILLAGE,
  villageSpec,
  YEAR,
  issueFixture,
} from '../support/village-fixtures';
import { randomUUID } from 'node:crypto';
import { toEventData } from '../../src/eventstore/codec/event-codec';
import { villageDecider } from '../../src/domain/village/decider';
import type { VillageEvent } from '../../src/domain/village/events';

const STREAM = `village-${VILLAGE}-${YEAR}`;

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('ledger (command handling against the event store)', () => {
  let store: EventStore;
  let ledger: Ledger;
  beforeEach(() => {
    store = withHashChain(createMemoryStore());
    ledger = createLedger({ store });
  });

  it('enacts a budget checked against the allocation the regency stream holds', async () => {
    await allocateDanaDesa(ledger);
    for (const raw of enactedSmallBudget()) await issueFixture(ledger, VILLAGE, raw);
    const state = await ledger.villageState(VILLAGE, YEAR);
    expect(state.budget.versions.map((version) => version.label)).toEqual(['APBDes awal']);
    const [first] = await store.readStream(STREAM, { maxCount: 1 });
    expect(first?.metadata).toMatchObject({
      actor: { id: 'u-sekdes', role: 'sekretaris-desa', displayName: 'Siti Aminah' },
      schemaVersion: 1,
      hash: expect.any(String),
    });
  });

  it('refuses the budget when the regency allocation differs, leaving the store as it was', async () => {
    await allocateDanaDesa(ledger, '90000000');
    const history = enactedSmallBudget();
    for (const raw of history.slice(0, 9)) await issueFixture(ledger, VILLAGE, raw);
    const before = await store.streamRevision(STREAM);
    const error = await refusal(ledger.executeVillageCommand(VILLAGE, YEAR, history[9]));
    expect(error.toJSON()).toMatchObject({
      rule: 'ALLOCATION_MATCHED',
      field: 'revenue.DDS',
      value: '100000000.00',
    });
    expect(await store.streamRevision(STREAM)).toBe(before);
  });

  it('returns the original outcome for a repeated command and writes nothing', async () => {
    await ledger.executeVillageCommand(VILLAGE, YEAR, openYear());
    const plan = activity('road', '02.03.10', 'DDS');
    const first = await ledger.executeVillageCommand(VILLAGE, YEAR, plan);
    const again = await createLedger({ store }).executeVillageCommand(VILLAGE, YEAR, plan);
    expect(first.duplicate).toBe(false);
    expect(again.duplicate).toBe(true);
    expect(again.events.map(({ type, data, revision }) => ({ type, data, revision }))).toEqual(
      first.events.map(({ type, data, revision }) => ({ type, data, revision })),
    );
    expect(await store.streamRevision(STREAM)).toBe(1n);
  });

  it('refuses the same command id with other content', async () => {
    await ledger.executeVillageCommand(VILLAGE, YEAR, openYear());
    const plan = activity('road', '02.03.10', 'DDS');
    await ledger.executeVillageCommand(VILLAGE, YEAR, plan);
    const error = await refusal(
      ledger.executeVillageCommand(VILLAGE, YEAR, {
        ...activity('well', '02.04.11', 'DDS'),
        commandId: plan.commandId,
      }),
    );
    expect(error.rule).toBe('COMMAND_ID_CONFLICT');
    expect(await store.streamRevision(STREAM)).toBe(1n);
  });

  it('refuses malformed commands and unknown regencies as domain errors', async () => {
    expect(
      (
        await refusal(
          ledger.executeVillageCommand(VILLAGE, YEAR, { type: 'OpenVillageFiscalYear' }),
        )
      ).rule,
    ).toBe('COMMAND_SCHEMA');
    const error = await refusal(ledger.executeVillageCommand('99.99.01.2001', YEAR, openYear()));
    expect(error.toJSON()).toMatchObject({
      rule: 'REGION_KNOWN',
      field: 'villageCode',
      value: '99.99.01.2001',
    });
    const regency = await refusal(
      ledger.executeRegencyCommand('99.99', YEAR, command('OpenRegencyFiscalYear', {})),
    );
    expect(regency.toJSON()).toMatchObject({
      rule: 'REGION_KNOWN',
      field: 'regencyCode',
      value: '99.99',
    });
  });

  it('retries when another writer appended between load and append', async () => {
    const other = createLedger({ store });
    await ledger.executeVillageCommand(VILLAGE, YEAR, openYear());
    await other.villageState(VILLAGE, YEAR);
    let interfered = false;
    const racing: EventStore = {
      ...store,
      append: async (stream, events, expected) => {
        if (!interfered) {
          interfered = true;
          await other.executeVillageCommand(VILLAGE, YEAR, activity('well', '02.04.11', 'DDS'));
        }
        return store.append(stream, events, expected);
      },
    };
    const racer = createLedger({ store: racing });
    const outcome = await racer.executeVillageCommand(
      VILLAGE,
      YEAR,
      activity('road', '02.03.10', 'DDS'),
    );
    expect(outcome.events[0]?.revision).toBe(2n);
    expect([...(await racer.villageState(VILLAGE, YEAR)).planning.activities.keys()]).toEqual([
      'well',
      'road',
    ]);
  });

  it('gives up after a bounded number of conflicts', async () => {
    let attempts = 0;
    const conflicting: EventStore = {
      ...store,
      append: async (stream, _events, expected) => {
        attempts += 1;
        throw new WrongExpectedRevisionError(stream, expected, 7n);
      },
    };
    await expect(
      createLedger({ store: conflicting, maxRetries: 2 }).executeVillageCommand(
        VILLAGE,
        YEAR,
        openYear(),
      ),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(attempts).toBe(3);
  });

  it('catches a 5,000-event stream up from the cached revision instead of re-reading it', async () => {
    const seed = villageSpec();
    let state = villageDecider.initialState;
    const history: VillageEvent[] = [];
    for (const raw of [
      openYear(),
      ...Array.from({ length: 4999 }, (_, index) => activity(`a-${index}`, '02.03.10', 'DDS')),
    ]) {
      const events = seed.decide(raw, state) as VillageEvent[];
      state = events.reduce(villageDecider.evolve, state);
      history.push(...events);
    }
    await store.append(
      STREAM,
      history.map((event) => toEventData(event, randomUUID())),
      'no_stream',
    );
    const reads: { fromRevision?: bigint; count: number }[] = [];
    const counting: EventStore = {
      ...store,
      readStream: async (stream, options) => {
        const events = await store.readStream(stream, options);
        if (stream === STREAM)
          reads.push({ fromRevision: options?.fromRevision, count: events.length });
        return events;
      },
    };
    const warm = createLedger({ store: counting });
    await warm.villageState(VILLAGE, YEAR);
    expect(reads.reduce((total, read) => total + read.count, 0)).toBe(5000);
    reads.length = 0;
    const started = performance.now();
    await warm.executeVillageCommand(VILLAGE, YEAR, activity('last', '02.03.10', 'DDS'));
    const elapsed = performance.now() - started;
    expect(reads).toEqual([{ fromRevision: 5000n, count: 0 }]);
    expect(elapsed).toBeLessThan(500);
  });
});
