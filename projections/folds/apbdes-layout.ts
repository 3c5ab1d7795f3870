import { parentOf, prefixAt } from '../../src/domain/shared/dotted-codes';
import type { ReferenceData } from '../../src/domain/reference/reference-data';
import { rupiah, toAmountText } from '../../src/domain/shared/money';
import type { BudgetLine } from '../../src/domain/village/lines';
import type { Activity } from '../../src/domain/village/state';
import { buildTree, totalOf, type BudgetNode, type NodeLevel, type PathStep } from './budget-tree';

/** Account levels of Permendagri 20/2018: akun, kelompok, jenis, objek. */
const ACCOUNT_LEVELS: NodeLevel[] = ['akun', 'kelompok', 'jenis', 'objek'];
/** Levels of a kegiatan code: bidang, sub bidang. */
const KEGIATAN_LEVELS: NodeLevel[] = ['bidang', 'subBidang'];

export type DocumentDepth = 'perdes' | 'penjabaran';

export interface DocumentTotals {
  revenue: string;
  spending: string;
  /** Surplus/(Defisit) = Pendapatan − Belanja. */
  surplus: string;
  financingReceipts: string;
  financingExpenditures: string;
  /** Pembiayaan Netto = Penerimaan − Pengeluaran Pembiayaan. */
  netFinancing: string;
  /** SiLPA/SiKPA tahun berjalan = Surplus/(Defisit) + Pembiayaan Netto. */
  silpaCurrentYear: string;
}

/**
 * The Perdes layout (pendapatan to jenis, belanja by bidang and sub bidang,
 * pembiayaan to jenis) or the Penjabaran (everything down to the rincian
 * line, with keluaran and sumber dana).
 */
export interface BudgetDocument {
  depth: DocumentDepth;
  revenue: BudgetNode[];
  spending: BudgetNode[];
  /** Heading "Pembiayaan" above the two kelompok. */
  financingHeading: { code: string; description: string } | null;
  financingReceipts: BudgetNode[];
  financingExpenditures: BudgetNode[];
  totals: DocumentTotals;
}

interface LayoutInput {
  lines: readonly BudgetLine[];
  activities: ReadonlyMap<string, Activity>;
  reference: ReferenceData;
}

export function budgetDocument(depth: DocumentDepth, input: LayoutInput): BudgetDocument {
  const { lines, reference } = input;
  const detailed = depth === 'penjabaran';
  const accountLevels = detailed ? 4 : 3;
  const tree = (
    kind: BudgetLine['kind'],
    path: (line: BudgetLine) => PathStep[],
    keep = (_: BudgetLine) => true,
  ) =>
    buildTree(
      lines
        .filter((line) => line.kind === kind && keep(line))
        .map((line) => ({ path: path(line), amount: rupiah(line.amount) })),
    );
  const accountPath = (from: number) => (line: BudgetLine) => [
    ...accountSteps(line.account, from, accountLevels, reference),
    ...(detailed ? [rincianStep(line)] : []),
  ];
  const isReceipt = (line: BudgetLine) => line.kind === 'financing' && line.direction === 'receipt';
  const revenue = tree('revenue', accountPath(1));
  const spending = tree('spending', (line) => spendingPath(line, detailed, input));
  const financingReceipts = tree('financing', accountPath(2), isReceipt);
  const financingExpenditures = tree('financing', accountPath(2), (line) => !isReceipt(line));
  return {
    depth,
    revenue,
    spending,
    financingHeading: financingHeading(lines, reference),
    financingReceipts,
    financingExpenditures,
    totals: documentTotals(revenue, spending, financingReceipts, financingExpenditures),
  };
}

export function accountSteps(
  account: string,
  fromLevel: number,
  toLevel: number,
  reference: ReferenceData,
): PathStep[] {
  const steps: PathStep[] = [];
  for (let level = fromLevel; level <= toLevel; level += 1) {
    const code = prefixAt(account, level);
    steps.push({
      key: code,
      level: ACCOUNT_LEVELS[level - 1]!,
      code,
      description: reference.accounts.get(code)?.name ?? code,
    });
  }
  return steps;
}

function rincianStep(line: BudgetLine): PathStep {
  return {
    key: `line:${line.lineId}`,
    level: 'rincian',
    code: line.account,
    description: line.description,
    source: line.source,
    ...(line.kind === 'spending' ? { output: { volume: line.volume, unit: line.unit } } : {}),
  };
}

function spendingPath(line: BudgetLine, detailed: boolean, input: LayoutInput): PathStep[] {
  if (line.kind !== 'spending') return [];
  const { reference, activities } = input;
  const akun = accountSteps(line.account, 1, 1, input.reference);
  const groups = KEGIATAN_LEVELS.map((level, index): PathStep => {
    const code = prefixAt(line.kegiatanCode, index + 1);
    const named = index === 0 ? reference.bidang.get(code) : reference.subBidang.get(code);
    return { key: code, level, code, description: named?.name ?? code };
  });
  if (!detailed) return [...akun, ...groups];
  const activity = activities.get(line.activityId);
  const kegiatan: PathStep = {
    key: `activity:${line.activityId}`,
    level: 'kegiatan',
    code: line.kegiatanCode,
    description:
      activity?.name ?? reference.kegiatan.get(line.kegiatanCode)?.name ?? line.kegiatanCode,
    ...(activity ? { output: activity.output } : {}),
  };
  return [
    ...akun,
    ...groups,
    kegiatan,
    ...accountSteps(line.account, 3, 4, reference),
    rincianStep(line),
  ];
}

function financingHeading(lines: readonly BudgetLine[], reference: ReferenceData) {
  const financing = lines.find((line) => line.kind === 'financing');
  const code = financing && parentOf(prefixAt(financing.account, 2));
  if (code === undefined) return null;
  return { code, description: reference.accounts.get(code)?.name ?? code };
}

function documentTotals(
  revenueNodes: BudgetNode[],
  spendingNodes: BudgetNode[],
  receiptNodes: BudgetNode[],
  expenditureNodes: BudgetNode[],
): DocumentTotals {
  const revenue = totalOf(revenueNodes);
  const spending = totalOf(spendingNodes);
  const receipts = totalOf(receiptNodes);
  const expenditures = totalOf(expenditureNodes);
  const surplus = revenue.minus(spending);
  const net = receipts.minus(expenditures);
  return {
    revenue: toAmountText(revenue),
    spending: toAmountText(spending),
    surplus: toAmountText(surplus),
    financingReceipts: toAmountText(receipts),
    financingExpenditures: toAmountText(expenditures),
    netFinancing: toAmountText(net),
    silpaCurrentYear: toAmountText(surplus.plus(net)),
  };
}
