import { readFileSync } from 'node:fs';
import { sha256 } from '../../src/audit/evidence-manifest';
import { fromRecorded } from '../../src/eventstore/codec/event-codec';
import { regencyEventSchemas } from '../../src/domain/regency/events';
import { villageEventSchemas } from '../../src/domain/village/events';
import { verifyEvents } from '../../src/eventstore/verify-stream';
import {
  EXPECTED_FILE,
  fixtureEvents,
  fixtureOutputs,
  loadFixtureStore,
} from '../fixtures/events-v1/fixture';

/**
 * The version-1 events of a realistic village year, kept as they were
 * written. Whatever the event schemas become, they must still load (through
 * the upcasters) and give the same state and reports.
 */
describe('the version-1 event fixture', () => {
  const events = fixtureEvents();

  test('is version 1 throughout and covers every kind of money event of a year', () => {
    expect(new Set(events.map((e) => e.metadata.schemaVersion))).toEqual(new Set([1]));
    const types = new Set(events.map((e) => e.type));
    for (const type of [
      'RevenueReceived',
      'PaymentRequestPaid',
      'PanjarAccounted',
      'TaxDeposited',
      'EntryReversed',
      'MonthClosed',
      'FiscalYearClosed',
    ])
      expect([type, types.has(type)]).toEqual([type, true]);
  });

  test('every event decodes through the one decoding path', () => {
    const registryOf = (stream: string) =>
      stream.startsWith('village-') ? villageEventSchemas : regencyEventSchemas;
    const unreadable = events.flatMap((event) => {
      try {
        fromRecorded(registryOf(event.streamId), event);
        return [];
      } catch (error) {
        return [(error as Error).message];
      }
    });
    expect(unreadable).toEqual([]);
  });

  test('its hash chains are intact', () => {
    const streams = [...new Set(events.map((e) => e.streamId))];
    const verified = streams.map((stream) =>
      verifyEvents(
        stream,
        events.filter((e) => e.streamId === stream),
      ),
    );
    expect(verified.filter((v) => !v.ok)).toEqual([]);
  });

  test('gives the same state, read models and reports as when it was recorded', async () => {
    const expected = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as Record<string, string>;
    const outputs = await fixtureOutputs(await loadFixtureStore());
    expect(Object.keys(expected)).toEqual(
      expect.arrayContaining(['villageState', 'regencyState', 'reports', 'fundFlow']),
    );
    for (const [key, digest] of Object.entries(expected))
      expect([key, outputs[key] === undefined ? 'missing' : sha256(outputs[key])]).toEqual([
        key,
        digest,
      ]);
  });
});
