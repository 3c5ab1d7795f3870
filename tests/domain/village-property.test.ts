import fc from 'fast-check';
import { DomainError } from '../../src/domain/shared/domain-error';
import { villageDecider } from '../../src/domain/village/decider';
import type { VillageEvent } from '../../src/domain/village/events';
import type { BudgetLines } from '../../src/domain/village/lines';
import type { VillageState } from '../../src/domain/village/state';
import { command, type RawCommand } from '../support/decider-specification';
import {
  activity,
  evaluation,
  openYear,
  reference,
  villageSpec,
} from '../support/village-fixtures';

/**
 * Random command sequences against a small world: whatever gets accepted,
 * no enacted version breaks the budget rules, and replaying the events
 * reproduces the state.
 */
const SOURCES = ['DDS', 'ADD', 'PAD', 'PBK'] as const;
const REVENUE_ACCOUNT = {
  DDS: '4.2.1.01',
  ADD: '4.2.3.01',
  PAD: '4.1.2.01',
  PBK: '4.2.5.01',
} as const;
const AMOUNTS = ['1000000', '2500000', '5000000.50', '10000000'];
const LINE_IDS = ['l1', 'l2', 'l3', 'l4', 'l5', 'l6'];
const SILPA = { source: 'DDS', amount: '10000000.00' };

const source = fc.constantFrom(...SOURCES);
const amount = fc.constantFrom(...AMOUNTS);
const lineId = fc.constantFrom(...LINE_IDS);
const date = fc.constantFrom('2024-10-01', '2025-03-01');

const revenueLine = (id: string, src: (typeof SOURCES)[number], value: string) => ({
  kind: 'revenue',
  lineId: id,
  account: REVENUE_ACCOUNT[src],
  source: src,
  amount: value,
  description: id,
});
const spendingLine = (id: string, src: (typeof SOURCES)[number], value: string) => ({
  kind: 'spending',
  lineId: id,
  activityId: 'work',
  account: '5.2.1.07',
  source: src,
  ...(src === 'DDS' ? { earmark: 'non-earmarked' } : {}),
  volume: '1',
  unit: 'paket',
  unitPrice: value,
  description: id,
});
const financingLine = (id: string, account: string, src: string, value: string) => ({
  kind: 'financing',
  lineId: id,
  account,
  source: src,
  amount: value,
  description: id,
});

/** The whole way from draft to Perdes in one action, so that random runs do reach enactment. */
const toEnactment = date.map((d) => [
  command('SubmitApbdesToBpd', { date: d }),
  command('RecordBpdAgreement', { date: d, minutesNumber: 'BA/1' }),
  command('SubmitApbdesForEvaluation', { date: d }),
  evaluation(),
  command('EnactApbdes', { perdesNumber: 'Perdes 1', date: d }),
]);

const action: fc.Arbitrary<RawCommand[]> = fc.oneof(
  { arbitrary: toEnactment, weight: 3 },
  {
    arbitrary: fc
      .tuple(lineId, lineId, source, amount)
      .map(([r, s, src, value]) => [
        command('DraftApbdesLine', { line: revenueLine(r, src, value) }),
        command('DraftApbdesLine', { line: spendingLine(s, src, value) }),
      ]),
    weight: 3,
  },
  fc
    .tuple(lineId, source, amount)
    .map(([id, src, value]) => [command('DraftApbdesLine', { line: revenueLine(id, src, value) })]),
  fc
    .tuple(lineId, source, amount)
    .map(([id, src, value]) => [
      command('DraftApbdesLine', { line: spendingLine(id, src, value) }),
    ]),
  fc
    .tuple(lineId, amount, fc.constantFrom('6.1.1.01', '6.2.2.01'))
    .map(([id, value, account]) => [
      command('DraftApbdesLine', { line: financingLine(id, account, 'DDS', value) }),
    ]),
  lineId.map((id) => [command('RemoveApbdesLine', { lineId: id })]),
  fc.constant(null).map(() => [command('StartApbdesDraft', {})]),
  date.map((d) => [command('SubmitApbdesToBpd', { date: d })]),
  date.map((d) => [command('RecordBpdAgreement', { date: d, minutesNumber: 'BA/1' })]),
  date.map((d) => [command('SubmitApbdesForEvaluation', { date: d })]),
  fc
    .tuple(fc.boolean(), lineId)
    .map(([approved, id]) => [
      approved
        ? evaluation()
        : evaluation('correctionsRequested', [{ lineId: id, remark: 'perbaiki' }]),
    ]),
  date.map((d) => [command('EnactApbdes', { perdesNumber: 'Perdes 1', date: d })]),
  date.map((d) => [command('ElaborateApbdes', { perkadesNumber: 'Perkades 1', date: d })]),
  date.map((d) => [command('StartApbdesAmendment', { date: d, grounds: ['revenueChange'] })]),
  date.map((d) => [
    command('RecordEmergency', { reference: 'SK 1', date: d, description: 'banjir' }),
  ]),
  fc.tuple(amount, fc.constantFrom('PBK', 'PAD')).map(([value, src]) => [
    command('RecordAllocationDifference', {
      source: 'DDS',
      budgetedAmount: value,
      reason: `x ${src}`,
      reference: 'S/1',
    }),
  ]),
  fc
    .tuple(
      lineId,
      lineId,
      fc.constantFrom('PBK', 'DDS'),
      amount,
      fc.constantFrom('lateAid', 'shiftWithinJenis'),
    )
    .map(([r, s, src, value, kind]) => [
      command('EnactPerkadesChange', {
        kind,
        perkadesNumber: 'Perkades 9',
        date: '2025-10-01',
        bpdInformedOn: '2025-10-02',
        lines:
          kind === 'lateAid'
            ? [revenueLine(r, src, value), spendingLine(s, src, value)]
            : [spendingLine(s, src, value)],
        removedLineIds: [],
      }),
    ]),
);

/** An independent check in integer cents, not using the domain's money or totals code. */
function cents(text: string): bigint {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole ?? '0') * 100n + BigInt(fraction.padEnd(2, '0'));
}

function violations(lines: BudgetLines, state: VillageState, allocation: string): string[] {
  const perSource = new Map<
    string,
    { available: bigint; used: bigint; silpa: bigint; revenue: bigint }
  >();
  let net = 0n;
  for (const line of lines.values()) {
    const entry = perSource.get(line.source) ?? { available: 0n, used: 0n, silpa: 0n, revenue: 0n };
    const value = cents(line.amount);
    const inflow =
      line.kind === 'revenue' || (line.kind === 'financing' && line.account.startsWith('6.1'));
    if (inflow) entry.available += value;
    else entry.used += value;
    if (line.kind === 'revenue') entry.revenue += value;
    if (line.account === '6.1.1.01') entry.silpa += value;
    net += inflow ? value : -value;
    perSource.set(line.source, entry);
  }
  const problems: string[] = [];
  if (net !== 0n) problems.push(`unbalanced by ${net}`);
  for (const [src, entry] of perSource) {
    if (entry.used > entry.available) problems.push(`${src} overspent`);
    if (entry.silpa > (src === SILPA.source ? cents(SILPA.amount) : 0n))
      problems.push(`${src} SiLPA too high`);
  }
  const dds = perSource.get('DDS')?.revenue ?? 0n;
  const difference = state.budget.allocationDifferences.get('DDS');
  const explained =
    difference &&
    cents(difference.allocatedAmount) === cents(allocation) &&
    cents(difference.budgetedAmount) === dds;
  if (dds !== cents(allocation) && !explained) problems.push(`DDS revenue ${dds} ≠ allocation`);
  return problems;
}

describe('village decider properties', () => {
  let enactedVersions = 0;

  afterAll(() => {
    // Guard against a generator that never reaches an enactment, which would make the property vacuous.
    expect(enactedVersions).toBeGreaterThan(25);
  });

  it('never enacts a version that breaks the rules, and replay reproduces the state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('0', '0', '1000000', '2500000'),
        fc.array(action, { maxLength: 45 }),
        (allocation, actions) => {
          const spec = villageSpec({ DDS: `${allocation}.00` });
          const setup = [
            openYear([SILPA]),
            activity('work', '02.03.10', 'DDS'),
            command('StartApbdesDraft', {}),
          ];
          let state = villageDecider.initialState;
          const history: VillageEvent[] = [];
          for (const raw of [...setup, ...actions.flat()]) {
            const decision = spec.decide(raw, state);
            if (decision instanceof DomainError) continue;
            for (const event of decision) {
              state = villageDecider.evolve(state, event);
              history.push(event);
              if (event.type === 'ApbdesEnacted' || event.type === 'PerkadesChangeEnacted') {
                enactedVersions += 1;
                const latest = state.domain.budget.versions.at(-1);
                expect(latest && violations(latest.lines, state.domain, allocation)).toEqual([]);
              }
            }
          }
          const replayed = (JSON.parse(JSON.stringify(history)) as VillageEvent[]).reduce(
            villageDecider.evolve,
            villageDecider.initialState,
          );
          expect(replayed).toEqual(state);
          expect(reference.fiscalYear).toBe(2025);
        },
      ),
      { numRuns: 300 },
    );
  });
});
