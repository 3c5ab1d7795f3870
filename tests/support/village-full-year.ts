import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Ledger } from '../../src/app/ledger';
import { DEFAULT_REFERENCE_ROOT, ReferenceCatalog } from '../../src/app/load-reference-data';
import { lastDayOfMonth } from '../../src/domain/village/calendar';
import type { VillageEvent } from '../../src/domain/village/events';
import {
  accountPanjarCommand,
  bankFeeCommand,
  closeMonthCommand,
  closeYearCommand,
  depositTaxCommand,
  paidPaymentRequestCommands,
  receiptCommand,
  reverseEntryCommand,
  transferCommand,
} from '../../src/scenario/execution-commands';
import { scenarioSteps, type CommandDraft } from '../../src/scenario/scenario-step';
import { buildRealisticVillage, REALISTIC_TEMPLATE } from './realistic-village';
import { runSteps } from './scenario-driver';
import { REGENCY, VILLAGE, YEAR } from './village-fixtures';

/**
 * The realistic village runs its whole year: three Dana Desa stage receipts,
 * monthly ADD, PBH, 150 SPPs (LS, panjar, pembiayaan) with taxes, panjar
 * accounted with returns, monthly tax deposits, bank fees, 12 closings, one
 * correction and the year closing. The expected figures are computed here
 * from the generated inputs in integer cents. Shared by the full-year ledger
 * test and the report reconciliation tests.
 */
export type Cents = bigint;
export const cents = (text: string): Cents => {
  const [whole = '0', fraction = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
};
export const text = (value: Cents) => {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

/** The 2025 tax policy as the regency published it: rate numerator/denominator and threshold. */
const RATES: Record<string, { num: Cents; den: Cents; above: Cents | null }> = {
  PPh21: { num: 5n, den: 100n, above: null },
  PPh22: { num: 15n, den: 1000n, above: 2_000_000_00n },
  PPN: { num: 11n, den: 100n, above: 2_000_000_00n },
  PPh23: { num: 2n, den: 100n, above: null },
};
const withheld = (base: Cents, tax: string): Cents => {
  const rate = RATES[tax]!;
  if (rate.above !== null && base <= rate.above) return 0n;
  return ((base * rate.num) / rate.den / 100n) * 100n;
};
const taxesFor = (account: string): string[] => {
  if (account.startsWith('5.1') || /^5\.3\.\d\.02$/.test(account)) return ['PPh21'];
  if (account.startsWith('5.2.1') || /^5\.3\.\d\.03$/.test(account)) return ['PPh22', 'PPN'];
  if (account.startsWith('5.2.2') || account.startsWith('5.2.3')) return ['PPh23'];
  return [];
};

/** A fixed-seed generator: the same year every run. */
function generator(seed: number) {
  let state = seed;
  return (bound: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % bound;
  };
}

const month2 = (m: number) => String(m).padStart(2, '0');
const day = (m: number, d: number) => `${YEAR}-${month2(m)}-${String(d).padStart(2, '0')}`;

interface Operation {
  date: string;
  order: number;
  commands: CommandDraft[];
  regency?: boolean;
  /** The independent bookkeeping of the operation. */
  book: () => void;
}

/**
 * The reference data for 2025 and a 2026 that holds only what changed (the
 * README's new year): the demo regency's 2026 policy, also for the fixture
 * regency, whose other files 2026 takes from 2025.
 */
export function twoYearReference() {
  const root = mkdtempSync(path.join(tmpdir(), 'kasdesa-reference-'));
  cpSync(path.join(DEFAULT_REFERENCE_ROOT, '2025'), path.join(root, '2025'), { recursive: true });
  const policy2026 = path.join(DEFAULT_REFERENCE_ROOT, '2026/regencies/35.99/policy.jsonl');
  for (const regency of ['35.99', REGENCY]) {
    const folder = path.join(root, `2026/regencies/${regency}`);
    mkdirSync(folder, { recursive: true });
    cpSync(policy2026, path.join(folder, 'policy.jsonl'));
  }
  return {
    catalog: new ReferenceCatalog(root),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Runs the realistic village's whole year through the ledger; returns its events and the independent figures. */
export async function runVillageFullYear(ledger: Ledger) {
  const events: VillageEvent[] = [];
  const expected = {
    cash: 1_250_000_00n,
    bank: 38_350_000_00n,
    sources: new Map<string, Cents>([
      ['DDS', 35_480_000_00n],
      ['ADD', 4_120_000_00n],
    ]),
    taxes: new Map<string, Cents>(),
    withheldByMonth: new Map<string, Map<string, Cents>>(),
    closings: [] as { month: string; cash: Cents; bank: Cents }[],
  };
  const addTo = (map: Map<string, Cents>, key: string, value: Cents) =>
    map.set(key, (map.get(key) ?? 0n) + value);
  const withhold = (date: string, tax: string, amount: Cents) => {
    if (amount === 0n) return;
    addTo(expected.taxes, tax, amount);
    const month = date.slice(0, 7);
    const byTax = expected.withheldByMonth.get(month) ?? new Map<string, Cents>();
    addTo(byTax, tax, amount);
    expected.withheldByMonth.set(month, byTax);
  };
  const operations: Operation[] = [];
  const at = (
    date: string,
    order: number,
    commands: CommandDraft[],
    book: () => void,
    regency = false,
  ) => operations.push({ date, order, commands, book, regency });

  const transfer = (source: string, stage: number, amount: string, date: string) =>
    at(
      date,
      0,
      [
        transferCommand(
          {
            villageCode: VILLAGE,
            source,
            stage,
            amount,
            date,
            reference: `SP2D ${source}/${stage}/${date}`,
          },
          `transfer-${source}-${stage}-${date}`,
        ),
      ],
      () => undefined,
      true,
    );
  const receive = (
    id: string,
    source: string,
    account: string,
    amount: string,
    date: string,
    stage?: number,
  ) =>
    at(
      date,
      1,
      [
        receiptCommand({
          receiptId: id,
          date,
          account,
          source,
          amount,
          payer: 'RKUD Kabupaten Banyuwangi',
          ...(stage === undefined
            ? {}
            : { transfer: { stage, reference: `SP2D ${source}/${stage}` } }),
        }),
      ],
      () => {
        expected.bank += cents(amount);
        addTo(expected.sources, source, cents(amount));
      },
    );

  function planYear() {
    // Dana Desa: stage I already transferred by the setup; stage II in two transfers.
    receive('TBP-DD-1', 'DDS', '4.2.1.01', '559841600', '2025-03-14', 1);
    transfer('DDS', 2, '400000000', '2025-07-15');
    receive('TBP-DD-2', 'DDS', '4.2.1.01', '400000000', '2025-07-17', 2);
    transfer('DDS', 2, '192762400', '2025-09-10');
    receive('TBP-DD-3', 'DDS', '4.2.1.01', '192762400', '2025-09-12', 2);
    for (let m = 1; m <= 12; m += 1) {
      transfer('ADD', m, '69201275', day(m, 3));
      receive(`TBP-ADD-${m}`, 'ADD', '4.2.3.01', '69201275', day(m, 5), m);
    }
    // PBH: the April receipt is typed wrong, reversed in May and recorded right.
    transfer('PBH', 1, '240875000', '2025-04-14');
    receive('TBP-PBH-1', 'PBH', '4.2.2.01', '240857000', '2025-04-15', 1);
    at(
      '2025-05-02',
      1,
      [
        reverseEntryCommand(
          'REV-1',
          'TBP-PBH-1',
          '2025-05-02',
          'Salah ketik jumlah: 240.857.000 seharusnya 240.875.000',
        ),
      ],
      () => {
        expected.bank -= 240_857_000_00n;
        addTo(expected.sources, 'PBH', -240_857_000_00n);
      },
    );
    receive('TBP-PBH-1B', 'PBH', '4.2.2.01', '240875000', '2025-05-02', 1);
    transfer('PBH', 2, '240875000', '2025-10-14');
    receive('TBP-PBH-2', 'PBH', '4.2.2.01', '240875000', '2025-10-15', 2);
    receive('TBP-PAD-1', 'PAD', '4.1.2.01', '9250000', '2025-06-10');
    receive('TBP-PAD-2', 'PAD', '4.1.2.01', '9250000', '2025-10-10');
    planPaymentRequests();
    for (let m = 1; m <= 12; m += 1) {
      at(
        day(m, 28),
        6,
        [bankFeeCommand(`ADM-${m}`, day(m, 28), '96275', 'operasional-pemdes-5', `RK ${m}/2025`)],
        () => {
          expected.bank -= 96_275_00n;
          addTo(expected.sources, 'ADD', -96_275_00n);
        },
      );
      if (m > 1) planTaxDeposits(m);
      planClosing(m);
    }
  }

  function planTaxDeposits(m: number) {
    const date = day(m, 15);
    at(date, 3, [], () => undefined);
    const operation = operations.at(-1)!;
    // The commands depend on what was withheld last month: built when the day comes.
    operation.book = () => {
      const previous =
        expected.withheldByMonth.get(`${YEAR}-${month2(m - 1)}`) ?? new Map<string, Cents>();
      operation.commands = [...previous].map(([tax, amount]) =>
        depositTaxCommand({
          depositId: `SSP-${m}-${tax}`,
          tax,
          date,
          amount: text(amount),
          billingCode: '123456789012345',
          ntpn: `NTPN${month2(m)}${tax.padEnd(10, 'X')}`.slice(0, 16).toUpperCase(),
        }),
      );
      for (const [tax, amount] of previous) {
        expected.bank -= amount;
        addTo(expected.taxes, tax, -amount);
      }
    };
  }

  function planClosing(m: number) {
    const month = `${YEAR}-${month2(m)}`;
    const date = lastDayOfMonth(month);
    const shortInCash = m === 3 ? 1_000_00n : 0n;
    at(date, 9, [], () => undefined);
    const operation = operations.at(-1)!;
    operation.book = () => {
      expected.closings.push({ month, cash: expected.cash, bank: expected.bank });
      operation.commands = [
        closeMonthCommand(month, date, text(expected.cash - shortInCash), text(expected.bank)),
      ];
    };
  }

  function planPaymentRequests() {
    const random = generator(20250101);
    const candidates = REALISTIC_TEMPLATE.activities
      .filter(({ activityId }) => !['operasional-pemdes', 'jalan-desa'].includes(activityId))
      .flatMap(({ activityId, lines }) =>
        lines
          .map(({ source, account, volume, unitPrice }, index) => ({
            activityId,
            lineId: `${activityId}-${index + 1}`,
            source,
            account,
            budget: BigInt(volume) * cents(unitPrice),
          }))
          .filter(
            (line) => ['DDS', 'ADD', 'PBH'].includes(line.source) && line.budget >= 40_000_000_00n,
          ),
      );
    const realised = new Map<string, Cents>();
    for (let i = 0; i < 148; i += 1) {
      const line = candidates[i % candidates.length]!;
      const panjar = i % 4 === 3;
      const firstMonth = { DDS: 4, PBH: 5, ADD: 1 }[line.source as 'DDS' | 'PBH' | 'ADD'];
      const m = firstMonth + (i % (13 - firstMonth));
      const amount =
        BigInt(500_000 + random(panjar ? 2_500_000 : 5_500_000)) * 100n + (i % 3 === 0 ? 50n : 0n);
      if ((realised.get(line.lineId) ?? 0n) + amount > line.budget)
        throw new Error('generator exceeds a line');
      addTo(realised, line.lineId, amount);
      const spent = panjar ? ((amount * BigInt(70 + random(30))) / 100n / 100n) * 100n : 0n;
      planPaymentRequest(
        `SPP-${String(i + 1).padStart(3, '0')}`,
        panjar ? 'UM' : 'LS',
        line,
        amount,
        m,
        8 + (i % 12),
        spent,
      );
    }
    planPaymentRequest(
      'SPP-149',
      'PBY',
      { activityId: undefined, lineId: 'f-modal-bumdes', source: 'PAD', account: '6.2.2.01' },
      5_000_000_00n,
      11,
      20,
      0n,
    );
    planPaymentRequest(
      'SPP-150',
      'PBY',
      { activityId: undefined, lineId: 'f-modal-bumdes', source: 'PAD', account: '6.2.2.01' },
      5_000_000_00n,
      12,
      10,
      0n,
    );
  }

  function planPaymentRequest(
    sppId: string,
    kind: 'UM' | 'LS' | 'PBY',
    line: { activityId: string | undefined; lineId: string; source: string; account: string },
    amount: Cents,
    m: number,
    d: number,
    spent: Cents,
  ) {
    const date = day(m, d);
    const taxes = kind === 'LS' ? taxesFor(line.account) : [];
    const commands = paidPaymentRequestCommands(
      {
        sppId,
        kind,
        ...(line.activityId ? { activityId: line.activityId } : {}),
        date,
        description: `Pembayaran ${line.lineId}`,
        lines: [{ lineId: line.lineId, source: line.source, amount: text(amount), taxes }],
      },
      text(amount),
    );
    at(date, 4, commands, () => {
      addTo(expected.sources, line.source, -amount);
      const taxTotal = taxes.reduce((total, tax) => {
        const value = withheld(amount, tax);
        withhold(date, tax, value);
        return total + value;
      }, 0n);
      if (kind !== 'UM') expected.bank -= amount - taxTotal;
      else expected.bank -= amount;
    });
    if (kind !== 'UM') return;
    const spjDate = day(m, Math.min(d + 5, 28));
    const evidenceTaxes = taxesFor(line.account);
    at(
      spjDate,
      5,
      [
        accountPanjarCommand(sppId, spjDate, [
          { lineId: line.lineId, spent: text(spent), taxes: evidenceTaxes },
        ]),
      ],
      () => {
        const taxTotal = evidenceTaxes.reduce((total, tax) => {
          const value = withheld(spent, tax);
          withhold(spjDate, tax, value);
          return total + value;
        }, 0n);
        expected.bank += amount - spent + taxTotal;
        addTo(expected.sources, line.source, amount - spent);
      },
    );
  }

  await buildRealisticVillage(ledger);
  planYear();
  operations.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  for (const operation of operations) {
    operation.book();
    const steps = scenarioSteps(
      operation.regency ? 'regency' : 'village',
      'year',
      VILLAGE,
      operation.commands,
    );
    for (const outcome of await runSteps(ledger, VILLAGE, steps))
      if (!operation.regency) events.push(...(outcome.events as VillageEvent[]));
  }
  const [closed] = await runSteps(
    ledger,
    VILLAGE,
    scenarioSteps('village', 'year', VILLAGE, [closeYearCommand('2025-12-31')]),
  );
  events.push(...(closed!.events as VillageEvent[]));
  return { events, expected };
}

export type FullYear = Awaited<ReturnType<typeof runVillageFullYear>>;
