import type { RegencyState } from '../domain/regency/state';
import { allocationKey } from '../domain/regency/state';
import { rupiah, sum, toAmountText, ZERO, type Rupiah } from '../domain/shared/money';
import { balanceOf, balancesOf } from '../domain/village/books';
import { lastDayOfMonth } from '../domain/village/calendar';
import type { VillageState } from '../domain/village/state';
import {
  accountPanjarCommand,
  bankFeeCommand,
  closeMonthCommand,
  closeYearCommand,
  depositTaxCommand,
  paidPaymentRequestCommands,
  receiptCommand,
  type Transfer,
} from './execution-commands';
import type { Random } from './random';
import type { CommandDraft } from './scenario-step';
import type { PlannedSpending, VillageBudget } from './village-budget';

const dayOf = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const QUARTER_MONTHS = [1, 4, 7, 10];
/** A panjar (UM) is kept small enough for cash on hand. */
const PANJAR_LIMIT = rupiah('9000000');

/** A transfer the regency sends, and the day the village receives it. */
export interface PlannedTransfer extends Transfer {
  receiptDate: string;
}

/** One dated step of the village's year; `commands` reads the books as they stand that day. */
export interface Operation {
  date: string;
  order: number;
  commands: (state: VillageState) => CommandDraft[];
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Dana Desa in the regency's stage plan; every other allocation in four quarterly stages. */
export function plannedTransfers(
  villageCode: string,
  budget: VillageBudget,
  regency: RegencyState,
  year: number,
): PlannedTransfer[] {
  const transfer = (source: string, stage: number, amount: Rupiah, date: string) => ({
    villageCode,
    source,
    stage,
    amount: toAmountText(amount),
    date,
    receiptDate: addDays(date, 2),
    reference: `SP2D ${source}/${stage}/${villageCode}`,
  });
  return budget.allocations.flatMap(({ source, amount }) => {
    if (source === budget.danaDesaSource) {
      const stages = new Map<number, Rupiah>();
      for (const row of regency.stagePlans.get(allocationKey(villageCode, source))?.stages ?? [])
        stages.set(row.stage, (stages.get(row.stage) ?? ZERO).plus(rupiah(row.amount)));
      return [...stages].map(([stage, total]) =>
        transfer(source, stage, total, dayOf(year, stage === 1 ? 3 : 7, 12)),
      );
    }
    const quarter = rupiah(amount).dividedToIntegerBy(4);
    return QUARTER_MONTHS.map((month, index) =>
      transfer(
        source,
        index + 1,
        index === 3 ? rupiah(amount).minus(quarter.times(3)) : quarter,
        dayOf(year, month, 3),
      ),
    );
  });
}

function receipts(budget: VillageBudget, transfers: PlannedTransfer[], year: number) {
  const accountOf = (source: string) =>
    budget.amountLines.find((line) => line.kind === 'revenue' && line.source === source)!.account;
  const allocated = new Set(budget.allocations.map((a) => a.source));
  const own = budget.amountLines.filter(
    (line) => line.kind === 'revenue' && !allocated.has(line.source),
  );
  return [
    ...transfers.map((t) => ({
      date: t.receiptDate,
      source: t.source,
      amount: rupiah(t.amount),
      command: receiptCommand({
        receiptId: `TBP-${t.source}-${t.stage}`,
        date: t.receiptDate,
        account: accountOf(t.source),
        source: t.source,
        amount: t.amount,
        payer: 'RKUD Kabupaten',
        transfer: { stage: t.stage, reference: t.reference },
      }),
    })),
    ...own.map((line, index) => {
      const date = dayOf(year, 4 + index, 15);
      return {
        date,
        source: line.source,
        amount: rupiah(line.amount),
        command: receiptCommand({
          receiptId: `TBP-${line.lineId}`,
          date,
          account: line.account,
          source: line.source,
          amount: line.amount,
          payer: 'Warga dan mitra desa',
        }),
      };
    }),
  ];
}

/** Pays one SPP; a panjar is accounted three days later with 90 % spent. */
function paymentOperations(
  sppId: string,
  date: string,
  lines: { spending: PlannedSpending; amount: Rupiah }[],
  panjar: boolean,
): Operation[] {
  const activityId = lines[0]!.spending.line.activityId;
  const total = toAmountText(sum(lines.map((l) => l.amount)));
  const pay = paidPaymentRequestCommands(
    {
      sppId,
      kind: panjar ? 'UM' : 'LS',
      activityId,
      date,
      description: `Pembayaran kegiatan ${activityId}`,
      lines: lines.map(({ spending, amount }) => ({
        lineId: spending.line.lineId,
        source: spending.line.source,
        amount: toAmountText(amount),
        taxes: panjar ? [] : spending.taxes,
      })),
    },
    total,
  );
  const operations: Operation[] = [{ date, order: 4, commands: () => pay }];
  if (!panjar) return operations;
  const spjDate = addDays(date, 3);
  const spj = accountPanjarCommand(
    sppId,
    spjDate,
    lines.map(({ spending, amount }) => ({
      lineId: spending.line.lineId,
      spent: toAmountText(amount.times(9).dividedToIntegerBy(10)),
      taxes: spending.taxes,
    })),
  );
  operations.push({ date: spjDate, order: 5, commands: () => [spj] });
  return operations;
}

/**
 * One SPP per activity for 85–100 % of each line, dated once its fund
 * source has received enough (cumulated receipts cover everything
 * committed so far), so no payment ever overdraws a source.
 */
function spendingOperations(
  budget: VillageBudget,
  received: { date: string; source: string; amount: Rupiah }[],
  random: Random,
  reserved: Map<string, Rupiah>,
  year: number,
): Operation[] {
  const committed = new Map(reserved);
  const operations: Operation[] = [];
  const sorted = [...received].sort((a, b) => a.date.localeCompare(b.date));
  for (const [index, activity] of budget.activities.entries()) {
    const lines = budget.spending
      .filter((s) => s.line.activityId === activity.activityId && !reserved.has(s.line.lineId))
      .map((spending) => ({
        spending,
        amount: spending.amount.times(85 + random.below(16)).dividedToIntegerBy(100),
      }));
    const source = lines[0]?.spending.line.source;
    if (!source) continue;
    const total = sum(lines.map((l) => l.amount));
    const need = (committed.get(source) ?? ZERO).plus(total);
    let cumulated = ZERO;
    const covering = sorted.find(
      (r) =>
        r.source === source && (cumulated = cumulated.plus(r.amount)).greaterThanOrEqualTo(need),
    );
    if (!covering) continue;
    committed.set(source, need);
    const preferred = dayOf(year, 1 + random.below(11), 6 + random.below(18));
    const earliest = addDays(covering.date, 3);
    const date = preferred > earliest ? preferred : earliest;
    if (date > dayOf(year, 12, 20)) continue;
    const sppId = `SPP-${String(index + 1).padStart(3, '0')}`;
    operations.push(
      ...paymentOperations(
        sppId,
        date,
        lines,
        total.lessThanOrEqualTo(PANJAR_LIMIT) && index % 2 === 0,
      ),
    );
  }
  return operations;
}

/** Bank fees, the month's withheld taxes deposited, and the month closed on the books' balances. */
function monthEndOperations(budget: VillageBudget, year: number): Operation[] {
  const fee = budget.bankFee;
  return Array.from({ length: 12 }, (_, index) => {
    const monthNumber = String(index + 1).padStart(2, '0');
    const month = `${year}-${monthNumber}`;
    const date = lastDayOfMonth(month);
    const feeDate = dayOf(year, index + 1, 28);
    return [
      ...(fee
        ? [
            {
              date: feeDate,
              order: 6,
              commands: () => [
                bankFeeCommand(
                  `ADM-${month}`,
                  feeDate,
                  fee.line.unitPrice,
                  fee.line.lineId,
                  `RK ${month}`,
                ),
              ],
            },
          ]
        : []),
      {
        date,
        order: 8,
        commands: (state: VillageState) =>
          balancesOf(state.books, 'tax')
            .filter(([, amount]) => amount.greaterThan(ZERO))
            .map(([tax, amount], taxIndex) =>
              depositTaxCommand({
                depositId: `SSP-${month}-${taxIndex + 1}`,
                tax,
                date,
                amount: toAmountText(amount),
                billingCode: `${year}${monthNumber}${String(taxIndex + 1).padStart(9, '0')}`,
                ntpn: `NTPN${year}${monthNumber}${String(taxIndex + 1).padStart(6, '0')}`,
              }),
            ),
      },
      {
        date,
        order: 9,
        commands: (state: VillageState) => [
          closeMonthCommand(
            month,
            date,
            toAmountText(balanceOf(state.books, 'cash', 'cashOnHand')),
            toAmountText(balanceOf(state.books, 'cash', 'bank')),
          ),
        ],
      },
    ];
  }).flat();
}

/** Every dated step of the village's year after its APBDes, in the order they happen. */
export function yearOperations(
  budget: VillageBudget,
  transfers: PlannedTransfer[],
  random: Random,
  year: number,
  amendment?: CommandDraft[],
): Operation[] {
  const received = receipts(budget, transfers, year);
  const reserved = new Map<string, Rupiah>();
  if (budget.bankFee) {
    reserved.set(budget.bankFee.line.lineId, budget.bankFee.amount);
    reserved.set(budget.bankFee.line.source, budget.bankFee.amount);
  }
  const operations: Operation[] = [
    ...received.map((r) => ({ date: r.date, order: 1, commands: () => [r.command] })),
    ...(amendment ? [{ date: dayOf(year, 8, 11), order: 2, commands: () => amendment }] : []),
    ...spendingOperations(budget, received, random, reserved, year),
    ...monthEndOperations(budget, year),
    {
      date: dayOf(year, 12, 31),
      order: 10,
      commands: () => [closeYearCommand(dayOf(year, 12, 31))],
    },
  ];
  return operations.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
}
