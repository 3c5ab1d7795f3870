import { villageCommandSchemas } from '../../src/domain/village/commands';
import { villageDecider } from '../../src/domain/village/decider';
import type { VillageEvent } from '../../src/domain/village/events';
import { DomainError } from '../../src/domain/shared/domain-error';
import { startDraftCommand } from '../../src/scenario/budget-commands';
import { fullYear } from '../../src/reports/realisation/periods';
import type { RealisationNode } from '../../src/reports/realisation/tree';
import { villageRealisation } from '../../src/reports/realisation/village-realisation';
import { VillageBooks } from '../../projections/folds/village-books';
import { by, command, deciderSpecification, type RawCommand } from './decider-specification';
import {
  activity,
  enact,
  financing,
  fromDraft,
  KAUR,
  openYear,
  reference,
  revenue,
  spending,
  throughEvaluation,
  VILLAGE,
  villageContext,
  YEAR,
} from './village-fixtures';

/**
 * A budget with a line of every financing kind but SiLPA's: receipts from the
 * reserve, a sale of separated village wealth and other financing (PAD), and
 * the reserve formed, BUM Desa capital and other financing paid (ADD, PAD).
 */
export const budget: RawCommand[] = [
  openYear(),
  activity('road', '02.03.10', 'DDS'),
  activity('siltap', '01.01.01', 'ADD'),
  activity('office', '01.01.04', 'PAD'),
  fromDraft(startDraftCommand()),
  revenue('r-add', '4.2.3.01', 'ADD', '60000000'),
  financing('f-silpa', '6.1.1.01', 'DDS', '10000000'),
  financing('f-reserve-in', '6.1.2.01', 'PAD', '5000000'),
  financing('f-sale', '6.1.3.01', 'PAD', '3000000'),
  financing('f-other-in', '6.1.9.99', 'PAD', '2000000'),
  financing('f-reserve-out', '6.2.1.01', 'ADD', '4000000'),
  financing('f-capital', '6.2.2.01', 'PAD', '6000000'),
  financing('f-other-out', '6.2.9.99', 'ADD', '1000000'),
  spending('s-road', 'road', '5.3.5.03', 'DDS', '10', '1000000', 'non-earmarked'),
  spending('s-siltap', 'siltap', '5.1.1.01', 'ADD', '11', '5000000'),
  spending('s-office', 'office', '5.2.1.01', 'PAD', '1', '4000000'),
  ...throughEvaluation(),
  enact(),
];

export interface Financing {
  id: string;
  lineId: string;
  account: string;
  source: string;
  amount: string;
  cash?: 'cashOnHand' | 'bank';
  date?: string;
}

const payload = (f: Financing) => ({
  financingId: f.id,
  date: f.date ?? '2025-03-05',
  lineId: f.lineId,
  account: f.account,
  source: f.source,
  amount: f.amount,
  evidence: {
    documentNumber: `DOC-${f.id}`,
    documentDate: '2025-03-01',
    description: `Pembiayaan ${f.lineId}`,
  },
});

export const receive = (f: Financing) =>
  by(KAUR, command('RecordFinancingReceipt', { ...payload(f), into: f.cash ?? 'bank' }));
export const pay = (f: Financing) =>
  by(KAUR, command('RecordFinancingExpenditure', { ...payload(f), from: f.cash ?? 'bank' }));

export const income = (source: string, amount: string, receiptId: string) =>
  by(
    KAUR,
    command('RecordReceipt', {
      receiptId,
      date: '2025-02-10',
      account: source === 'ADD' ? '4.2.3.01' : '4.1.1.01',
      source,
      amount,
      into: 'bank',
      payer: { name: 'RKUD Kabupaten Banyuwangi' },
      description: `Penerimaan ${receiptId}`,
    }),
  );

export const spec = deciderSpecification(villageDecider, villageCommandSchemas, villageContext({}));

/** The events the commands give, each accepted, in order. */
export function eventsOf(commands: RawCommand[]): VillageEvent[] {
  const events: VillageEvent[] = [];
  let state = villageDecider.initialState;
  for (const raw of commands) {
    const decision = spec.decide(raw, state);
    if (decision instanceof DomainError)
      throw new Error(`${raw.type} refused: ${decision.message}`);
    events.push(...decision);
    state = decision.reduce(villageDecider.evolve, state);
  }
  return events;
}

export function realisationOf(commands: RawCommand[]) {
  const [first, ...rest] = eventsOf(commands);
  const books = VillageBooks.open(`village-${VILLAGE}-${YEAR}`, first!, 0n);
  rest.forEach((event, index) => books.add(event, BigInt(index + 1)));
  return villageRealisation(books, reference, fullYear(YEAR));
}

export function rowOf(nodes: RealisationNode[], code: string): RealisationNode | undefined {
  for (const node of nodes) {
    if (node.code === code) return node;
    const found = rowOf(node.children, code);
    if (found) return found;
  }
  return undefined;
}
