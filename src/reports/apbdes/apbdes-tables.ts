import { rupiah } from '../../domain/shared/money';
import type { ApbdesVersionDocument } from '../../../projections/read-models/apbdes-documents';
import type { AmountChange, LineChange } from '../../domain/village/queries/budget-diff';
import type { VersionDiff } from './apbdes-diff';
import type { BudgetDocument, DocumentTotals } from '../../../projections/folds/apbdes-layout';
import type { BudgetNode } from '../../../projections/folds/budget-tree';
import type { VillageIdentity } from '../../../projections/folds/reference-lookup';
import { CHANGE_LABELS, documentTitle, KIND_LABELS, villageTitle } from '../render/labels';
import {
  columnTotal,
  difference,
  sumOf,
  type Column,
  type Formula,
  type ReportTable,
  type TableRow,
} from '../render/table';

const CODE: Column = { key: 'code', header: 'Kode Rekening', kind: 'text', width: 16 };
const DESCRIPTION: Column = {
  key: 'description',
  header: 'Uraian',
  kind: 'text',
  width: 60,
  indented: true,
};
const AMOUNT: Column = { key: 'amount', header: 'Anggaran (Rp)', kind: 'amount', width: 20 };
const PENJABARAN_COLUMNS: Column[] = [
  CODE,
  DESCRIPTION,
  { key: 'volume', header: 'Volume Keluaran', kind: 'quantity', width: 12 },
  { key: 'unit', header: 'Satuan', kind: 'text', width: 16 },
  AMOUNT,
  { key: 'source', header: 'Sumber Dana', kind: 'text', width: 12 },
];

type Cells = TableRow['cells'];

/** Perdes APBDes (Lampiran I) and Perkades Penjabaran of one enacted version. */
export function apbdesTables(doc: ApbdesVersionDocument, identity: VillageIdentity): ReportTable[] {
  const legal = [
    documentTitle(doc.enactedBy),
    ...(doc.elaboratedBy ? [`Penjabaran: ${documentTitle(doc.elaboratedBy)}`] : []),
  ];
  return [
    {
      name: 'APBDes',
      title: [
        'Anggaran Pendapatan dan Belanja Desa (APBDes)',
        villageTitle(identity),
        `${doc.label}: ${legal[0]}`,
      ],
      columns: [CODE, DESCRIPTION, AMOUNT],
      rows: documentRows(doc.perdes),
      landscape: false,
    },
    penjabaranTable(doc.penjabaran, [
      'Penjabaran APBDes',
      villageTitle(identity),
      `${doc.label}: ${legal.join('; ')}`,
    ]),
  ];
}

/** A budget document down to each line, with keluaran and sumber dana (enacted or a draft). */
export function penjabaranTable(doc: BudgetDocument, title: string[]): ReportTable {
  return {
    name: 'Penjabaran APBDes',
    title,
    columns: PENJABARAN_COLUMNS,
    rows: documentRows(doc),
    landscape: true,
  };
}

/** The summary rows of a budget document, in the document's order. */
const TOTAL_LABELS: Record<keyof DocumentTotals, string> = {
  revenue: 'JUMLAH PENDAPATAN',
  spending: 'JUMLAH BELANJA',
  surplus: 'SURPLUS/(DEFISIT)',
  financingReceipts: 'Jumlah Penerimaan Pembiayaan',
  financingExpenditures: 'Jumlah Pengeluaran Pembiayaan',
  netFinancing: 'PEMBIAYAAN NETTO',
  silpaCurrentYear: 'SILPA/SiKPA TAHUN BERJALAN',
};

/** Rows of a budget document: each group sums its children, the summary rows combine sections. */
export function documentRows(doc: BudgetDocument): TableRow[] {
  const rows: TableRow[] = [];
  const section = (name: string, nodes: BudgetNode[]) =>
    nodes.map((node) => addNode(rows, node, name, 0));
  const total = (id: string, description: string, amount: string, formula: Formula) =>
    rows.push({
      id,
      style: 'total',
      cells: { description, amount },
      formulas: { amount: formula },
    });
  const { totals } = doc;
  total('revenue', TOTAL_LABELS.revenue, totals.revenue, sumOf(section('revenue', doc.revenue)));
  total(
    'spending',
    TOTAL_LABELS.spending,
    totals.spending,
    sumOf(section('spending', doc.spending)),
  );
  total('surplus', TOTAL_LABELS.surplus, totals.surplus, difference('revenue', 'spending'));
  if (doc.financingHeading) {
    const { code, description } = doc.financingHeading;
    rows.push({ style: 'heading', cells: { code, description } });
  }
  const receipts = section('receipts', doc.financingReceipts);
  const expenditures = section('expenditures', doc.financingExpenditures);
  total('receipts', TOTAL_LABELS.financingReceipts, totals.financingReceipts, sumOf(receipts));
  total(
    'expenditures',
    TOTAL_LABELS.financingExpenditures,
    totals.financingExpenditures,
    sumOf(expenditures),
  );
  total(
    'net',
    TOTAL_LABELS.netFinancing,
    totals.netFinancing,
    difference('receipts', 'expenditures'),
  );
  total('silpa', TOTAL_LABELS.silpaCurrentYear, totals.silpaCurrentYear, {
    terms: [
      { ref: { rowId: 'surplus' }, sign: 1 },
      { ref: { rowId: 'net' }, sign: 1 },
    ],
  });
  return rows;
}

function addNode(rows: TableRow[], node: BudgetNode, parentId: string, depth: number): string {
  const id = `${parentId}/${node.key}`;
  const row: TableRow = {
    id,
    style: node.children.length > 0 ? 'group' : 'detail',
    depth,
    cells: nodeCells(node),
  };
  rows.push(row);
  const childIds = node.children.map((child) => addNode(rows, child, id, depth + 1));
  if (childIds.length > 0) row.formulas = { amount: sumOf(childIds) };
  return id;
}

function nodeCells(node: BudgetNode): Cells {
  return {
    code: node.code,
    description: node.description,
    amount: node.amount,
    volume: node.output?.volume ?? null,
    unit: node.output?.unit ?? null,
    source: node.source ?? null,
  };
}

const DIFF_AMOUNTS = ['before', 'after', 'difference'] as const;

/** The lines that changed between two versions, with a total per section. */
export function versionDiffTable(diff: VersionDiff, identity: VillageIdentity): ReportTable {
  return lineChangesTable(diff.changes, [
    'Perbandingan Versi APBDes',
    villageTitle(identity),
    `${diff.from.label} (${documentTitle(diff.from.enactedBy)}) → ${diff.to.label} (${documentTitle(diff.to.enactedBy)})`,
  ]);
}

/** Lines added, removed and changed, amounts before and after, with a total per section. */
export function lineChangesTable(changes: readonly LineChange[], title: string[]): ReportTable {
  const rows: TableRow[] = [];
  for (const kind of ['revenue', 'spending', 'financing'] as const) {
    const ofKind = changes.filter((change) => change.kind === kind);
    if (ofKind.length === 0) continue;
    const ids = ofKind.map((change) => {
      const id = `line:${change.lineId}`;
      rows.push({
        id,
        style: 'detail',
        cells: {
          code: change.account,
          description: change.description,
          source: change.source,
          change: `${CHANGE_LABELS[change.change]}${change.changedFields.length ? ` (${change.changedFields.join(', ')})` : ''}`,
          before: change.before,
          after: change.after,
          difference: change.difference,
        },
      });
      return id;
    });
    const changeRows = rows.slice(-ids.length);
    rows.push({
      style: 'total',
      cells: {
        description: `Jumlah perubahan ${KIND_LABELS[kind].toLowerCase()}`,
        ...Object.fromEntries(DIFF_AMOUNTS.map((key) => [key, columnTotal(changeRows, key)])),
      },
      formulas: Object.fromEntries(DIFF_AMOUNTS.map((key) => [key, sumOf(ids)])),
    });
  }
  return {
    name: 'Perbandingan Versi',
    title,
    columns: [
      CODE,
      { ...DESCRIPTION, indented: false },
      { key: 'source', header: 'Sumber Dana', kind: 'text', width: 12 },
      { key: 'change', header: 'Keterangan', kind: 'text', width: 24 },
      { key: 'before', header: 'Anggaran Sebelum (Rp)', kind: 'amount', width: 20 },
      { key: 'after', header: 'Anggaran Sesudah (Rp)', kind: 'amount', width: 20 },
      { key: 'difference', header: 'Bertambah/(Berkurang) (Rp)', kind: 'amount', width: 20 },
    ],
    rows,
    landscape: true,
  };
}

/** Each total of a budget document before and after, and whether it rose, fell or stayed. */
export function totalChangesTable(
  changes: Readonly<Record<keyof DocumentTotals, AmountChange>>,
  title: string[],
): ReportTable {
  const trend = (difference: string) => {
    const amount = rupiah(difference);
    return amount.gt(0) ? 'Bertambah' : amount.lt(0) ? 'Berkurang' : 'Tetap';
  };
  return {
    name: 'Perbandingan Jumlah',
    title,
    columns: [
      { ...DESCRIPTION, indented: false },
      { key: 'change', header: 'Keterangan', kind: 'text', width: 12 },
      { key: 'before', header: 'Sebelum (Rp)', kind: 'amount', width: 20 },
      { key: 'after', header: 'Sesudah (Rp)', kind: 'amount', width: 20 },
      { key: 'difference', header: 'Bertambah/(Berkurang) (Rp)', kind: 'amount', width: 20 },
    ],
    rows: (Object.keys(TOTAL_LABELS) as (keyof DocumentTotals)[]).map((key) => ({
      id: key,
      style: 'total',
      cells: {
        description: TOTAL_LABELS[key],
        change: trend(changes[key].difference),
        ...changes[key],
      },
    })),
    landscape: false,
  };
}
