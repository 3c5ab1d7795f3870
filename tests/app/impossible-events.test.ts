import { StreamHandler } from '../../src/app/stream-handler';
import { rebuildProjections } from '../../src/cli/rebuild-projections-command';
import { openStore } from '../../src/composition/open-store';
import { regencyDecider } from '../../src/domain/regency/decider';
import { regencyEventSchemas } from '../../src/domain/regency/events';
import { ImpossibleEventError } from '../../src/domain/shared/impossible-event';
import { villageDecider } from '../../src/domain/village/decider';
import { villageEventSchemas } from '../../src/domain/village/events';
import type { EventData, EventStore, RecordedEvent } from '../../src/eventstore/port';
import { fixtureEvents } from '../fixtures/events-v1/fixture';
import { tempDir } from '../support/temp-dir';

const events = fixtureEvents();
const first = (type: string) => events.find((event) => event.type === type)!;

/** A fixture event as raw event data, appended past every decision; the store seals it again. */
function raw({ id, type, data, metadata }: RecordedEvent): EventData {
  const { hash: _hash, prevHash: _prevHash, recordedAt: _recordedAt, ...kept } = metadata;
  return { id, type, data, metadata: kept };
}

const opened = first('VillageFiscalYearOpened');
const stream = opened.streamId;
/** The year's first payment, for an SPP this stream never drafted. */
const paid = first('PaymentRequestPaid');
/** A stage change of the APBDes, in a stream that never started a draft. */
const submitted = first('ApbdesSubmittedToBpd');

/** The error a promise rejects with (the test fails when it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('resolved, but an impossible event was expected to fail it'),
    (error: unknown) => error,
  );
}

function expectImpossible(error: unknown, eventType: string, revision: bigint): void {
  expect(error).toBeInstanceOf(ImpossibleEventError);
  const impossible = error as ImpossibleEventError;
  expect([impossible.eventType, impossible.place]).toEqual([
    eventType,
    { streamId: stream, revision },
  ]);
  expect(impossible.message).toContain(`"${stream}"`);
  expect(impossible.message).toContain(`${eventType}`);
  expect(impossible.message).toContain(`revision ${revision}`);
}

describe('an event that cannot follow its stream state', () => {
  const data = tempDir('kasdesa-impossible-');
  const config = { store: 'embedded' as const, dataDir: data.dir };
  let store: EventStore;

  beforeEach(() => {
    data.remove();
    store = openStore(config);
  });
  afterEach(async () => {
    await store.close();
  });
  afterAll(() => data.remove());

  const rebuild = () =>
    rebuildProjections(store, config, { resume: false, signal: new AbortController().signal });

  test('a payment for an unknown SPP fails loading the stream, naming stream, revision and type', async () => {
    await store.append(stream, [raw(opened), raw(paid)], 'no_stream');
    const handler = new StreamHandler(store, villageDecider, villageEventSchemas);
    expectImpossible(await rejection(handler.load(stream)), 'PaymentRequestPaid', 1n);
  });

  test('the same payment fails the rebuild of the read models, naming stream, revision and type', async () => {
    await store.append(stream, [raw(opened), raw(paid)], 'no_stream');
    expectImpossible(await rejection(rebuild()), 'PaymentRequestPaid', 1n);
  });

  test('a stage change without a draft fails the rebuild where a read model applies it', async () => {
    await store.append(stream, [raw(opened), raw(submitted)], 'no_stream');
    expectImpossible(await rejection(rebuild()), 'ApbdesSubmittedToBpd', 1n);
  });

  test('a transfer without an allocation fails loading the regency stream', async () => {
    const regencyOpened = first('RegencyFiscalYearOpened');
    const transfer = first('TransferSent');
    await store.append(regencyOpened.streamId, [raw(regencyOpened), raw(transfer)], 'no_stream');
    const handler = new StreamHandler(store, regencyDecider, regencyEventSchemas);
    const error = await rejection(handler.load(regencyOpened.streamId));
    expect(error).toBeInstanceOf(ImpossibleEventError);
    expect([
      (error as ImpossibleEventError).eventType,
      (error as ImpossibleEventError).place,
    ]).toEqual(['TransferSent', { streamId: regencyOpened.streamId, revision: 1n }]);
  });
});
