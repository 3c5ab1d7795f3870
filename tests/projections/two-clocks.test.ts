import { fundFlowReport } from '../../src/reports/fund-flow/fund-flow-report';
import type { Projection } from '../../projections/engine/projection';
import { projectAt } from '../../projections/engine/two-clocks';
import { renderJson } from '../../src/reports/render/json';
import { reference, VILLAGE } from '../support/village-fixtures';
import { serializedStates, startHarness, type Harness } from './support/harness';
import {
  allocate,
  amendment,
  openRegency,
  originalApbdes,
  perkadesChanges,
} from '../support/realistic-village';

describe('two clocks: as of a business date, as known at a recorded time', () => {
  let harness: Harness;
  let beforeAmendment: Record<string, unknown>;
  let knownBeforeAmendment: string;

  beforeAll(async () => {
    harness = await startHarness(reference);
    await openRegency(harness.ledger);
    await allocate(harness.ledger, VILLAGE);
    await originalApbdes(harness.ledger, VILLAGE);
    await harness.settle();
    beforeAmendment = serializedStates(harness.engine, harness.projections);
    knownBeforeAmendment = harness.clock.advance(60);
    harness.clock.advance(60 * 24 * 200);
    await amendment(harness.ledger, VILLAGE);
    await perkadesChanges(harness.ledger, VILLAGE);
    await harness.settle();
  });
  afterAll(() => harness.stop());

  const at = async (clocks: { asOf?: string; knownAt?: string }) =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(harness.projections).map(async ([key, projection]) => {
          const p = projection as Projection<unknown>;
          return [key, p.serialize(await projectAt(harness.store, p, clocks))] as const;
        }),
      ),
    );

  test('every report as known at a time before the amendment equals the report shown then', async () => {
    const then = await at({ knownAt: knownBeforeAmendment });
    expect(renderJson(then)).toBe(renderJson(beforeAmendment));
    expect(renderJson(then)).not.toBe(
      renderJson(serializedStates(harness.engine, harness.projections)),
    );
  });

  test('the village read models as of the day before the amendment started equal the report before it', async () => {
    const asOf = await at({ asOf: '2025-08-10' });
    for (const key of ['apbdesDocuments', 'planningTrail', 'regencyMonitoring']) {
      expect([key, renderJson(asOf[key])]).toEqual([key, renderJson(beforeAmendment[key])]);
    }
  });

  test('the fund flow as of a business date leaves out later transfers and allocation revisions', async () => {
    const flow = (state: unknown) => {
      const report = fundFlowReport(state as never, reference);
      return report.districts.flatMap((d) => d.villages).find((v) => v.villageCode === VILLAGE)!
        .bySource;
    };
    const march = flow(
      await projectAt(harness.store, harness.projections.fundFlow, { asOf: '2025-03-11' }),
    );
    expect([march.DDS!.transferred, march.PBH!.allocation]).toEqual(['0.00', '467250000.00']);
    const july = flow(
      await projectAt(harness.store, harness.projections.fundFlow, { asOf: '2025-07-28' }),
    );
    expect([july.DDS!.transferred, july.PBH!.allocation]).toEqual(['559841600.00', '481750000.00']);
  });

  test('both clocks at once: known now, as of before the amendment, equals known before it', async () => {
    const both = await at({ asOf: '2025-08-10', knownAt: knownBeforeAmendment });
    expect(renderJson(both.apbdesDocuments)).toBe(renderJson(beforeAmendment.apbdesDocuments));
  });
});
