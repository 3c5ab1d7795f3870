import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_REFERENCE_ROOT, loadReferenceData } from '../../src/app/load-reference-data';
import { rupiah, sum, ZERO } from '../../src/domain/shared/money';
import { DEMO_REGENCY, DEMO_YEAR, demoRegionRows } from '../../src/demo/demo-regions';
import { seededRandom } from '../../src/scenario/random';
import { seedDemo } from '../../src/demo/seed-demo';
import { villageBudget } from '../../src/scenario/village-budget';
import { loadVillageTemplate } from '../../src/scenario/village-template';
import { withHashChain } from '../../src/eventstore/chained-store';
import { createMemoryStore } from '../../src/eventstore/memory';
import type { EventStore, RecordedEvent } from '../../src/eventstore/port';

const reference = loadReferenceData(DEMO_YEAR, DEMO_REGENCY.code);

async function allEvents(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readAll({ after: events.at(-1)?.position });
    if (page.length === 0) return events;
    events.push(...page);
  }
}

describe('the demo regency', () => {
  it('has the generated regions: 20 districts, 200 villages, unique Indonesian names, all marked demo', () => {
    const file = path.join(
      DEFAULT_REFERENCE_ROOT,
      `${DEMO_YEAR}/regencies/${DEMO_REGENCY.code}/regions.jsonl`,
    );
    const rows = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(rows).toEqual(demoRegionRows());
    expect([reference.districts.size, reference.villages.size]).toEqual([20, 200]);
    const names = rows.filter((row) => row.level !== 'regency').map((row) => row.name);
    expect(new Set(names).size).toBe(names.length);
    expect(rows.every((row) => row.demo === true)).toBe(true);
  });

  it('budgets every village balanced per fund source, Dana Desa within Rp 0.75–2.3 bn and fully earmarked', () => {
    const template = loadVillageTemplate(DEMO_YEAR);
    for (let seed = 1; seed <= 25; seed += 1) {
      const budget = villageBudget(template, reference, seededRandom(seed));
      const sources = new Set(budget.amountLines.map((line) => line.source));
      for (const source of sources) {
        const lines = budget.amountLines.filter((line) => line.source === source);
        const classOf = (account: string) => reference.accounts.get(account)?.accountClass;
        const means = sum(
          lines
            .filter((l) => classOf(l.account) !== 'financingExpenditure')
            .map((l) => rupiah(l.amount)),
        );
        const uses = sum([
          ...lines
            .filter((l) => classOf(l.account) === 'financingExpenditure')
            .map((l) => rupiah(l.amount)),
          ...budget.spending.filter((s) => s.line.source === source).map((s) => s.amount),
        ]);
        expect({ source, uses: uses.toFixed(2) }).toEqual({ source, uses: means.toFixed(2) });
      }
      const danaDesa = rupiah(
        budget.allocations.find((a) => a.source === budget.danaDesaSource)!.amount,
      );
      expect(
        danaDesa.greaterThanOrEqualTo(rupiah('750000000')) &&
          danaDesa.lessThanOrEqualTo(rupiah('2300000000')),
      ).toBe(true);
      expect(
        budget.earmarks.reduce((total, e) => total.plus(rupiah(e.amount)), ZERO).toFixed(2),
      ).toBe(danaDesa.toFixed(2));
    }
  });

  describe('seeded through the ledger', () => {
    const store = withHashChain(createMemoryStore());
    let events: RecordedEvent[];
    const seeding = { villages: 5, fullYear: 4 };

    beforeAll(async () => {
      await seedDemo(store, seeding);
      events = await allEvents(store);
    }, 120_000);

    const ofType = (type: string) => events.filter((event) => event.type === type);

    it('runs four villages through a whole year, one of them with a Perubahan APBDes', () => {
      expect(ofType('FiscalYearClosed')).toHaveLength(seeding.fullYear);
      expect(ofType('MonthClosed')).toHaveLength(12 * seeding.fullYear);
      expect(ofType('ApbdesEnacted').length).toBe(seeding.villages + 1);
      expect(ofType('PaymentRequestPaid').length).toBeGreaterThan(20 * seeding.fullYear);
      expect(ofType('TaxDeposited').length).toBeGreaterThan(0);
      expect(ofType('PanjarAccounted').length).toBeGreaterThan(0);
    });

    it('writes every ledger event as a registered demo user of the role the command needs', () => {
      const users = new Map(
        ofType('UserRegistered').map((event) => [
          (event.data as { userId: string }).userId,
          event.data as { role: string },
        ]),
      );
      const ledger = events.filter((event) => !event.streamId.startsWith('access-'));
      for (const event of ledger) {
        const actor = (event.metadata as { actor: { id: string; role: string } }).actor;
        expect(users.get(actor.id)?.role).toBe(actor.role);
      }
    });

    it('resumes without writing twice when run again', async () => {
      await seedDemo(store, seeding);
      expect(await store.headPosition()).toBe(events.at(-1)!.position);
    }, 120_000);
  });
});
