import { periodInWords } from '../render/document';
import { type Figures } from './figures';
import { type RealisationNode, type RealisationSections } from './tree';
import { type RegencyRealisation } from './regency-realisation';
import { type VillageRealisation } from './village-realisation';
import { villageTitle } from '../render/labels';
import {
  difference,
  sumOf,
  type Column,
  type Formula,
  type ReportTable,
  type TableRow,
} from '../render/table';

/** Kode Rekening | Uraian | Anggaran | Realisasi | Lebih/(Kurang) | %, with Lebih/(Kurang) = Anggaran − Realisasi. */
const COLUMNS: Column[] = [
  { key: 'code', header: 'Kode Rekening', kind: 'text', width: 14 },
  { key: 'description', header: 'Uraian', kind: 'text', width: 48, indented: true },
  { key: 'budget', header: 'Anggaran (Rp)', kind: 'amount', width: 20 },
  { key: 'realised', header: 'Realisasi (Rp)', kind: 'amount', width: 20 },
  { key: 'difference', header: 'Lebih/(Kurang) (Rp)', kind: 'amount', width: 20 },
  { key: 'percent', header: '%', kind: 'percent', width: 8 },
];

const AMOUNT_KEYS = ['budget', 'realised', 'difference'] as const;

const figureCells = (f: Figures) => ({
  budget: f.budget,
  realised: f.realised,
  difference: f.difference,
  percent: f.percent,
});

const allAmounts = (formula: Formula) =>
  Object.fromEntries(AMOUNT_KEYS.map((key) => [key, formula]));

/** Tree rows, each group a SUM of its children; returns the ids of the top rows. */
function treeRows(nodes: RealisationNode[], prefix: string, rows: TableRow[], depth = 1): string[] {
  return nodes.map((node) => {
    const id = `${prefix}:${node.key}`;
    const row: TableRow = {
      id,
      style: node.children.length ? 'group' : 'detail',
      depth,
      cells: { code: node.code, description: node.description, ...figureCells(node) },
    };
    rows.push(row);
    if (node.children.length)
      row.formulas = allAmounts(sumOf(treeRows(node.children, id, rows, depth + 1)));
    return id;
  });
}

function section(
  rows: TableRow[],
  id: string,
  label: string,
  nodes: RealisationNode[],
  totals: Figures,
) {
  rows.push({ style: 'heading', cells: { description: label } });
  const top = treeRows(nodes, id, rows);
  rows.push({
    id,
    style: 'total',
    cells: { description: `Jumlah ${label}`, ...figureCells(totals) },
    formulas: allAmounts(sumOf(top)),
  });
}

export function realisationRows(report: RealisationSections): TableRow[] {
  const rows: TableRow[] = [];
  const { totals } = report;
  section(rows, 'revenue', 'Pendapatan', report.revenue, totals.revenue);
  section(rows, 'spending', 'Belanja', report.spending, totals.spending);
  rows.push({
    id: 'surplus',
    style: 'total',
    cells: { description: 'Surplus/(Defisit)', ...figureCells(totals.surplus) },
    formulas: allAmounts(difference('revenue', 'spending')),
  });
  section(
    rows,
    'receipts',
    'Penerimaan Pembiayaan',
    report.financingReceipts,
    totals.financingReceipts,
  );
  section(
    rows,
    'expenditures',
    'Pengeluaran Pembiayaan',
    report.financingExpenditures,
    totals.financingExpenditures,
  );
  rows.push({
    id: 'net',
    style: 'total',
    cells: { description: 'Pembiayaan Netto', ...figureCells(totals.netFinancing) },
    formulas: allAmounts(difference('receipts', 'expenditures')),
  });
  rows.push({
    style: 'total',
    cells: { description: 'SiLPA/SiKPA Tahun Berjalan', ...figureCells(totals.silpa) },
    formulas: allAmounts({ sum: [{ rowId: 'surplus' }, { rowId: 'net' }] }),
  });
  return rows;
}

const TITLE = 'Laporan Realisasi Pelaksanaan APB Desa';

export function villageRealisationTable(report: VillageRealisation): ReportTable {
  return {
    name: 'Realisasi',
    title: [TITLE, villageTitle(report.identity), `Periode ${periodInWords(report.period)}`],
    columns: COLUMNS,
    rows: realisationRows(report),
    landscape: false,
  };
}

/** Regency workbook: the consolidated summary and one sheet per district. */
export function regencyRealisationTables(report: RegencyRealisation): ReportTable[] {
  const period = `Periode ${periodInWords(report.period)}`;
  return [
    {
      name: 'Ringkasan',
      title: [
        `${TITLE} (Konsolidasi)`,
        `${report.regency.name} — Tahun Anggaran ${report.fiscalYear}`,
        period,
      ],
      columns: COLUMNS,
      rows: realisationRows(report),
      landscape: false,
    },
    ...report.districts.map((district) => ({
      name: district.districtName,
      title: [
        `${TITLE} (Konsolidasi Kecamatan)`,
        `Kecamatan ${district.districtName}, ${report.regency.name}`,
        period,
      ],
      columns: COLUMNS,
      rows: realisationRows(district),
      landscape: false,
    })),
  ];
}
