import type {
  FlowTotals,
  FundFlowReport,
  VillageFlowReport,
  VillageFundFlowReport,
} from './fund-flow-report';
import { FUND_ORIGINS } from './fund-flow-report';
import { ORIGIN_LABELS, villageTitle } from '../render/labels';
import {
  columnTotal,
  refsTo,
  sumOf,
  type Column,
  type Formula,
  type ReportTable,
  type TableRow,
} from '../render/table';

const SUMMARY = 'Ringkasan';

function columnsFor(stageNumbers: number[]): Column[] {
  const amount = (key: string, header: string): Column => ({
    key,
    header,
    kind: 'amount',
    width: 18,
  });
  return [
    { key: 'code', header: 'Kode', kind: 'text', width: 16 },
    { key: 'description', header: 'Uraian', kind: 'text', width: 32 },
    { key: 'source', header: 'Sumber Dana', kind: 'text', width: 12 },
    { key: 'origin', header: 'Asal Dana', kind: 'text', width: 20 },
    amount('allocation', 'Pagu Alokasi (Rp)'),
    ...stageNumbers.flatMap((stage) => [
      amount(`planned${stage}`, `Rencana Tahap ${stage} (Rp)`),
      amount(`transferred${stage}`, `Disalurkan Tahap ${stage} (Rp)`),
    ]),
    amount('transferred', 'Jumlah Disalurkan (Rp)'),
    amount('remaining', 'Sisa Pagu Belum Disalurkan (Rp)'),
    amount('received', 'Diterima Desa (Rp)'),
    amount('budgeted', 'Dianggarkan Belanja (Rp)'),
    amount('spent', 'Dibelanjakan (Rp)'),
    amount('cashRemaining', 'Sisa Kas (Rp)'),
    amount('openingSilpa', 'SiLPA Tahun Lalu (Rp)'),
  ];
}

function amountCells(totals: FlowTotals): TableRow['cells'] {
  const cells: TableRow['cells'] = {
    allocation: totals.allocation,
    transferred: totals.transferred,
    remaining: totals.remaining,
    received: totals.received,
    budgeted: totals.budgeted,
    spent: totals.spent,
    cashRemaining: totals.cashRemaining,
    openingSilpa: totals.openingSilpa,
  };
  for (const stage of totals.stages) {
    cells[`planned${stage.stage}`] = stage.planned;
    cells[`transferred${stage.stage}`] = stage.transferred;
  }
  return cells;
}

function everyAmount(columns: Column[], formula: Formula): Record<string, Formula> {
  return Object.fromEntries(
    columns.filter((c) => c.kind === 'amount').map((c) => [c.key, formula]),
  );
}

const TITLE = 'Aliran Dana APBN/APBD ke Desa';

/**
 * The regency fund-flow workbook, allocation → transferred: a summary sheet
 * (districts, sources, origins) and one sheet per district (villages × sources).
 */
export function fundFlowTables(report: FundFlowReport): ReportTable[] {
  const columns = columnsFor(report.stageNumbers);
  const districts = report.districts.map((district) =>
    sourcesTable(
      {
        name: district.districtName,
        subtitle: `Kecamatan ${district.districtName}, ${report.regency.name} — Tahun Anggaran ${report.fiscalYear}`,
        total: {
          code: district.districtCode,
          label: `Jumlah Kecamatan ${district.districtName}`,
        },
        villages: district.villages,
        bySource: district.bySource,
        totals: district.totals,
      },
      columns,
    ),
  );
  return [summaryTable(report, columns), ...districts];
}

/** One village's fund-flow workbook: its sources, and every transfer receipt it booked. */
export function villageFundFlowTables(report: VillageFundFlowReport): ReportTable[] {
  const { village } = report;
  const subtitle = villageTitle({
    villageName: village.villageName,
    districtName: report.district.name,
    fiscalYear: report.fiscalYear,
  });
  const sources = sourcesTable(
    {
      name: 'Aliran Dana',
      subtitle,
      total: { code: village.villageCode, label: `Jumlah Desa ${village.villageName}` },
      villages: [village],
      bySource: village.bySource,
      totals: village.totals,
    },
    columnsFor(report.stageNumbers),
  );
  return [sources, receiptsTable(report, subtitle)];
}

const sourceRowId = (source: string) => `source:${source}`;

/** The villages × sources rows of a district (or of one village), summed per source and in all. */
interface SourcesSheet {
  name: string;
  subtitle: string;
  total: { code: string; label: string };
  villages: readonly VillageFlowReport[];
  bySource: Record<string, FlowTotals>;
  totals: FlowTotals;
}

function sourcesTable(sheet: SourcesSheet, columns: Column[]): ReportTable {
  const rows: TableRow[] = [];
  const idsBySource = new Map<string, string[]>();
  for (const village of sheet.villages) {
    for (const flow of village.sources) {
      const id = `${village.villageCode}|${flow.source}`;
      rows.push({
        id,
        style: 'detail',
        cells: {
          code: village.villageCode,
          description: village.villageName,
          source: flow.source,
          origin: ORIGIN_LABELS[flow.origin],
          ...amountCells(flow),
        },
      });
      idsBySource.set(flow.source, [...(idsBySource.get(flow.source) ?? []), id]);
    }
  }
  const sourceIds = Object.entries(sheet.bySource).map(([source, totals]) => {
    rows.push({
      id: sourceRowId(source),
      style: 'group',
      cells: { description: `Jumlah ${source}`, source, ...amountCells(totals) },
      formulas: everyAmount(columns, sumOf(idsBySource.get(source) ?? [])),
    });
    return sourceRowId(source);
  });
  rows.push({
    id: 'total',
    style: 'total',
    cells: { code: sheet.total.code, description: sheet.total.label, ...amountCells(sheet.totals) },
    formulas: everyAmount(columns, sumOf(sourceIds)),
  });
  return { name: sheet.name, title: [TITLE, sheet.subtitle], columns, rows, landscape: true };
}

const RECEIPT_COLUMNS: Column[] = [
  { key: 'source', header: 'Sumber Dana', kind: 'text', width: 12 },
  { key: 'stage', header: 'Tahap', kind: 'count', width: 8 },
  { key: 'date', header: 'Tanggal', kind: 'date', width: 12 },
  { key: 'entryId', header: 'Nomor Bukti', kind: 'text', width: 24 },
  { key: 'amount', header: 'Diterima (Rp)', kind: 'amount', width: 18 },
];

/** A source's receipts, then their sum: none when the village booked no receipt on it. */
function sourceReceiptRows(flow: VillageFundFlowReport['village']['sources'][number]): TableRow[] {
  const details = (flow.village?.receipts ?? []).map((receipt, index): TableRow => ({
    id: `${flow.source}#${index}`,
    style: 'detail',
    cells: {
      source: flow.source,
      stage: String(receipt.stage),
      date: receipt.date,
      entryId: receipt.entryId,
      amount: receipt.amount,
    },
  }));
  if (details.length === 0) return [];
  return [
    ...details,
    {
      id: sourceRowId(flow.source),
      style: 'group',
      cells: { entryId: `Jumlah ${flow.source}`, amount: columnTotal(details, 'amount') },
      formulas: { amount: sumOf(details.map((row) => row.id!)) },
    },
  ];
}

/** Every receipt of a regency transfer the village booked (a reversal negative), per source. */
function receiptsTable(report: VillageFundFlowReport, subtitle: string): ReportTable {
  const rows = report.village.sources.flatMap(sourceReceiptRows);
  const sums = rows.filter((row) => row.style === 'group');
  rows.push({
    id: 'total',
    style: 'total',
    cells: { entryId: 'Jumlah Penerimaan', amount: columnTotal(sums, 'amount') },
    formulas: { amount: sumOf(sums.map((row) => row.id!)) },
  });
  return {
    name: 'Penerimaan Transfer',
    title: ['Penerimaan Transfer Dana per Tahap', subtitle],
    columns: RECEIPT_COLUMNS,
    rows,
    landscape: false,
  };
}

function summaryTable(report: FundFlowReport, columns: Column[]): ReportTable {
  const rows: TableRow[] = [];
  const districtIds = report.districts.map((district) => {
    const id = `district:${district.districtCode}`;
    rows.push({
      id,
      style: 'detail',
      cells: {
        code: district.districtCode,
        description: `Kecamatan ${district.districtName}`,
        ...amountCells(district.totals),
      },
      formulas: everyAmount(columns, { sum: [{ table: district.districtName, rowId: 'total' }] }),
    });
    return id;
  });
  rows.push({
    id: 'total',
    style: 'total',
    cells: {
      code: report.regency.code,
      description: `Jumlah ${report.regency.name}`,
      ...amountCells(report.totals),
    },
    formulas: everyAmount(columns, sumOf(districtIds)),
  });
  rows.push({ style: 'heading', cells: { description: 'Per Sumber Dana' } });
  const idsByOrigin = new Map<string, string[]>();
  for (const [source, totals] of Object.entries(report.bySource)) {
    const origin = report.sourceOrigins[source];
    rows.push({
      id: sourceRowId(source),
      style: 'detail',
      cells: {
        description: source,
        source,
        origin: origin ? ORIGIN_LABELS[origin] : null,
        ...amountCells(totals),
      },
      formulas: everyAmount(columns, {
        sum: report.districts.map((d) => ({ table: d.districtName, rowId: sourceRowId(source) })),
      }),
    });
    if (origin) idsByOrigin.set(origin, [...(idsByOrigin.get(origin) ?? []), sourceRowId(source)]);
  }
  rows.push({ style: 'heading', cells: { description: 'Per Asal Dana' } });
  const originIds = FUND_ORIGINS.map((origin) => {
    const id = `origin:${origin}`;
    rows.push({
      id,
      style: 'detail',
      cells: {
        description: ORIGIN_LABELS[origin],
        origin: ORIGIN_LABELS[origin],
        ...amountCells(report.byOrigin[origin]),
      },
      formulas: everyAmount(columns, { sum: refsTo(idsByOrigin.get(origin) ?? []) }),
    });
    return id;
  });
  rows.push({
    id: 'origins-total',
    style: 'total',
    cells: { description: 'Jumlah Semua Asal Dana', ...amountCells(report.totals) },
    formulas: everyAmount(columns, sumOf(originIds)),
  });
  return {
    name: SUMMARY,
    title: [TITLE, `${report.regency.name} — Tahun Anggaran ${report.fiscalYear}`],
    columns,
    rows,
    landscape: true,
  };
}
