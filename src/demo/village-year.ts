import type { RegencyState } from '../domain/regency/state';
import { allocationKey } from '../domain/regency/state';
import { rupiah, sum, toAmountText, ZERO, type Rupiah } from '../domain/shared/money';
import { balanceOf, balancesOf } from '../domain/village/books';
import { lastDayOfMonth } from '../domain/village/calendar';
import type { VillageState } from '../domain/village/state';
import { demoCommand, type DemoCommand } from './demo-command';
import type { Random } from './random';
import type { PlannedSpending, VillageBudget } from './village-budget';

const YEAR_DAYS = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const QUARTER_MONTHS = [1, 4, 7, 10];
/** A panjar (UM) is kept small enough for cash on hand. */
const PANJAR_LIMIT = rupiah('9000000');

/** A transfer the regency sends and the receipt that answers it two days later. */
export interface PlannedTransfer {
  source: string;
  stage: number;
  amount: string;
  date: string;
  receiptDate: string;
  reference: string;
}

/** One dated step of the village's year; `commands` may read the state when the day comes. */
export interface Operation {
  date: string;
  order: number;
  commands: (state: VillageState) => DemoCommand[];
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
        transfer(source, stage, total, YEAR_DAYS(year, stage === 1 ? 3 : 7, 12)),
      );
    }
    const quarter = rupiah(amount).dividedToIntegerBy(4);
    return QUARTER_MONTHS.map((month, index) =>
      transfer(
        source,
        index + 1,
        index === 3 ? rupiah(amount).minus(quarter.times(3)) : quarter,
        YEAR_DAYS(year, month, 3),
      ),
    );
  });
}

function receiptOperations(budget: VillageBudget, transfers: PlannedTransfer[], year: number) {
  const accountOf = (source: string) =>
    budget.amountLines.find((line) => line.kind === 'revenue' && line.source === source)!.account;
  const receipt = (
    id: string,
    date: string,
    source: string,
    account: string,
    amount: string,
    transfer?: PlannedTransfer,
  ) =>
    demoCommand('RecordReceipt', id, {
      receiptId: id,
      date,
      account,
      source,
      amount,
      into: 'bank',
      payer: { name: transfer ? 'RKUD Kabupaten' : 'Warga dan mitra desa' },
      description: `Penerimaan ${source}`,
      ...(transfer ? { transfer: { stage: transfer.stage, reference: transfer.reference } } : {}),
    });
  const allocated = new Set(budget.allocations.map((a) => a.source));
  const own = budget.amountLines.filter(
    (line) => line.kind === 'revenue' && !allocated.has(line.source),
  );
  return [
    ...transfers.map((t) => ({
      date: t.receiptDate,
      source: t.source,
      amount: rupiah(t.amount),
      command: receipt(
        `TBP-${t.source}-${t.stage}`,
        t.receiptDate,
        t.source,
        accountOf(t.source),
        t.amount,
        t,
      ),
    })),
    ...own.map((line, index) => {
      const date = YEAR_DAYS(year, 4 + index, 15);
      return {
        date,
        source: line.source,
        amount: rupiah(line.amount),
        command: receipt(`TBP-${line.lineId}`, date, line.source, line.account, line.amount),
      };
    }),
  ];
}

const evidence = (number: string, date: string) => ({
  receiptNumber: number,
  receiptDate: date,
  payee: 'CV Karya Desa Mandiri',
  address: 'Jl. Raya Desa 12',
  bankAccount: '0011223344',
  bankName: 'Bank Jatim',
  npwp: '012345678901234',
});

/** Draft, submit, verify, approve and pay one SPP; a panjar is drawn into cash and accounted for. */
function paymentOperations(
  sppId: string,
  date: string,
  lines: { spending: PlannedSpending; amount: Rupiah }[],
  panjar: boolean,
): Operation[] {
  const activityId = lines[0]!.spending.line.activityId;
  const total = toAmountText(sum(lines.map((l) => l.amount)));
  const from = panjar ? 'cashOnHand' : 'bank';
  const pay: DemoCommand[] = [
    demoCommand('DraftPaymentRequest', `${sppId}-draft`, {
      sppId,
      kind: panjar ? 'UM' : 'LS',
      activityId,
      date,
      description: `Pembayaran kegiatan ${activityId}`,
      progressReportReference: `LPK/${sppId}`,
      lines: lines.map(({ spending, amount }) => ({
        lineId: spending.line.lineId,
        source: spending.line.source,
        amount: toAmountText(amount),
        taxes: panjar ? [] : spending.taxes,
        ...(panjar ? {} : { evidence: evidence(`KW/${sppId}`, date) }),
      })),
    }),
    demoCommand('SubmitPaymentRequest', `${sppId}-submit`, { sppId, date }),
    demoCommand('VerifyPaymentRequest', `${sppId}-verify`, {
      sppId,
      date,
      outcome: 'verified',
      reasons: [],
    }),
    demoCommand('ApprovePaymentRequest', `${sppId}-approve`, {
      sppId,
      date,
      outcome: 'approved',
      reasons: [],
    }),
    ...(panjar
      ? [
          demoCommand('RecordCashMutation', `${sppId}-cash`, {
            mutationId: `MUT-${sppId}`,
            date,
            from: 'bank',
            to: 'cashOnHand',
            amount: total,
            description: `Tarik tunai panjar ${sppId}`,
          }),
        ]
      : []),
    demoCommand('PayPaymentRequest', `${sppId}-pay`, {
      paymentId: `PAY-${sppId}`,
      sppId,
      date,
      from,
      ...(panjar ? {} : { transferReference: `CMS/${sppId}` }),
      taxOverrides: [],
    }),
  ];
  const operations: Operation[] = [{ date, order: 4, commands: () => pay }];
  if (!panjar) return operations;
  const spjDate = addDays(date, 3);
  operations.push({
    date: spjDate,
    order: 5,
    commands: () => [
      demoCommand('AccountPanjar', `${sppId}-spj`, {
        spjId: `SPJ-${sppId}`,
        sppId,
        date: spjDate,
        returnTo: 'bank',
        lines: lines.map(({ spending, amount }) => ({
          lineId: spending.line.lineId,
          evidence: [
            {
              ...evidence(`NOTA/${sppId}`, spjDate),
              amount: toAmountText(amount.times(9).dividedToIntegerBy(10)),
              taxes: spending.taxes,
            },
          ],
        })),
        taxOverrides: [],
      }),
    ],
  });
  return operations;
}

/**
 * One SPP per activity for 85–100 % of each line, dated once its fund
 * source has received enough (cumulated receipts cover everything
 * committed so far), so no payment ever overdraws a source.
 */
function spendingOperations(
  budget: VillageBudget,
  receipts: { date: string; source: string; amount: Rupiah }[],
  random: Random,
  reserved: Map<string, Rupiah>,
  year: number,
): Operation[] {
  const committed = new Map(reserved);
  const operations: Operation[] = [];
  const sorted = [...receipts].sort((a, b) => a.date.localeCompare(b.date));
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
    let received = ZERO;
    const covering = sorted.find(
      (r) => r.source === source && (received = received.plus(r.amount)).greaterThanOrEqualTo(need),
    );
    if (!covering) continue;
    committed.set(source, need);
    const preferred = YEAR_DAYS(year, 1 + random.below(11), 6 + random.below(18));
    const earliest = addDays(covering.date, 3);
    const date = preferred > earliest ? preferred : earliest;
    if (date > YEAR_DAYS(year, 12, 20)) continue;
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
    const month = `${year}-${String(index + 1).padStart(2, '0')}`;
    const date = lastDayOfMonth(month);
    return [
      ...(fee
        ? [
            {
              date: YEAR_DAYS(year, index + 1, 28),
              order: 6,
              commands: () => [
                demoCommand('RecordBankFee', `fee-${month}`, {
                  feeId: `ADM-${month}`,
                  date: YEAR_DAYS(year, index + 1, 28),
                  amount: fee.line.unitPrice,
                  lineId: fee.line.lineId,
                  statementReference: `RK ${month}`,
                }),
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
              demoCommand('DepositTax', `tax-${month}-${tax}`, {
                depositId: `SSP-${month}-${taxIndex + 1}`,
                tax,
                date,
                amount: toAmountText(amount),
                from: 'bank',
                billingCode: `${year}${String(index + 1).padStart(2, '0')}${String(taxIndex + 1).padStart(9, '0')}`,
                ntpn: `NTPN${year}${String(index + 1).padStart(2, '0')}${String(taxIndex + 1).padStart(6, '0')}`,
              }),
            ),
      },
      {
        date,
        order: 9,
        commands: (state: VillageState) => [
          demoCommand('CloseMonth', `close-${month}`, {
            month,
            date,
            cashCount: toAmountText(balanceOf(state.books, 'cash', 'cashOnHand')),
            bankBalance: toAmountText(balanceOf(state.books, 'cash', 'bank')),
          }),
        ],
      },
    ];
  }).flat();
}

/** Every dated step of the village's year after its APBDes, in the order they happen. */
export function villageYear(
  budget: VillageBudget,
  transfers: PlannedTransfer[],
  random: Random,
  year: number,
  amendment?: DemoCommand[],
): Operation[] {
  const receipts = receiptOperations(budget, transfers, year);
  const reserved = new Map<string, Rupiah>();
  if (budget.bankFee) {
    reserved.set(budget.bankFee.line.lineId, budget.bankFee.amount);
    reserved.set(budget.bankFee.line.source, budget.bankFee.amount);
  }
  const operations: Operation[] = [
    ...receipts.map((r) => ({ date: r.date, order: 1, commands: () => [r.command] })),
    ...(amendment ? [{ date: YEAR_DAYS(year, 8, 11), order: 2, commands: () => amendment }] : []),
    ...spendingOperations(budget, receipts, random, reserved, year),
    ...monthEndOperations(budget, year),
    {
      date: YEAR_DAYS(year, 12, 31),
      order: 10,
      commands: () => [
        demoCommand('CloseFiscalYear', 'close-year', { date: YEAR_DAYS(year, 12, 31) }),
      ],
    },
  ];
  return operations.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
}
