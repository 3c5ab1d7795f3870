import stringify from 'safe-stable-stringify';
import { reportFigures } from '../../src/audit/evidence-reports';
import { villageStateAt } from '../../src/audit/time-travel';
import { createLedger, type Ledger } from '../../src/app/ledger';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createMemoryStore } from '../../src/eventstore/memory';
import type { EventStore } from '../../src/eventstore/port';
import { toJsonValue } from '../../src/domain/shared/json-value';
import { renderJson } from '../../src/reports/render/json';
import { manualClock } from '../projections/support/harness';
import { by, command } from '../support/decider-specification';
import { allocate, openRegency, originalApbdes } from '../support/realistic-village';
import {
  KAUR,
  receipt,
  reference,
  REGENCY,
  VILLAGE,
  YEAR,
  issueFixture,
} from '../support/village-fixtures';

const scope = { regencyCode: REGENCY, villageCode: VILLAGE, fiscalYear: YEAR };

/**
 * A state as canonical JSON (sorted keys): the ledger folds the events as it
 * decided them, replay folds them as decoded from the store, and the two
 * build their objects' keys in different orders.
 */
const canonical = (state: unknown) => String(stringify(toJsonValue(state), null, 1));

describe('replay and time travel, from the events alone', () => {
  const clock = manualClock('2024-11-01T08:00:00.000Z');
  let store: EventStore;
  let ledger: Ledger;
  /** Saved at the time, before the correction: the report and state then. */
  let reportThen: string;
  let stateThen: string;
  let knownBeforeCorrection: string;

  const renderedReport = async (clocks = {}) =>
    renderJson(await reportFigures(store, scope, reference, clocks));

  beforeAll(async () => {
    store = withHashChain(createMemoryStore(clock.now), clock.now);
    ledger = createLedger({ store });
    await openRegency(ledger);
    await allocate(ledger, VILLAGE);
    await originalApbdes(ledger, VILLAGE);
    clock.advance(60 * 24 * 60);
    await ledger.executeVillageCommand(
      VILLAGE,
      YEAR,
      receipt('TBP-ADD-1', '69210275', { date: '2025-01-06' }),
    );
    reportThen = await renderedReport();
    stateThen = canonical(await ledger.villageState(VILLAGE, YEAR));
    knownBeforeCorrection = clock.advance(60);
    clock.advance(60 * 24 * 30);
    for (const raw of [
      by(
        KAUR,
        command('ReverseEntry', {
          reversalId: 'REV-1',
          entryId: 'TBP-ADD-1',
          date: '2025-02-03',
          reason: 'Salah ketik jumlah: 69.210.275 seharusnya 69.201.275',
        }),
      ),
      receipt('TBP-ADD-1B', '69201275', { date: '2025-02-03' }),
    ])
      await issueFixture(ledger, VILLAGE, raw);
  });

  test('a report as known before a later correction is byte-identical to the report produced then', async () => {
    const now = await renderedReport();
    expect(now).not.toBe(reportThen);
    expect(await renderedReport({ knownAt: knownBeforeCorrection })).toBe(reportThen);
  });

  test('the village state as known then equals the state the ledger held then', async () => {
    const replayed = await villageStateAt(store, VILLAGE, YEAR, {
      knownAt: knownBeforeCorrection,
    });
    expect(canonical(replayed.state)).toBe(stateThen);
    expect(replayed.eventsLeftOut).toBe(2);
  });

  test('replay with no clocks equals the ledger state now', async () => {
    const replayed = await villageStateAt(store, VILLAGE, YEAR);
    expect(canonical(replayed.state)).toBe(canonical(await ledger.villageState(VILLAGE, YEAR)));
    expect(replayed.eventsLeftOut).toBe(0);
    expect(replayed.revision).toBe((await store.streamRevision(`village-${VILLAGE}-${YEAR}`))!);
  });

  test('as of a business date, later receipts and the correction are left out; as of after, the corrected entry is reversed', async () => {
    const before = await villageStateAt(store, VILLAGE, YEAR, { asOf: '2025-01-05' });
    expect(before.state.books.entries.has('TBP-ADD-1')).toBe(false);
    const january = await villageStateAt(store, VILLAGE, YEAR, { asOf: '2025-01-31' });
    expect(january.state.books.entries.get('TBP-ADD-1')).toMatchObject({ reversed: false });
    const february = await villageStateAt(store, VILLAGE, YEAR, { asOf: '2025-02-28' });
    expect(february.state.books.entries.get('TBP-ADD-1')).toMatchObject({ reversed: true });
    expect(february.state.books.entries.has('TBP-ADD-1B')).toBe(true);
  });

  test('a village year with no events replays to the initial state', async () => {
    const empty = await villageStateAt(store, '35.10.02.2001', YEAR);
    expect(empty).toMatchObject({ eventsApplied: 0, revision: undefined });
    expect(empty.state.fiscalYear).toBeUndefined();
  });
});
