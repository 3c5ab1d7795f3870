import type { ReferenceData } from '../domain/reference/reference-data';
import { rupiah, sum, toAmountText, ZERO, type Rupiah } from '../domain/shared/money';
import type { Random } from './random';
import type { TemplateActivity, TemplateLine, VillageTemplate } from './village-template';

const THOUSAND = rupiah('1000');

export interface AmountLine {
  kind: 'revenue' | 'financing';
  lineId: string;
  account: string;
  source: string;
  amount: string;
  description: string;
}

export interface SpendingLine {
  kind: 'spending';
  lineId: string;
  activityId: string;
  account: string;
  source: string;
  earmark?: string;
  volume: string;
  unit: string;
  unitPrice: string;
  description: string;
}

/** A spending line with what the demo needs beside the command: its taxes and total. */
export interface PlannedSpending {
  line: SpendingLine;
  taxes: string[];
  amount: Rupiah;
}

export interface SourceAmount {
  source: string;
  amount: string;
}

/** One village's budget: the template scaled to its allocations, balanced per fund source. */
export interface VillageBudget {
  allocations: SourceAmount[];
  silpa: SourceAmount[];
  danaDesaSource: string;
  /** The Dana Desa stage plan's earmarks: the Dana Desa spending per earmark. */
  earmarks: { earmark: string; amount: string }[];
  activities: TemplateActivity[];
  amountLines: AmountLine[];
  spending: PlannedSpending[];
  /** The line monthly bank fees are booked on (reference role bankFee), if the template has one. */
  bankFee: PlannedSpending | undefined;
}

const roundDownToThousand = (amount: Rupiah) => amount.dividedToIntegerBy(THOUSAND).times(THOUSAND);

const classOf = (reference: ReferenceData, account: string) =>
  reference.accounts.get(account)?.accountClass;

/** What a revenue or financing-receipt line brings in this village. */
function scaledMeans(
  template: VillageTemplate,
  reference: ReferenceData,
  random: Random,
  lineAmount: { source: string; account: string; amount: string },
): Rupiah {
  const range = template.allocationRanges.find((each) => each.source === lineAmount.source);
  if (range && classOf(reference, lineAmount.account) === 'revenue') {
    const whole = (amount: string) => BigInt(rupiah(amount).toFixed(0));
    const drawn = random.between(whole(range.min), whole(range.max));
    return roundDownToThousand(rupiah(drawn.toString()));
  }
  const percent = 60 + random.below(81);
  return roundDownToThousand(rupiah(lineAmount.amount).times(percent).dividedBy(100));
}

/** The `index`th line of an activity as the APBDes drafts it. */
export function spendingLineOf(
  activity: Pick<TemplateActivity, 'activityId' | 'name'>,
  index: number,
  row: Omit<TemplateLine, 'taxes'>,
): SpendingLine {
  return {
    kind: 'spending',
    lineId: `${activity.activityId}-${index + 1}`,
    activityId: activity.activityId,
    account: row.account,
    source: row.source,
    ...(row.earmark ? { earmark: row.earmark } : {}),
    volume: row.volume,
    unit: row.unit,
    unitPrice: row.unitPrice,
    description: `${activity.name} (${row.unit})`,
  };
}

const lineTotal = (line: SpendingLine) => rupiah(line.unitPrice).times(line.volume);

/**
 * Scales a source's uses (spending lines, financing expenditures) so that
 * they spend exactly what the source brings: unit prices in whole thousands,
 * the rest on the source's first one-unit line. Bank fees stay as they are.
 */
function balanceSource(
  source: string,
  means: Rupiah,
  spending: SpendingLine[],
  expenditures: AmountLine[],
  reference: ReferenceData,
): void {
  const fixed = spending.filter((line) => reference.accounts.get(line.account)?.bankFee);
  const scalable = spending.filter((line) => !fixed.includes(line));
  const target = means.minus(sum(fixed.map(lineTotal)));
  const before = sum([...scalable.map(lineTotal), ...expenditures.map((e) => rupiah(e.amount))]);
  const factor = target.dividedBy(before);
  for (const line of scalable) {
    const price = roundDownToThousand(rupiah(line.unitPrice).times(factor));
    line.unitPrice = toAmountText(price.greaterThan(ZERO) ? price : THOUSAND);
  }
  for (const line of expenditures)
    line.amount = toAmountText(roundDownToThousand(rupiah(line.amount).times(factor)));
  const after = sum([...scalable.map(lineTotal), ...expenditures.map((e) => rupiah(e.amount))]);
  const single = scalable.find((line) => line.volume === '1');
  if (!single || after.greaterThan(target))
    throw new Error(`demo template cannot balance fund source ${source}`);
  single.unitPrice = toAmountText(rupiah(single.unitPrice).plus(target.minus(after)));
}

/**
 * The template made into one village's balanced budget, amounts drawn from
 * `random`; without one, the template's own amounts (it must balance itself).
 */
export function villageBudget(
  template: VillageTemplate,
  reference: ReferenceData,
  random?: Random,
): VillageBudget {
  const danaDesaSource = [...reference.fundSources.values()].find((s) => s.danaDesa)?.code;
  if (!danaDesaSource) throw new Error('reference data has no Dana Desa fund source');
  const amountLines: AmountLine[] = template.budgetLines.map((row) => ({
    ...row,
    description: row.lineId,
  }));
  const means = new Map<string, Rupiah>();
  const silpa: SourceAmount[] = [];
  const allocations: SourceAmount[] = [];
  for (const line of amountLines) {
    const accountClass = classOf(reference, line.account);
    if (accountClass === 'financingExpenditure') continue;
    const amount = !random
      ? rupiah(line.amount)
      : reference.accounts.get(line.account)?.silpa
        ? rupiah((2_000_000 + random.below(38_000) * 1000).toString())
        : scaledMeans(template, reference, random, line);
    line.amount = toAmountText(amount);
    means.set(line.source, (means.get(line.source) ?? ZERO).plus(amount));
    if (reference.accounts.get(line.account)?.silpa)
      silpa.push({ source: line.source, amount: line.amount });
    else if (reference.fundSources.get(line.source)?.regencyAllocated)
      allocations.push({ source: line.source, amount: line.amount });
  }
  const spending = template.activities.flatMap((activity) =>
    activity.lines.map((row, index) => ({
      line: spendingLineOf(activity, index, row),
      taxes: row.taxes,
    })),
  );
  for (const [source, amount] of random ? means : []) {
    balanceSource(
      source,
      amount,
      spending.filter((each) => each.line.source === source).map((each) => each.line),
      amountLines.filter(
        (line) =>
          line.source === source && classOf(reference, line.account) === 'financingExpenditure',
      ),
      reference,
    );
  }
  // The stage plan earmarks the allocation: Dana Desa SiLPA pays part of the first earmark's spending.
  const earmarks = new Map<string, Rupiah>();
  for (const { line } of spending.filter((each) => each.line.source === danaDesaSource)) {
    const earmark = line.earmark ?? '';
    earmarks.set(earmark, (earmarks.get(earmark) ?? ZERO).plus(lineTotal(line)));
  }
  const danaDesaSilpa = sum(
    silpa.filter((each) => each.source === danaDesaSource).map((each) => rupiah(each.amount)),
  );
  const [first] = earmarks.keys();
  if (first !== undefined) earmarks.set(first, earmarks.get(first)!.minus(danaDesaSilpa));
  const planned = spending.map((each) => ({ ...each, amount: lineTotal(each.line) }));
  return {
    allocations,
    silpa,
    danaDesaSource,
    earmarks: [...earmarks].map(([earmark, amount]) => ({ earmark, amount: toAmountText(amount) })),
    activities: template.activities,
    amountLines,
    spending: planned,
    bankFee: planned.find((each) => reference.accounts.get(each.line.account)?.bankFee),
  };
}
